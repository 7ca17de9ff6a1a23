import { z } from 'zod';

/**
 * List requests and results in react-admin's shape, so the backoffice's
 * dataProvider can pass `getList` params straight through.
 */
export const ZSortOrder = z.enum(['ASC', 'DESC']);

/**
 * Where the previous page ended: its last row's value of the sort field and
 * its id. With it a list reads on from that row (keyset pagination) instead
 * of skipping `(page - 1) * perPage` rows, which grows with every page turn;
 * lists that cannot use it (a nullable sort field) fall back to the offset.
 */
export const ZPageAfter = z.object({
  value: z.union([z.string().max(320), z.number()]),
  id: z.uuid(),
});
export type TPageAfter = z.infer<typeof ZPageAfter>;

export const ZPagination = z.object({
  page: z.number().int().min(1).default(1),
  perPage: z.number().int().min(1).max(500).default(25),
  after: ZPageAfter.optional(),
});

export function listParams<const F extends readonly [string, ...string[]], Filter extends z.ZodType>(
  sortFields: F,
  filter: Filter,
) {
  return z.object({
    pagination: ZPagination.default({ page: 1, perPage: 25 }),
    sort: z
      .object({ field: z.enum(sortFields), order: ZSortOrder.default('ASC') })
      .default({ field: sortFields[0], order: 'ASC' } as never),
    filter: filter.default({} as never),
  });
}

/** `total` is exact up to a cap; `capped` says there are more than that. */
export function listResult<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.array(item), total: z.number().int().min(0), capped: z.boolean().optional() });
}

export const ZId = z.uuid();
export const ZIdInput = z.object({ id: ZId });
export type TIdInput = z.infer<typeof ZIdInput>;
