import type { Orm } from '@candor/db';
import type { EntitySchema } from '@mikro-orm/core';

// biome-ignore lint/suspicious/noExplicitAny: any entity schema
type AnySchema = EntitySchema<any, any>;

/** What the seeding needs of a knex transaction (the API does not depend on @mikro-orm/knex's types). */
export type RawRunner = { raw(sql: string, bindings: readonly unknown[]): PromiseLike<unknown> };

/**
 * Multi-row INSERTs of objects keyed by property name, for the benchmarks'
 * seeding (the ORM's unit of work is far too slow for 100k rows); columns
 * come from the entity metadata, an absent value is NULL.
 */
export async function insertRows(
  trx: RawRunner,
  orm: Orm,
  entity: AnySchema,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return;
  const meta = orm.getMetadata().get(entity.meta.className);
  const properties = Object.keys(rows[0]!);
  const columns = properties.map((p) => `"${meta.properties[p]!.fieldNames[0]}"`).join(', ');
  const tuple = `(${properties.map(() => '?').join(', ')})`;
  const perStatement = Math.max(1, Math.floor(30_000 / properties.length / 2));
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    const sql = `insert into "${meta.tableName}" (${columns}) values ${batch.map(() => tuple).join(', ')}`;
    await trx.raw(
      sql,
      batch.flatMap((r) => properties.map((p) => r[p] ?? null)),
    );
  }
}
