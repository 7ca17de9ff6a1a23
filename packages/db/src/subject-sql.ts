import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { Em } from './orm.js';
import type { SqlExpression } from './privacy-policy.js';
import type { SubjectEntity } from './subject-graph.js';

/**
 * Set-based statements over the rows of many data subjects at once,
 * written from the entity metadata: erasure and anonymization of a page of
 * candidates or applications run one plain statement per entity. They are
 * plain SQL because the ORM's own bulk statements cost several
 * milliseconds each to build (their nested relation filters most of all),
 * which at 100k erasures is most of a retention sweep.
 */

/** A condition on one table's rows (unqualified columns) and its parameters. */
export interface RowCondition {
  sql: string;
  params: unknown[];
}

function metaOf(em: Em, entity: string): EntityMetadata {
  const meta = em.getMetadata().find(entity);
  if (!meta) throw new Error(`no metadata for ${entity}`);
  return meta;
}

function columnOf(meta: EntityMetadata, property: string): string {
  const prop = meta.properties[property] as EntityProperty | undefined;
  const column = prop?.fieldNames?.[0];
  if (!column) throw new Error(`no column for ${meta.className}.${property}`);
  return column;
}

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ');

/**
 * Rows of `entity` whose relations along `path` lead to one of `ids`: for
 * the path interview -> application -> candidate, rows whose interview is
 * one whose application is one of the candidates'. One nested `in` per step,
 * each answered by the foreign key's index.
 */
export function alongPath(em: Em, entity: string, path: string[], ids: string[]): RowCondition {
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const meta = metaOf(em, entity);
  const [first, ...rest] = path;
  if (first === undefined)
    return {
      sql: `${q(columnOf(meta, meta.primaryKeys[0] as string))} in (${placeholders(ids)})`,
      params: ids,
    };
  const column = q(columnOf(meta, first));
  if (rest.length === 0) return { sql: `${column} in (${placeholders(ids)})`, params: ids };
  const target = metaOf(em, (meta.properties[first] as EntityProperty).type);
  const inner = alongPath(em, target.className, rest, ids);
  const key = q(columnOf(target, target.primaryKeys[0] as string));
  return {
    sql: `${column} in (select ${key} from ${q(target.tableName)} where ${inner.sql})`,
    params: inner.params,
  };
}

/** The rows of a subject-graph node that belong to any of the candidates: by relation, or by their email address. */
export function subjectRows(
  em: Em,
  node: SubjectEntity,
  candidateIds: string[],
  emails: string[],
): RowCondition {
  const parts: RowCondition[] = [];
  if (node.path) parts.push(alongPath(em, node.entity, node.path, candidateIds));
  if (node.emailProperty && emails.length > 0) {
    const column = em.getPlatform().quoteIdentifier(columnOf(metaOf(em, node.entity), node.emailProperty));
    parts.push({ sql: `${column} in (${placeholders(emails)})`, params: emails });
  }
  if (parts.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: parts.map((p) => `(${p.sql})`).join(' or '), params: parts.flatMap((p) => p.params) };
}

/** `where` narrowed to the tenant, as the ORM's tenant filter would. */
function scoped(em: Em, meta: EntityMetadata, tenantId: string, where: RowCondition): RowCondition {
  const tenant = meta.properties.tenant
    ? `${em.getPlatform().quoteIdentifier(columnOf(meta, 'tenant'))} = ? and `
    : '';
  return { sql: `${tenant}(${where.sql})`, params: [...(tenant ? [tenantId] : []), ...where.params] };
}

async function run(em: Em, sql: string, params: unknown[]): Promise<number> {
  const result: { affectedRows?: number } = await em.execute(sql, params, 'run');
  return Number(result.affectedRows ?? 0);
}

/** Deletes the matching rows of `entity` in the tenant; returns how many. */
export function deleteRows(em: Em, entity: string, tenantId: string, where: RowCondition): Promise<number> {
  const meta = metaOf(em, entity);
  const w = scoped(em, meta, tenantId, where);
  return run(em, `delete from ${em.getPlatform().quoteIdentifier(meta.tableName)} where ${w.sql}`, w.params);
}

/** A JavaScript value as the column stores it (JSON as text, dates as the platform keeps them). */
function toDatabase(em: Em, prop: EntityProperty, value: unknown): unknown {
  if (value === null) return null;
  if (value instanceof Date) return em.getPlatform().processDateProperty(value);
  if (prop.customType)
    return prop.customType.convertToDatabaseValue(value, em.getPlatform(), { mode: 'query' });
  return value;
}

/** Sets properties of the matching rows of `entity` in the tenant, to values or per-row expressions; returns how many rows. */
export function updateRows(
  em: Em,
  entity: string,
  tenantId: string,
  where: RowCondition,
  values: Record<string, unknown | SqlExpression>,
): Promise<number> {
  const meta = metaOf(em, entity);
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [property, value] of Object.entries(values)) {
    const column = q(columnOf(meta, property));
    if (value && typeof value === 'object' && 'expression' in value)
      sets.push(`${column} = ${(value as SqlExpression).expression}`);
    else {
      sets.push(`${column} = ?`);
      params.push(toDatabase(em, meta.properties[property] as EntityProperty, value));
    }
  }
  const w = scoped(em, meta, tenantId, where);
  return run(em, `update ${q(meta.tableName)} set ${sets.join(', ')} where ${w.sql}`, [
    ...params,
    ...w.params,
  ]);
}

/** The non-null values of one property over the matching rows of `entity` in the tenant. */
export async function selectValues(
  em: Em,
  entity: string,
  tenantId: string,
  where: RowCondition,
  property: string,
): Promise<unknown[]> {
  const meta = metaOf(em, entity);
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const column = q(columnOf(meta, property));
  const w = scoped(em, meta, tenantId, where);
  const rows: Array<{ v: unknown }> = await em.execute(
    `select ${column} as v from ${q(meta.tableName)} where ${w.sql} and ${column} is not null`,
    w.params,
  );
  return rows.map((r) => r.v);
}
