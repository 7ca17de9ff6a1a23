import type { ReactElement, ReactNode } from 'react';
import { Show } from 'react-admin';
import { detailQueryOptions } from '../providers/detail';
import { NotFound } from './NotFound';

type Props = {
  /** What the page shows, for the not-found message: "candidate", "request". */
  what: string;
  listPath: string;
  listLabel: string;
  /**
   * react-admin's page title and actions bar, with the body in a card; a page
   * without them lays its body out itself.
   */
  title?: ReactElement;
  actions?: ReactElement;
  children: ReactNode;
};

/**
 * The frame of a record's own page: the record loaded with the detail query
 * options (the full record, not a list's summary), and a not-found page with a
 * way back to the list.
 */
export function DetailPage({ what, listPath, listLabel, title, actions, children }: Props) {
  const framed = Boolean(title || actions);
  return (
    <Show
      title={title ?? false}
      actions={actions ?? false}
      component={framed ? undefined : 'div'}
      queryOptions={detailQueryOptions}
      error={<NotFound what={what} listPath={listPath} listLabel={listLabel} />}
    >
      {children}
    </Show>
  );
}
