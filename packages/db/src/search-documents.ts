import type { Knex } from '@mikro-orm/knex';
import type { TDocumentTextSource } from './entities/index.js';
import { type Em, ormDialectOfEm } from './orm.js';

/**
 * Full-text search over the text of candidates' documents (the
 * `DocumentText` entity), with each database's own index: FTS5 on SQLite
 * (table `document_search`, ranked by bm25), a GIN index over a 'simple'
 * tsvector on PostgreSQL (ranked by ts_rank). Both fold case and accents and
 * do not stem: "rust" finds "Rust", "zurich" finds "Zürich", every word of the
 * query must occur, and the last word also matches as a prefix. Raw SQL skips
 * the ORM's tenant filter, so the tenant is named here.
 */

/** A knex query, as a sub-query of ids. */
export type SqlQuery = Knex.QueryBuilder;

/** Which copy of the text to search: the original, or the redacted one a blind reviewer may match. */
export type DocumentTextColumn = 'text' | 'redacted_text';

/** Marks a match in a snippet; removed from the indexed text so a document cannot forge one. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

const MAX_TERMS = 8;

/** The words of a query as the indexes see them: letters and digits, lower case, at most eight. */
export function searchTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** Text as it is stored for search: without control characters (snippet markers among them). */
export function searchableText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what goes
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

function fts5Query(terms: string[], column: DocumentTextColumn): string {
  // Each term a quoted string (nothing in it is syntax), the last one a prefix.
  return terms.map((t, i) => `${column} : "${t}"${i === terms.length - 1 ? '*' : ''}`).join(' AND ');
}

function tsQuery(terms: string[]): string {
  return terms.map((t, i) => `'${t}'${i === terms.length - 1 ? ':*' : ''}`).join(' & ');
}

export interface DocumentHit {
  id: string;
  candidateId: string;
  applicationId: string | null;
  source: TDocumentTextSource;
  /** Higher is better; comparable within one search. */
  rank: number;
}

export interface DocumentSearchScope {
  /** Candidates whose documents may match (a sub-query of ids, the candidate aliased `x`). */
  candidateIds: Knex.QueryBuilder;
  /** Applications whose documents may match (a sub-query of ids, aliased `x`); candidate-level files too when `orCandidateFiles`. */
  applicationIds?: Knex.QueryBuilder;
  orCandidateFiles?: boolean;
  sources?: readonly TDocumentTextSource[];
}

/**
 * The best-ranked documents of the tenant matching every term in `column`,
 * within `scope`, at most `limit`. At most `RANKED_AT_MOST` matches are
 * ranked (ranking reads each one): a word in most resumes is ranked among
 * the newest matches on SQLite, among the first found on PostgreSQL.
 */
export const RANKED_AT_MOST = 2_000;

export async function rankedDocumentHits(
  em: Em,
  tenantId: string,
  terms: string[],
  column: DocumentTextColumn,
  scope: DocumentSearchScope,
  limit: number,
): Promise<DocumentHit[]> {
  if (terms.length === 0) return [];
  const knex = em.getKnex();
  const scoped = (q: Knex.QueryBuilder) => {
    // EXISTS on the candidate's key, one lookup per match: an IN made SQLite collect every candidate id of the
    // tenant first (100k at the bench's size, most of a search's time).
    q.where('d.tenant_id', tenantId).whereExists(
      scope.candidateIds.clone().whereRaw('x.id = d.candidate_id'),
    );
    if (scope.applicationIds) {
      // EXISTS on the application's key, one lookup per match, for the same reason; and under an OR, PostgreSQL
      // cannot hash an IN sub-query at all (it compared every match with every application: 30 s at 300k).
      const ofApplication = scope.applicationIds.clone().whereRaw('x.id = d.application_id');
      if (scope.orCandidateFiles)
        q.andWhere((w) => w.whereNull('d.application_id').orWhereExists(ofApplication));
      else q.whereExists(ofApplication);
    }
    if (scope.sources) q.whereIn('d.source', [...scope.sources]);
    return q;
  };
  const columns = ['d.id', 'd.candidate_id as candidateId', 'd.application_id as applicationId', 'd.source'];
  const run = async <T>(q: Knex.QueryBuilder) =>
    (await em.getConnection().execute(q, [], 'all', em.getTransactionContext())) as T[];
  let query: Knex.QueryBuilder;
  if (ormDialectOfEm(em) === 'postgresql') {
    const vector = `to_tsvector('simple'::regconfig, candor_fold(d.${column}))`;
    const tsquery = knex.raw(`to_tsquery('simple'::regconfig, candor_fold(?))`, [tsQuery(terms)]);
    // Ranked inside the bounded sub-query, so ts_rank (which reads each document again) runs for those only.
    const matches = scoped(
      knex('document_text as d')
        .select(...columns, knex.raw(`ts_rank(${vector}, ?) as rank`, [tsquery]))
        .whereRaw(`${vector} @@ ?`, [tsquery])
        .limit(RANKED_AT_MOST),
    );
    query = knex
      .from(matches.as('m'))
      .select('*')
      .orderBy([{ column: 'rank', order: 'desc' }, { column: 'id' }])
      .limit(limit);
  } else {
    const matching = () =>
      scoped(
        knex('document_search')
          .join('document_text as d', 'd.rowid', 'document_search.rowid')
          .whereRaw('document_search match ?', [fts5Query(terms, column)]),
      );
    // bm25 is worked out for every match before sorting: only the newest RANKED_AT_MOST matches are ranked,
    // those from the one at that position on (FTS5 walks its rowids newest first without ranking).
    const [edge] = await run<{ edge: number }>(
      matching()
        .select('document_search.rowid as edge')
        .orderBy('document_search.rowid', 'desc')
        .offset(RANKED_AT_MOST - 1)
        .limit(1),
    );
    query = matching()
      .select(...columns, knex.raw('-bm25(document_search) as rank'))
      .orderBy([{ column: 'rank', order: 'desc' }, { column: 'd.id' }])
      .limit(limit);
    if (edge) query.where('document_search.rowid', '>=', edge.edge);
  }
  const rows = await run<Omit<DocumentHit, 'rank'> & { rank: number | string }>(query);
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}

/**
 * Short extracts around the matches of `terms` in each document of `ids`
 * (the page shown), matches between SNIPPET_OPEN and SNIPPET_CLOSE.
 */
export async function documentSnippets(
  em: Em,
  tenantId: string,
  ids: string[],
  terms: string[],
  column: DocumentTextColumn,
): Promise<Map<string, string>> {
  if (ids.length === 0 || terms.length === 0) return new Map();
  const knex = em.getKnex();
  let query: Knex.QueryBuilder;
  if (ormDialectOfEm(em) === 'postgresql') {
    query = knex('document_text as d')
      .select(
        'd.id',
        knex.raw(
          `ts_headline('simple'::regconfig, d.${column}, to_tsquery('simple'::regconfig, candor_fold(?)), ?) as snippet`,
          [
            tsQuery(terms),
            `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`,
          ],
        ),
      )
      .where('d.tenant_id', tenantId)
      .whereIn('d.id', ids);
  } else {
    const columnIndex = column === 'text' ? 0 : 1;
    query = knex('document_search')
      .join('document_text as d', 'd.rowid', 'document_search.rowid')
      .select(
        'd.id',
        knex.raw(`snippet(document_search, ${columnIndex}, ?, ?, '…', 24) as snippet`, [
          SNIPPET_OPEN,
          SNIPPET_CLOSE,
        ]),
      )
      .whereRaw('document_search match ?', [fts5Query(terms, column)])
      .where('d.tenant_id', tenantId)
      .whereIn('d.id', ids);
  }
  const rows = (await em.getConnection().execute(query, [], 'all', em.getTransactionContext())) as Array<{
    id: string;
    snippet: string;
  }>;
  return new Map(rows.map((row) => [row.id, row.snippet]));
}
