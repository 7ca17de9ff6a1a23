import { type Em, type Orm, ormDialectOfEm, TENANT_FILTER, Tenant } from '@candor/db';
import {
  defaultReportPeriod,
  FUNNEL_STEPS,
  OFFER_STATUS_LABELS,
  SOURCE_LABELS,
  STAGE_KIND_LABELS,
  type TApplicationSource,
  type TDurationStats,
  type TReports,
  type TReportsFilter,
  type TStageKind,
} from '@candor/schemas';
import { JobFailure } from '../background-jobs/job-definition.js';
import { JOB_NAMES } from '../background-jobs/job-names.js';
import type { AppDeps } from '../deps.js';
import { passes, suppress } from '../diversity/suppression.js';
import { diversitySettingsOf } from '../diversity/survey.service.js';
import { resolveJobScope } from '../jobs/job-scope.js';
import { errorFields } from '../logging/logger.js';
import { hiringSettingsOf } from '../settings/settings.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { tenantGeneration } from '../trpc/tenant-changes.js';
import {
  cachedReports,
  claimRecount,
  dropCopy,
  pruneCopies,
  RECOUNT_GAP_MS,
  type ReportKey,
  readCopy,
  releaseRecount,
  writeCopy,
} from './report-cache.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DAY_SECONDS = 86_400;
/** A scorecard is on time within two days of the interview's end (the reminder goes out when it ends). */
export const FEEDBACK_DUE_HOURS = 48;

/** A date as the database returns or takes it: epoch milliseconds in SQLite, a Date in PostgreSQL. */
type SqlDate = string | number | Date;
const ms = (value: SqlDate): number => new Date(value).getTime();

/** The stages a stint is measured in: every kind an application waits in (hired and rejected are where it ends). */
const WAITING_KINDS = ['applied', 'screening', 'interview', 'offer'] as const satisfies readonly TStageKind[];

/**
 * The applications a report counts, as a SQL condition on `a` (application):
 * this tenant's (raw SQL skips the ORM's tenant filter), never a candidate who
 * restricted processing (GDPR Art. 18: stored, not used), in the chosen job or
 * department, with `dateColumn` in the period.
 */
interface Scope {
  tenantId: string;
  jobId?: string;
  department?: string;
  start: SqlDate;
  end: SqlDate;
}

function where(scope: Scope, dateColumn: string, alias = 'a'): { sql: string; bindings: unknown[] } {
  const parts = [
    `${alias}.tenant_id = ?`,
    `${alias}.candidate_restricted = ?`,
    `${dateColumn} >= ?`,
    `${dateColumn} < ?`,
  ];
  const bindings: unknown[] = [scope.tenantId, false, scope.start, scope.end];
  if (scope.jobId) {
    parts.push(`${alias}.job_id = ?`);
    bindings.push(scope.jobId);
  }
  if (scope.department !== undefined) {
    parts.push(`${alias}.job_id in (select id from job where tenant_id = ? and department = ?)`);
    bindings.push(scope.tenantId, scope.department);
  }
  return { sql: parts.join(' and '), bindings };
}

async function rows<T>(em: Em, sql: string, bindings: unknown[]): Promise<T[]> {
  const result = await em.getKnex().raw(sql, bindings as never[]);
  // PostgreSQL answers with { rows }, SQLite with the rows themselves.
  return (Array.isArray(result) ? result : result.rows) as T[];
}

/** The p-th percentile (0..1) of sorted values, interpolated between neighbours. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low);
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Median and p75 of durations in days; fewer than k durations say too much about each person, so none are shown. */
function durationStats(days: number[], k: number): TDurationStats {
  const sorted = [...days].sort((x, y) => x - y);
  const shown = sorted.length >= k;
  return {
    count: passes(sorted.length, k) ? sorted.length : null,
    median: shown ? round1(percentile(sorted, 0.5)) : null,
    p75: shown ? round1(percentile(sorted, 0.75)) : null,
  };
}

/** The same, from a count and percentiles the database worked out. */
function shownStats(count: number, median: number | null, p75: number | null, k: number): TDurationStats {
  const shown = count >= k;
  return {
    count: passes(count, k) ? count : null,
    median: shown ? round1(median) : null,
    p75: shown ? round1(p75) : null,
  };
}

const share = (part: number | null | undefined, whole: number | null | undefined) =>
  part != null && whole != null && whole > 0 ? part / whole : null;

/**
 * The period's applications by how far along the funnel they got
 * (`furthest_step`, kept by triggers from their stage, status and history),
 * source and status: one read of one index, for the funnel and the sources.
 */
type CohortRow = { furthest: number; source: TApplicationSource; hired: boolean; n: number };

async function cohort(em: Em, scope: Scope): Promise<CohortRow[]> {
  const applied = where(scope, 'a.applied_at');
  const found = await rows<{
    furthest: number | string;
    source: TApplicationSource;
    hired: number | string;
    n: number | string;
  }>(
    em,
    `select a.furthest_step as furthest, a.source, case when a.status = 'hired' then 1 else 0 end as hired, count(*) as n
     from application a where ${applied.sql} group by 1, 2, 3`,
    applied.bindings,
  );
  return found.map((r) => ({
    furthest: Number(r.furthest),
    source: r.source,
    hired: Number(r.hired) === 1,
    n: Number(r.n),
  }));
}

/** Applications of the period by the furthest funnel step they reached (its current stage, its history, or hired). */
function funnel(found: readonly CohortRow[], k: number): TReports['funnel'] {
  // Reaching a step counts for every step before it: the funnel is nested.
  const counts = FUNNEL_STEPS.map((_, i) =>
    found.reduce((sum, r) => (r.furthest >= i + 1 ? sum + r.n : sum), 0),
  );
  const shown = suppress(k, [counts], []).cells[0] ?? [];
  return FUNNEL_STEPS.map((step, i) => ({
    step,
    label: STAGE_KIND_LABELS[step],
    count: shown[i] ?? null,
    rate: i === 0 ? null : share(shown[i], shown[i - 1]),
  }));
}

async function timeToHire(em: Em, scope: Scope, k: number): Promise<TDurationStats> {
  const hired = where(scope, 'a.decided_at');
  const found = await rows<{ applied_at: SqlDate; decided_at: SqlDate }>(
    em,
    `select a.applied_at, a.decided_at from application a where ${hired.sql} and a.status = 'hired'`,
    hired.bindings,
  );
  return durationStats(
    found.map((r) => (ms(r.decided_at) - ms(r.applied_at)) / DAY_MS),
    k,
  );
}

/**
 * How long applications of the period waited in each kind of stage: each
 * stage move ends a stint, recorded with the move (`from_kind`,
 * `waited_seconds`, see the report_columns migrations). PostgreSQL works
 * out the percentiles; SQLite returns each kind's durations in one text.
 */
async function timeInStage(em: Em, scope: Scope, k: number): Promise<TReports['timeInStage']> {
  const stats =
    ormDialectOfEm(em) === 'postgresql'
      ? await stintsRankedByPostgres(em, scope)
      : await stintsSortedHere(em, scope);
  return WAITING_KINDS.map((kind) => {
    const { count, median, p75 } = stats.get(kind) ?? { count: 0, median: null, p75: null };
    return { kind, label: STAGE_KIND_LABELS[kind], ...shownStats(count, median, p75, k) };
  });
}

type StintStats = Map<string, { count: number; median: number | null; p75: number | null }>;

function stintsWhere(scope: Scope) {
  const period = where(scope, 'sc.applied_at', 'sc');
  return {
    sql: `${period.sql} and sc.from_kind in (${WAITING_KINDS.map(() => '?').join(', ')}) and sc.waited_seconds is not null`,
    bindings: [...period.bindings, ...WAITING_KINDS],
  };
}

/** PostgreSQL's own percentiles (interpolated between neighbours, as `percentile` is). */
async function stintsRankedByPostgres(em: Em, scope: Scope): Promise<StintStats> {
  const stints = stintsWhere(scope);
  const found = await rows<{ kind: string; n: number | string; p: Array<number | string> }>(
    em,
    `select sc.from_kind as kind, count(*) as n,
       percentile_cont(array[0.5, 0.75]) within group (order by sc.waited_seconds) as p
     from stage_change sc where ${stints.sql} group by sc.from_kind`,
    stints.bindings,
  );
  return new Map(
    found.map((r) => [
      r.kind,
      { count: Number(r.n), median: Number(r.p[0]) / DAY_SECONDS, p75: Number(r.p[1]) / DAY_SECONDS },
    ]),
  );
}

/**
 * SQLite has no percentile function. Numbering the stints of each kind with
 * window functions (a sort of every stint of the period in the database)
 * took 92 ms of a 142 ms cold count at 100k candidates; instead one pass over
 * the covering index hands back each kind's durations as one comma-separated
 * text (no sort there, no row per stint), sorted here as numbers. The same
 * interpolated percentiles as `percentile`, exactly.
 */
async function stintsSortedHere(em: Em, scope: Scope): Promise<StintStats> {
  const stints = stintsWhere(scope);
  const columns = WAITING_KINDS.map(
    (kind) => `group_concat(sc.waited_seconds) filter (where sc.from_kind = ?) as "${kind}"`,
  ).join(', ');
  const [found] = await rows<Partial<Record<(typeof WAITING_KINDS)[number], string | null>>>(
    em,
    `select ${columns} from stage_change sc where ${stints.sql}`,
    [...WAITING_KINDS, ...stints.bindings],
  );
  const stats: StintStats = new Map();
  for (const kind of WAITING_KINDS) {
    const text = found?.[kind];
    if (!text) continue;
    const seconds = numbersOf(text);
    stats.set(kind, {
      count: seconds.length,
      median: selectedPercentile(seconds, 0.5) / DAY_SECONDS,
      p75: selectedPercentile(seconds, 0.75) / DAY_SECONDS,
    });
  }
  return stats;
}

/** "12,5,40" as numbers; whole seconds are read digit by digit (splitting 70k strings costs more than the query). */
export function numbersOf(text: string): Float64Array {
  if (!/^[0-9,]*$/.test(text)) return Float64Array.from(text.split(','), Number);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const out = new Float64Array(count);
  let at = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[at++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  out[at] = value;
  return out;
}

/**
 * `percentile` of unsorted values without sorting them: the two neighbours
 * are found by selection (quickselect, linear on average), which reorders
 * `values` in place.
 */
export function selectedPercentile(values: Float64Array, p: number): number {
  const at = (values.length - 1) * p;
  const low = Math.floor(at);
  const lowValue = select(values, low);
  if (low === at) return lowValue;
  // After selecting `low`, everything after it is at least as large: its smallest is the next value.
  let highValue = Number.POSITIVE_INFINITY;
  for (let i = low + 1; i < values.length; i++) if ((values[i] ?? 0) < highValue) highValue = values[i] ?? 0;
  return lowValue + (highValue - lowValue) * (at - low);
}

/** The k-th smallest of `a` (0-based), with a[0..k-1] <= a[k] <= a[k+1..] afterwards (Hoare's selection). */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1] ?? 0;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] ?? 0;
}

function sources(found: readonly CohortRow[], k: number): TReports['sources'] {
  const bySource = new Map<TApplicationSource, { applications: number; hires: number }>();
  for (const r of found) {
    const entry = bySource.get(r.source) ?? { applications: 0, hires: 0 };
    entry.applications += r.n;
    if (r.hired) entry.hires += r.n;
    bySource.set(r.source, entry);
  }
  const list = [...bySource]
    .map(([source, r]) => ({ source, ...r }))
    .sort((x, y) => y.applications - x.applications || x.source.localeCompare(y.source));
  const shown = suppress(
    k,
    list.map((r) => [r.applications, r.hires]),
    [],
  );
  return list.map((r, i) => {
    const [applications = null, hires = null] = shown.cells[i] ?? [];
    return {
      source: r.source,
      label: SOURCE_LABELS[r.source] ?? r.source,
      applications,
      hires,
      conversion: share(hires, applications),
    };
  });
}

const OFFER_OUTCOMES = ['accepted', 'declined', 'awaiting', 'expired', 'withdrawn'] as const;
const OFFER_OUTCOME_LABELS: Record<(typeof OFFER_OUTCOMES)[number], string> = {
  accepted: OFFER_STATUS_LABELS.accepted,
  declined: OFFER_STATUS_LABELS.declined,
  awaiting: 'Awaiting an answer',
  expired: OFFER_STATUS_LABELS.expired,
  withdrawn: OFFER_STATUS_LABELS.withdrawn,
};

/** Offers sent in the period, by what became of them; a sent offer past its deadline has expired. */
async function offers(em: Em, scope: Scope, k: number, today: string): Promise<TReports['offers']> {
  const sent = where(scope, 'o.sent_at');
  const found = await rows<{ outcome: string; n: number | string }>(
    em,
    `select case when o.status = 'sent' and o.expires_on < ? then 'expired'
                 when o.status = 'sent' then 'awaiting' else o.status end as outcome, count(*) as n
     from offer o join application a on a.id = o.application_id
     where o.tenant_id = ? and ${sent.sql} and o.sent_at is not null group by 1`,
    [today, scope.tenantId, ...sent.bindings],
  );
  const byOutcome = new Map(found.map((r) => [r.outcome, Number(r.n)]));
  const shown = suppress(
    k,
    OFFER_OUTCOMES.map((o) => [byOutcome.get(o) ?? 0]),
    [],
  );
  const countOf = (o: (typeof OFFER_OUTCOMES)[number]) => shown.cells[OFFER_OUTCOMES.indexOf(o)]?.[0] ?? null;
  const accepted = countOf('accepted');
  const declined = countOf('declined');
  return {
    sent: shown.totals[0] ?? null,
    outcomes: OFFER_OUTCOMES.map((outcome) => ({
      outcome,
      label: OFFER_OUTCOME_LABELS[outcome],
      count: countOf(outcome),
    })),
    acceptanceRate: accepted !== null && declined !== null ? share(accepted, accepted + declined) : null,
  };
}

/** Applications rejected in the period, by the reason given (reasons the tenant no longer offers keep their id). */
async function rejections(
  em: Em,
  scope: Scope,
  k: number,
  reasonLabels: Map<string, string>,
): Promise<TReports['rejections']> {
  const rejected = where(scope, 'a.decided_at');
  const found = await rows<{ reason: string | null; n: number | string }>(
    em,
    `select a.rejection_reason_id as reason, count(*) as n from application a
     where ${rejected.sql} and a.status = 'rejected' group by a.rejection_reason_id`,
    rejected.bindings,
  );
  const list = found
    .map((r) => ({ reasonId: r.reason ?? 'none', n: Number(r.n) }))
    .sort((x, y) => y.n - x.n || x.reasonId.localeCompare(y.reasonId));
  const shown = suppress(
    k,
    list.map((r) => [r.n]),
    [],
  );
  return {
    total: shown.totals[0] ?? (list.length === 0 ? 0 : null),
    reasons: list.map((r, i) => ({
      reasonId: r.reasonId,
      label: reasonLabels.get(r.reasonId) ?? (r.reasonId === 'none' ? 'No reason given' : r.reasonId),
      count: shown.cells[i]?.[0] ?? null,
    })),
  };
}

/**
 * Every open job now (not bound to the period), oldest first, with its
 * applications (restricted candidates left out). Not hidden below k: the
 * same count is on the jobs list for the same staff.
 */
async function openJobs(em: Em, scope: Scope, now: Date): Promise<TReports['openJobs']> {
  const knex = em.getKnex();
  // Summed from the trigger-kept counts (@candor/db's application-counts.ts), not counted.
  const counts = knex('application_count')
    .select('job_id')
    .sum({ n: 'n' })
    .where('tenant_id', scope.tenantId)
    .where('candidate_restricted', false)
    .groupBy('job_id')
    .as('c');
  const query = knex('job as j')
    .leftJoin(counts, 'c.job_id', 'j.id')
    .where('j.tenant_id', scope.tenantId)
    .where('j.status', 'open')
    .select(
      'j.id',
      'j.title',
      'j.department',
      'j.opened_at',
      'j.status_changed_at',
      knex.raw('coalesce(c.n, 0) as n'),
    );
  if (scope.jobId) query.where('j.id', scope.jobId);
  if (scope.department !== undefined) query.where('j.department', scope.department);
  const found = (await query) as unknown as Array<{
    id: string;
    title: string;
    department: string;
    opened_at: SqlDate | null;
    status_changed_at: SqlDate;
    n: number | string;
  }>;
  return found
    .map((j) => {
      const openedAt = new Date(j.opened_at ?? j.status_changed_at);
      return {
        jobId: j.id,
        title: j.title,
        department: j.department,
        openedAt: openedAt.toISOString(),
        daysOpen: Math.max(0, Math.floor((now.getTime() - openedAt.getTime()) / DAY_MS)),
        applications: Number(j.n),
      };
    })
    .sort((x, y) => y.daysOpen - x.daysOpen || x.title.localeCompare(y.title));
}

/**
 * Interviews held in the period (ended, not cancelled) per interviewer, and
 * how their scorecards came: on time (within FEEDBACK_DUE_HOURS of the end),
 * late, or missing once due. About staff, so not hidden below k.
 */
async function interviewers(em: Em, scope: Scope, now: Date): Promise<TReports['interviewers']> {
  // Interviews still to come are not load yet.
  const held = where(
    { ...scope, end: ms(scope.end) < now.getTime() ? scope.end : nowSql(em, now) },
    'i.ends_at',
  );
  const found = await rows<{ user_id: string; name: string; ends_at: SqlDate; submitted_at: SqlDate | null }>(
    em,
    `select p.user_id, u.name, i.ends_at, sc.submitted_at
     from interview_participant p join interview i on i.id = p.interview_id
     join application a on a.id = i.application_id join "user" u on u.id = p.user_id
     left join scorecard sc on sc.interview_id = i.id and sc.author_id = p.user_id
     where ${held.sql} and i.status = 'scheduled'`,
    held.bindings,
  );
  const byUser = new Map<
    string,
    { name: string; interviews: number; onTime: number; late: number; missing: number; hours: number[] }
  >();
  for (const row of found) {
    const user = byUser.get(row.user_id) ?? {
      name: row.name,
      interviews: 0,
      onTime: 0,
      late: 0,
      missing: 0,
      hours: [],
    };
    byUser.set(row.user_id, user);
    user.interviews += 1;
    const due = ms(row.ends_at) + FEEDBACK_DUE_HOURS * HOUR_MS;
    if (row.submitted_at !== null) {
      const hours = (ms(row.submitted_at) - ms(row.ends_at)) / HOUR_MS;
      user.hours.push(hours);
      if (ms(row.submitted_at) <= due) user.onTime += 1;
      else user.late += 1;
    } else if (due < now.getTime()) user.missing += 1;
  }
  return [...byUser]
    .map(([userId, u]) => ({
      userId,
      name: u.name,
      interviews: u.interviews,
      onTime: u.onTime,
      late: u.late,
      missing: u.missing,
      medianHoursToFeedback: round1(
        percentile(
          [...u.hours].sort((x, y) => x - y),
          0.5,
        ),
      ),
    }))
    .sort((x, y) => y.interviews - x.interviews || x.name.localeCompare(y.name));
}

function nowSql(em: Em, now: Date): SqlDate {
  return em.getPlatform().processDateProperty(now) as SqlDate;
}

/** What counting in the background needs: the ORM for its own EntityManager, the job queue, a log. */
export type ReportServices = Pick<AppDeps, 'orm' | 'jobs' | 'logger' | 'reportRecountGapSeconds'>;

/**
 * Every hiring report for a job, a department or all jobs over a period,
 * counted in the database (grouped queries; only durations come back one by
 * one). Counts that could single out fewer than k people are null, with the
 * diversity reports' rules and the tenant's k (../diversity/suppression.ts).
 * The kept copy is served when there is one (report-cache.ts).
 */
export async function hiringReports(
  services: ReportServices,
  em: Em,
  actor: Actor,
  filter: TReportsFilter,
  now = new Date(),
): Promise<TReports> {
  const to = filter.to ?? defaultReportPeriod(now).to;
  const from = filter.from ?? defaultReportPeriod(new Date(`${to}T00:00:00.000Z`)).from;
  if (to < from) throw new AppError('BAD_REQUEST', 'The period ends before it starts', { to: ['Too early'] });
  const key: ReportKey = {
    tenantId: actor.tenantId,
    from,
    to,
    ...(filter.jobId ? { jobId: filter.jobId } : {}),
    ...(filter.department !== undefined ? { department: filter.department } : {}),
  };
  return cachedReports(key, em, {
    fresh: filter.fresh === true,
    now,
    compute: () => computeReports(em, actor.tenantId, key, now),
    startRecount: (claimed, delayMs) => startRecount(services, claimed, delayMs),
    gapMs:
      services.reportRecountGapSeconds === undefined
        ? RECOUNT_GAP_MS
        : services.reportRecountGapSeconds * 1000,
    warn: (message, error) =>
      services.logger.warn(message, { tenantId: actor.tenantId, ...errorFields(error) }),
  });
}

/** A recount of reports is a background job (the registry's `reports.recount`); without a queue (tests, scripts), a promise. */
async function startRecount(services: ReportServices, key: ReportKey, delayMs: number): Promise<void> {
  if (services.jobs) {
    const startAfterSeconds = Math.ceil(delayMs / 1000);
    await services.jobs.send(
      JOB_NAMES.reportsRecount,
      { ...key, claimed: true },
      startAfterSeconds > 0 ? { startAfterSeconds } : {},
    );
    return;
  }
  setTimeout(() => {
    recountReports(services.orm, key, { claimed: true }).catch((error: unknown) =>
      services.logger.warn('report recount failed', { tenantId: key.tenantId, ...errorFields(error) }),
    );
  }, delayMs).unref();
}

/** The key of a recount job's data (ids, dates and a department name: nothing personal). */
export function reportKeyOf(data: Record<string, unknown>): ReportKey {
  const { tenantId, from, to, jobId, department } = data;
  if (typeof tenantId !== 'string' || typeof from !== 'string' || typeof to !== 'string')
    throw new JobFailure('a report recount without its tenant or period');
  return {
    tenantId,
    from,
    to,
    ...(typeof jobId === 'string' ? { jobId } : {}),
    ...(typeof department === 'string' ? { department } : {}),
  };
}

/**
 * Counts the reports of `key` again and keeps them; `claimed`: the caller
 * already holds the recount's claim (report-cache.ts), otherwise it is
 * claimed here and nothing is done while another recount holds it.
 */
export async function recountReports(
  orm: Orm,
  key: ReportKey,
  options: { claimed: boolean },
  now = new Date(),
): Promise<'counted' | 'busy'> {
  const em = orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId: key.tenantId });
  if (!options.claimed && !(await claimRecount(em, key, now))) return 'busy';
  try {
    const generation = await tenantGeneration(em, key.tenantId);
    const reports = await computeReports(em, key.tenantId, key, now);
    await writeCopy(em, key, generation, now, reports);
    return 'counted';
  } catch (error) {
    // The job was deleted since: nothing to count, and no copy to serve.
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      await dropCopy(em, key);
      return 'counted';
    }
    throw error;
  } finally {
    await releaseRecount(em, key);
  }
}

/**
 * After a change (debounced per tenant, ../background-jobs/start-jobs.ts):
 * the tenant's default Reports view (all jobs, the last 90 days) is counted
 * again unless its copy is current, so the next open is a copy; copies
 * unused for two days are deleted.
 */
export async function warmDefaultReports(orm: Orm, tenantId: string, now = new Date()): Promise<void> {
  const key: ReportKey = { tenantId, ...defaultReportPeriod(now) };
  const em = orm.em.fork();
  const copy = await readCopy(em, key);
  if (copy?.counts && copy.generation === (await tenantGeneration(em, tenantId))) return;
  await recountReports(orm, key, { claimed: false }, now);
  await pruneCopies(em, tenantId, now);
}

async function computeReports(em: Em, tenantId: string, filter: ReportKey, now: Date): Promise<TReports> {
  const { from, to } = filter;
  const { job, department, label } = await resolveJobScope(em, filter);
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  const { k } = diversitySettingsOf(tenant);
  const settings = await hiringSettingsOf(em, tenantId);
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + DAY_MS);
  const scope: Scope = {
    tenantId,
    ...(job ? { jobId: job.id } : {}),
    ...(department !== undefined ? { department } : {}),
    start: nowSql(em, start),
    end: nowSql(em, end),
  };
  const today = now.toISOString().slice(0, 10);
  const [applied, hire, stages, offerRows, rejected, open, load] = await Promise.all([
    cohort(em, scope),
    timeToHire(em, scope, k),
    timeInStage(em, scope, k),
    offers(em, scope, k, today),
    rejections(em, scope, k, new Map(settings.rejectionReasons.map((r) => [r.id, r.label]))),
    openJobs(em, scope, now),
    interviewers(em, scope, now),
  ]);
  return {
    from,
    to,
    computedAt: now.toISOString(),
    recounting: false,
    scopeLabel: label,
    k,
    funnel: funnel(applied, k),
    timeToHire: hire,
    timeInStage: stages,
    sources: sources(applied, k),
    offers: offerRows,
    rejections: rejected,
    openJobs: open,
    interviewers: load,
  };
}
