import {
  type EntityKey,
  type EntityName,
  type FilterQuery,
  type FindOptions,
  type QueryOrderMap,
  raw,
} from '@mikro-orm/core';
import type { Em } from './orm.js';

/**
 * Lists count at most this many rows: past it the exact figure costs a scan
 * of the whole match at every page turn, and "10,000+" tells a person as much.
 */
export const COUNT_CAP = 10_000;

export interface Page<T> {
  rows: T[];
  /** Exact up to COUNT_CAP; when `capped`, there are more. */
  total: number;
  capped: boolean;
}

/** Counts the rows matching `where` (entity filters included), stopping after `cap`. */
export async function cappedCount<T extends object>(
  em: Em,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  cap = COUNT_CAP,
): Promise<{ total: number; capped: boolean }> {
  const qb = em
    .createQueryBuilder(entity, 'e')
    .select(raw('1 as one'))
    .where(where)
    .limit(cap + 1);
  await qb.applyFilters();
  const [row] = await em.getKnex().count({ n: '*' }).from(qb.getKnexQuery().as('matches'));
  const n = Number((row as { n: number | string } | undefined)?.n ?? 0);
  return { total: Math.min(n, cap), capped: n > cap };
}

/** The previous page's last row: its value of the list's first sort field, and its id. */
export interface PageAfter {
  value: string | number;
  id: string;
}

/**
 * The rows after `after` in the order `[{ field: order }, { id: order }]`:
 * `field <= value and (field < value or id < after.id)` for a descending
 * order (mirrored for ascending). The first half bounds the index range
 * scan, so a page deep in the list costs as much as the first one. Null when
 * the order cannot be continued that way (a nullable or relation field):
 * then the page is found by its offset.
 */
function continuing<T extends object>(
  em: Em,
  entity: EntityName<T>,
  orderBy: QueryOrderMap<T>[],
  after: PageAfter,
): FilterQuery<T> | null {
  const [first, second] = orderBy;
  const [field, order] = Object.entries(first ?? {})[0] ?? [];
  if (!field || !second || Object.keys(second)[0] !== 'id') return null;
  const property = em.getMetadata().find(entity)?.properties[field as EntityKey<T>];
  if (property?.kind !== 'scalar' || property.nullable) return null;
  const value = property.runtimeType === 'Date' ? new Date(after.value) : after.value;
  if (value instanceof Date && Number.isNaN(value.getTime())) return null;
  const descending = String(order).toLowerCase() === 'desc';
  const [bound, past] = descending ? ['$lte', '$lt'] : ['$gte', '$gt'];
  const condition = {
    [field]: { [bound]: value },
    $or: [{ [field]: { [past]: value } }, { id: { [past]: after.id } }],
  };
  return condition as unknown as FilterQuery<T>;
}

/**
 * One page of a list: the rows (relations loaded by id in separate queries,
 * so the page query stays a simple indexed scan) and a capped count, or the
 * exact total from `count` when the caller knows it without reading the
 * matches (maintained counts). With `after` (where the previous page ended)
 * the page continues from that row instead of skipping the rows before it.
 */
export async function findPage<T extends object, P extends string = never>(
  em: Em,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: Pick<FindOptions<T, P>, 'populate'> & {
    orderBy: QueryOrderMap<T>[];
    page: number;
    perPage: number;
    after?: PageAfter;
    count?: () => Promise<number>;
  },
): Promise<Page<Awaited<ReturnType<typeof em.find<T, P>>>[number]>> {
  const from =
    options.after && options.page > 1 ? continuing(em, entity, options.orderBy, options.after) : null;
  const [rows, count] = await Promise.all([
    em.find<T, P>(entity, from ? ({ $and: [where, from] } as FilterQuery<T>) : where, {
      orderBy: options.orderBy,
      populate: options.populate,
      strategy: 'select-in',
      limit: options.perPage,
      offset: from ? 0 : (options.page - 1) * options.perPage,
    } as FindOptions<T, P>),
    options.count
      ? options.count().then((total) => ({ total, capped: false }))
      : cappedCount(em, entity, where),
  ]);
  return { rows, ...count };
}
