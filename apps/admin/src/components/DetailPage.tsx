import type { ReactNode } from 'react';
import { Show } from 'react-admin';
import { detailQueryOptions } from '../providers/detail';
import { NotFound } from './NotFound';

type Props = {
  /** What the page shows, for the not-found message: "candidate", "request". */
  what: string;
  listPath: string;
  listLabel: string;
  children: ReactNode;
};

/**
 * The frame of a record's own page: the record loaded with the detail query
 * options, the body laid out by the page itself (no react-admin title or
 * actions bar), and a not-found page with a way back to the list.
 */
export function DetailPage({ what, listPath, listLabel, children }: Props) {
  return (
    <Show
      title={false}
      actions={false}
      component="div"
      queryOptions={detailQueryOptions}
      error={<NotFound what={what} listPath={listPath} listLabel={listLabel} />}
    >
      {children}
    </Show>
  );
}
