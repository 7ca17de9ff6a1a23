/**
 * react-admin copies every record of a list into the getOne cache (key
 * `[resource, 'getOne', { id, meta }]`) so a show page can render at once.
 * Our list items are summaries (a job without its stages, an application
 * without its history), so detail pages and edit forms ask with this `meta`:
 * a cache key of their own that only the full record from `get` fills.
 * The dataProvider ignores `meta`; only the key differs.
 */
export const DETAIL = { detail: true } as const;

/** `queryOptions` for <Show> and <Edit>: the full record, and errors left to the page (no redirect). */
export const detailQueryOptions = { meta: DETAIL, onError: () => undefined } as const;
