import { type EntityName, type FilterQuery, type FindOptions, raw } from '@mikro-orm/core';
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
  const qb = em.createQueryBuilder(entity, 'e').select(raw('1 as one')).where(where).limit(cap + 1);
  await qb.applyFilters();
  const [row] = await em.getKnex().count({ n: '*' }).from(qb.getKnexQuery().as('matches'));
  const n = Number((row as { n: number | string } | undefined)?.n ?? 0);
  return { total: Math.min(n, cap), capped: n > cap };
}

/**
 * One page of a list: the rows (relations loaded by id in separate queries,
 * so the page query stays a simple indexed scan) and a capped count, or the
 * exact total from `count` when the caller knows it without reading the
 * matches (maintained counts).
 */
export async function findPage<T extends object, P extends string = never>(
  em: Em,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: Pick<FindOptions<T, P>, 'orderBy' | 'populate'> & { page: number; perPage: number; count?: () => Promise<number> },
): Promise<Page<Awaited<ReturnType<typeof em.find<T, P>>>[number]>> {
  const [rows, count] = await Promise.all([
    em.find<T, P>(entity, where, {
      orderBy: options.orderBy,
      populate: options.populate,
      strategy: 'select-in',
      limit: options.perPage,
      offset: (options.page - 1) * options.perPage,
    } as FindOptions<T, P>),
    options.count ? options.count().then((total) => ({ total, capped: false })) : cappedCount(em, entity, where),
  ]);
  return { rows, ...count };
}
