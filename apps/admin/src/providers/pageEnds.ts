import type { TPageAfter } from '@candor/schemas';
import type { RaRecord } from 'react-admin';
import type { ListRequest } from './listRequest';

/** Enough for every list a person pages through in a session; the oldest are forgotten first. */
const REMEMBERED_PAGES = 200;
const LONGEST_VALUE = 320;

/**
 * Where each list page the backoffice fetched ended (the last row's sort
 * value and id), so that asking for the next page of the same list (same
 * sort, filter and page size) sends `after` and the API continues from that
 * row instead of skipping every row before it: page 400 of the applications
 * costs what page 1 does.
 */
export function createPageEnds() {
  const ends = new Map<string, TPageAfter>();
  const keyOf = (resource: string, { sort, filter, pagination }: ListRequest, page: number) =>
    JSON.stringify([resource, sort?.field, sort?.order, filter, pagination?.perPage, page]);

  return {
    /** The end of the page before the one asked for, if this list's previous page was fetched. */
    before(resource: string, request: ListRequest): TPageAfter | undefined {
      const page = request.pagination?.page ?? 1;
      return page > 1 ? ends.get(keyOf(resource, request, page - 1)) : undefined;
    },

    remember(resource: string, request: ListRequest, rows: RaRecord[]): void {
      const last = rows.at(-1);
      const field = request.sort?.field;
      if (!last || !field || !request.pagination) return;
      const value: unknown = last[field];
      const fits = typeof value === 'number' || (typeof value === 'string' && value.length <= LONGEST_VALUE);
      if (!fits || typeof last.id !== 'string') return;
      const key = keyOf(resource, request, request.pagination.page);
      ends.delete(key);
      ends.set(key, { value, id: last.id });
      if (ends.size > REMEMBERED_PAGES) ends.delete(ends.keys().next().value as string);
    },
  };
}
