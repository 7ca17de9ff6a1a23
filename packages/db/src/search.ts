import type { Knex } from '@mikro-orm/knex';
import { Candidate } from './entities/index.js';
import { type Em, ormDialectOfEm } from './orm.js';

/**
 * Ids of the tenant's candidates whose name or email contains `text`, in any
 * case and with or without accents ("zoe" finds "Zoë"), as a sub-query for
 * `$in`. Each dialect uses its search index: trigram GIN indexes over
 * `candor_fold(...)` (lower + unaccent) on PostgreSQL, the FTS5 trigram table
 * with `remove_diacritics` on SQLite. FTS5 needs three characters; shorter
 * text falls back to LIKE, which on SQLite folds only ASCII letters' case.
 * Raw SQL skips the ORM's tenant filter, so the tenant is named here.
 */
export function candidateIdsMatching(em: Em, tenantId: string, text: string): string[] {
  const knex = em.getKnex();
  const needle = text.trim();
  const pattern = `%${needle.replace(/[%_\\]/g, '')}%`;
  const table = em.getMetadata().get(Candidate.meta.className).tableName;
  let query: unknown;
  if (ormDialectOfEm(em) === 'postgresql') {
    // Folded on the server, so text and index agree on what an accent is (unaccent maps ø and ß too).
    query = knex(table)
      .select('id')
      .where('tenant_id', tenantId)
      .andWhere((w) =>
        w
          .whereRaw('candor_fold(name) like candor_fold(?)', [pattern])
          .orWhereRaw('candor_fold(email) like candor_fold(?)', [pattern]),
      );
  } else if ([...needle].length >= 3) {
    // An FTS5 phrase: the text, quoted, matches it as a substring (trigrams in a row).
    const phrase = `"${needle.replace(/"/g, '""')}"`;
    query = knex(table)
      .select('id')
      .where('tenant_id', tenantId)
      .whereRaw('rowid in (select rowid from candidate_search where candidate_search match ?)', [phrase]);
  } else {
    query = knex(table)
      .select('id')
      .where('tenant_id', tenantId)
      .andWhere((w) => w.whereLike('name', pattern).orWhereLike('email', pattern));
  }
  // MikroORM takes a knex query as the value of `$in`; its types only know arrays.
  return query as string[];
}

/** Past this many matching candidates a search is broad, and the sub-query serves it better than a list of ids. */
export const SEARCH_ID_LIST_LIMIT = 1_000;

/**
 * The same as a list query's condition (`{ id: await candidatesMatching(...) }`):
 * `$in` the ids themselves when at most `limit` candidates match (read from
 * the search index in one cheap query), else `$in` the sub-query. A list of
 * ids lets the list query reach the rows through the candidate's own index;
 * with a sub-query PostgreSQL's planner may instead scan every application
 * (250 ms at 300k for a 3-letter name) or walk the list's sort index testing
 * each row (slow for a rare name). Wrapped in an object because a knex query
 * is a thenable: returned from an async function it would run instead.
 */
export async function candidatesMatching(
  em: Em,
  tenantId: string,
  text: string,
  limit = SEARCH_ID_LIST_LIMIT,
): Promise<{ $in: string[] }> {
  const query = candidateIdsMatching(em, tenantId, text) as unknown as Knex.QueryBuilder;
  const rows = (await query.clone().limit(limit + 1)) as Array<{ id: string }>;
  return { $in: rows.length <= limit ? rows.map((row) => row.id) : candidateIdsMatching(em, tenantId, text) };
}

const deferredPurges = new WeakSet<Em>();

/**
 * Makes `purgeSearchIndex` do nothing on this EntityManager (a transaction
 * of a batch job): the rewrite costs the same for one erased candidate as
 * for a thousand (about 0.2 s at 100k candidates), so a job erasing many
 * purges once per batch itself, after the batch's commits.
 */
export function deferSearchIndexPurge(em: Em): void {
  deferredPurges.add(em);
}

/**
 * Rewrites the SQLite search indexes (names and emails, documents' text) so
 * that entries of changed or deleted candidates are gone from their pages too, not only marked deleted: after an
 * erasure no trace of the old name or email may remain in the file.
 * PostgreSQL's indexes only point at rows, so nothing is needed there.
 */
export async function purgeSearchIndex(em: Em): Promise<void> {
  if (ormDialectOfEm(em) === 'postgresql' || deferredPurges.has(em)) return;
  // In the caller's transaction, if any: another connection would wait for its lock.
  for (const table of ['candidate_search', 'document_search']) {
    await em
      .getConnection()
      .execute(`insert into ${table}(${table}) values ('optimize')`, [], 'run', em.getTransactionContext());
  }
}
