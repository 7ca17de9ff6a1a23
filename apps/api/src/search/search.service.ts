import {
  Application,
  Candidate,
  candidatesMatching,
  type DocumentHit,
  type DocumentSearchScope,
  type DocumentTextColumn,
  documentSnippets,
  type Em,
  Job,
  ormDialectOfEm,
  rankedDocumentHits,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type SqlQuery,
  searchTerms,
} from '@candor/db';
import {
  RECOMMENDATIONS,
  TALENT_POOL_PURPOSE,
  type TDocumentSearchHit,
  type TDocumentSearchResult,
  type TGlobalSearchResult,
  type ZDocumentSearchParams,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { visibleCandidateIds } from '../candidates/candidates.service.js';
import {
  blindCandidateRef,
  IN_BLIND_REVIEW,
  identifiableScope,
  isBlindFor,
  reviewsBlind,
} from '../hiring/blind-review.js';
import { jobScope, visibleJobIds } from '../hiring/job-scope.js';
import type { Actor } from '../trpc/init.js';

/** How many ranked documents one search reads before grouping them per candidate and application. */
export const SEARCH_HITS_AT_MOST = 500;

type Filter = z.output<typeof ZDocumentSearchParams>['filter'];

/** A query builder's SQL as a knex sub-query (MikroORM's QueryBuilder writes the where-clause of an ORM filter). */
function subquery(em: Em, entity: typeof Candidate | typeof Application, where: object): SqlQuery {
  return em
    .createQueryBuilder(entity as typeof Application, 'x')
    .select('x.id')
    .where(where as never)
    .getKnexQuery() as unknown as SqlQuery;
}

/**
 * The candidates whose documents a search may match: of the tenant, never
 * those who restricted processing (search is processing), and within the
 * filters on the candidate.
 */
function candidateScope(em: Em, actor: Actor, filter: Filter): SqlQuery {
  const knex = em.getKnex();
  const where: Record<string, unknown> = { tenant: actor.tenantId, restrictedAt: null };
  if (filter.location) where.location = { $like: `%${filter.location.replace(/[%_\\]/g, '')}%` };
  const query = subquery(em, Candidate, where);
  if (filter.talentPool) {
    // The latest talent-pool decision is consent.
    query.whereIn(
      'x.id',
      knex('consent_event as e')
        .select('e.candidate_id')
        .where({ 'e.tenant_id': actor.tenantId, 'e.purpose': TALENT_POOL_PURPOSE, 'e.decision': 'given' })
        .whereNotExists(
          knex('consent_event as l')
            .select(knex.raw('1'))
            .whereRaw(
              'l.candidate_id = e.candidate_id and l.purpose = e.purpose and l.occurred_at > e.occurred_at',
            ),
        ),
    );
  }
  return query;
}

/**
 * The applications whose documents a search may match (`blind`: those in
 * blind review for a blind reviewer, else the others). Wrapped in an object:
 * a knex query is a thenable, and returned from an async function it would run.
 */
async function applicationScope(
  em: Em,
  actor: Actor,
  filter: Filter,
  blind: boolean,
): Promise<{ query: SqlQuery }> {
  const scope = await jobScope(em, actor);
  const where: Record<string, unknown> = {
    tenant: actor.tenantId,
    anonymizedAt: null,
    ...scope,
    ...(blind ? IN_BLIND_REVIEW : identifiableScope(actor)),
  };
  // A job the actor may not see matches nothing (never widens their scope).
  if (filter.jobId)
    where.job = scope.job && !scope.job.$in.includes(filter.jobId) ? { $in: [] } : filter.jobId;
  if (filter.source) where.source = filter.source;
  const query = subquery(em, Application, where);
  if (filter.minRecommendation) {
    const atLeast = RECOMMENDATIONS.slice(RECOMMENDATIONS.indexOf(filter.minRecommendation));
    query.whereIn(
      'x.id',
      em
        .getKnex()('scorecard')
        .select('application_id')
        .where('tenant_id', actor.tenantId)
        .whereIn('recommendation', [...atLeast]),
    );
  }
  return { query };
}

function snippetParts(snippet: string | undefined): TDocumentSearchHit['snippet'] {
  if (!snippet) return [];
  const parts: TDocumentSearchHit['snippet'] = [];
  for (const [i, piece] of snippet.split(SNIPPET_OPEN).entries()) {
    const [matched, rest] =
      i === 0
        ? [null, piece]
        : [piece.split(SNIPPET_CLOSE)[0] ?? '', piece.split(SNIPPET_CLOSE).slice(1).join('')];
    if (matched) parts.push({ text: matched, match: true });
    const plain = rest.replace(/\s+/g, ' ');
    if (plain) parts.push({ text: plain, match: false });
  }
  return parts;
}

/**
 * Full-text search in candidates' documents (resumes and other files, cover
 * letters, answers), best matches first, one result per candidate and
 * application with a snippet around the match. Sees what the actor sees:
 * a hiring manager only applications on their jobs; nobody finds a candidate
 * who restricted processing. A blind reviewer's search reads the redacted text
 * of applications in blind review (their identity was taken out before it
 * was indexed), so no hidden value matches, and their snippets come from it.
 */
export async function searchDocuments(
  em: Em,
  actor: Actor,
  params: z.output<typeof ZDocumentSearchParams>,
): Promise<TDocumentSearchResult> {
  const { filter } = params;
  const terms = searchTerms(filter.q);
  const candidates = candidateScope(em, actor, filter);
  const seesAllJobs = (await visibleJobIds(em, actor)) === undefined;
  // Files about the candidate rather than one application: for those who see every job, unless a filter is about applications.
  const orCandidateFiles = seesAllJobs && !filter.jobId && !filter.source && !filter.minRecommendation;
  const base: Omit<DocumentSearchScope, 'applicationIds'> = {
    candidateIds: candidates,
    orCandidateFiles,
    ...(filter.in ? { sources: filter.in } : {}),
  };
  const passes: Array<{ column: DocumentTextColumn; scope: DocumentSearchScope }> = [
    {
      column: 'text',
      scope: { ...base, applicationIds: (await applicationScope(em, actor, filter, false)).query },
    },
  ];
  // A location is a hidden value: a blind reviewer does not filter blind applications by it.
  if (reviewsBlind(actor) && !filter.location)
    passes.push({
      column: 'redacted_text',
      scope: {
        ...base,
        orCandidateFiles: false,
        applicationIds: (await applicationScope(em, actor, filter, true)).query,
      },
    });
  const hits: Array<DocumentHit & { column: DocumentTextColumn }> = [];
  for (const pass of passes) {
    for (const hit of await rankedDocumentHits(
      em,
      actor.tenantId,
      terms,
      pass.column,
      pass.scope,
      SEARCH_HITS_AT_MOST,
    ))
      hits.push({ ...hit, column: pass.column });
  }
  hits.sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id));
  // One result per candidate and application: its best-ranked document.
  const best = new Map<string, (typeof hits)[number]>();
  for (const hit of hits) {
    const key = `${hit.candidateId}:${hit.applicationId ?? ''}`;
    if (!best.has(key)) best.set(key, hit);
  }
  const all = [...best.values()];
  const { page, perPage } = params.pagination;
  const shown = all.slice((page - 1) * perPage, page * perPage);

  const snippets = new Map<string, string>();
  for (const column of ['text', 'redacted_text'] as const) {
    const ids = shown.filter((h) => h.column === column).map((h) => h.id);
    for (const [id, snippet] of await documentSnippets(em, actor.tenantId, ids, terms, column))
      snippets.set(id, snippet);
  }
  const appIds = shown.flatMap((h) => (h.applicationId ? [h.applicationId] : []));
  const [apps, people] = await Promise.all([
    em.find(Application, { id: { $in: appIds } }, { populate: ['job', 'stage', 'candidate'] }),
    em.find(Candidate, { id: { $in: shown.map((h) => h.candidateId) } }),
  ]);
  const appById = new Map(apps.map((a) => [a.id, a]));
  const personById = new Map(people.map((c) => [c.id, c]));
  const data: TDocumentSearchHit[] = [];
  for (const hit of shown) {
    const app = hit.applicationId ? appById.get(hit.applicationId) : undefined;
    const person = personById.get(hit.candidateId);
    if (!person || (hit.applicationId && !app)) continue;
    const blind = hit.column === 'redacted_text' || (app ? isBlindFor(actor, app) : false);
    data.push({
      id: hit.id,
      candidate:
        blind && app
          ? blindCandidateRef(app.id)
          : {
              blind: false,
              id: person.id,
              name: person.name,
              email: person.email,
              restrictedAt: person.restrictedAt?.toISOString() ?? null,
            },
      application: app ? { id: app.id, job: { id: app.job.id, title: app.job.title } } : null,
      source: hit.source,
      rank: hit.rank,
      snippet: snippetParts(snippets.get(hit.id)),
    });
  }
  recordAudit(em, actor, { action: 'search.documents', targetType: 'Candidate' });
  await em.flush();
  return { data, total: all.length, capped: hits.length >= SEARCH_HITS_AT_MOST };
}

const PALETTE_ITEMS = 5;
/** The palette's applications are the newest of at most this many matches. */
const APPLICATIONS_SCANNED = 2000;

/**
 * The command palette's search: a few candidates (by name or email), jobs (by
 * title) and applications (by the candidate's name or email, or the job's
 * title) the actor may see. A blind reviewer finds no application in blind
 * review by the candidate's name, and no candidate behind one.
 */
export async function globalSearch(em: Em, actor: Actor, q: string): Promise<TGlobalSearchResult> {
  const jobs = await visibleJobIds(em, actor);
  // Any case: SQLite's LIKE ignores ASCII case already, PostgreSQL needs ILIKE.
  const pattern = `%${q.trim().replace(/[%_\\]/g, '')}%`;
  const like = ormDialectOfEm(em) === 'postgresql' ? { $ilike: pattern } : { $like: pattern };
  const matching = await candidatesMatching(em, actor.tenantId, q);
  const titled = await em.find(
    Job,
    { title: like, ...(jobs ? { id: { $in: jobs } } : {}) },
    { fields: ['id', 'title', 'status'], orderBy: { title: 'asc' } },
  );
  const jobRows = titled.slice(0, PALETTE_ITEMS);
  // Applications by the candidate and by the job's title, each its own indexed query, then merged: as one
  // query with an OR between them the database read every application (1.6 s at 300k). The ids come first,
  // unsorted, so the database walks the candidate or job index rather than every application in activity
  // order (SQLite's choice with ORDER BY ... LIMIT: 1.2 s); a broad query takes the first APPLICATIONS_SCANNED.
  const recentApplications = async (where: object) => {
    const found = await em.find(
      Application,
      { ...(jobs ? { job: { $in: jobs } } : {}), anonymizedAt: null, candidateRestricted: false, ...where },
      { fields: ['lastActivityAt'], limit: APPLICATIONS_SCANNED },
    );
    const newest = found
      .sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime())
      .slice(0, PALETTE_ITEMS);
    return em.find(
      Application,
      { id: { $in: newest.map((a) => a.id) } },
      { populate: ['job', 'stage', 'candidate'], refresh: true },
    );
  };
  const [byCandidate, byJob] = await Promise.all([
    recentApplications({ $and: [{ candidate: matching }, identifiableScope(actor)] }),
    titled.length > 0 ? recentApplications({ job: { $in: titled.map((j) => j.id) } }) : [],
  ]);
  const appRows = [...new Map([...byCandidate, ...byJob].map((a) => [a.id, a])).values()]
    .sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime())
    .slice(0, PALETTE_ITEMS);
  // Candidates the actor may look up by name (a hiring manager: of their jobs, none behind a blind application).
  const visible = await visibleCandidateIds(em, actor);
  const candidateWhere = {
    restrictedAt: null,
    $and: [{ id: matching }, ...(visible ? [{ id: { $in: visible } }] : [])],
  };
  const people = await em.find(Candidate, candidateWhere, {
    limit: PALETTE_ITEMS,
    orderBy: { lastActivityAt: 'desc' },
  });
  recordAudit(em, actor, { action: 'search.global', targetType: 'Candidate' });
  await em.flush();
  return {
    candidates: people.map((c) => ({ id: c.id, name: c.name, email: c.email })),
    jobs: jobRows.map((j) => ({ id: j.id, title: j.title, status: j.status })),
    applications: appRows.map((a) => ({
      id: a.id,
      candidate: isBlindFor(actor, a)
        ? blindCandidateRef(a.id)
        : {
            blind: false,
            id: a.candidate.id,
            name: a.candidate.name,
            email: a.candidate.email,
            restrictedAt: null,
          },
      job: { id: a.job.id, title: a.job.title },
    })),
  };
}
