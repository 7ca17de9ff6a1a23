import {
  Application,
  applicationCountsByStage,
  type Em,
  Interview,
  InterviewParticipant,
  JobStage,
  Offer,
  Scorecard,
} from '@candor/db';
import { DEFAULT_STAGE_TARGET_DAYS, type TDashboard } from '@candor/schemas';
import { raw } from '@mikro-orm/core';
import { applicationScope } from '../hiring/job-scope.js';
import { unexpiredSent } from '../offers/offers.service.js';
import type { Actor } from '../trpc/init.js';
import { appLine, DAY, dayWindows, LIST_LIMIT } from './lines.js';

type Panels = NonNullable<TDashboard['recruiting']>;

/** Scorecards owed for longer than this are past chasing; it also bounds what is read. */
export const OVERDUE_LOOKBACK_DAYS = 30;
/** At most this many interviewer seats are examined for missing scorecards (newest interviews first). */
const SEATS_EXAMINED = 500;

/**
 * The recruiting panels (recruiters, admins, owners): what waits on the
 * team across the open jobs. Each is a count and its first few items, read
 * with indexed queries; nothing loads every application.
 */
export async function recruitingPanels(em: Em, actor: Actor, now: Date, timeZone: string): Promise<Panels> {
  const scope = await applicationScope(em, actor);
  // Plain rows with only the columns the panels use: a tenant's open jobs have a few hundred stages, and
  // hydrating them as entities with their jobs was a third of the dashboard's time.
  const query = em
    .getKnex()('job_stage as s')
    .join('job as j', 'j.id', 's.job_id')
    .select('s.id', 's.kind', 's.target_days', 'j.id as job_id', 'j.title')
    .where('j.tenant_id', actor.tenantId)
    .where('j.status', 'open')
    .whereNotIn('s.kind', ['hired', 'rejected']);
  if (scope.job) query.whereIn('j.id', scope.job.$in);
  const stages: StageRow[] = (
    (await query) as Array<{
      id: string;
      kind: string;
      target_days: number | null;
      job_id: string;
      title: string;
    }>
  ).map((row) => ({
    id: row.id,
    kind: row.kind,
    targetDays: row.target_days,
    job: { id: row.job_id, title: row.title },
  }));
  const [newApplications, stuck, interviews, overdueScorecards, offers] = await Promise.all([
    newApplicationsPanel(em, actor, scope, stages),
    stuckPanel(em, actor, scope, stages, now),
    interviewsPanel(em, actor, scope, now, timeZone),
    overdueScorecardsPanel(em, actor, scope, now),
    offersPanel(em, actor, scope),
  ]);
  return { newApplications, stuck, interviews, overdueScorecards, offers };
}

type Scope = Awaited<ReturnType<typeof applicationScope>>;
type StageRow = { id: string; kind: string; targetDays?: number | null; job: { id: string; title: string } };

/**
 * New applications: active ones still in their job's entry ("Applied")
 * stage, i.e. nobody has moved them on yet. Counted per stage from the
 * trigger-kept `application_count` table (a tenant's entry stages can hold a
 * hundred thousand applications: counting them was most of a second at
 * 300k); the latest activity only for the jobs shown, each one index lookup.
 */
async function newApplicationsPanel(em: Em, actor: Actor, scope: Scope, stages: readonly StageRow[]) {
  const entry = new Map(stages.filter((s) => s.kind === 'applied').map((s) => [s.id, s.job]));
  if (entry.size === 0) return { total: 0, items: [] };
  const counts = await applicationCountsByStage(em, {
    tenantId: actor.tenantId,
    withRestricted: scope.candidateRestricted !== false,
    jobIds: [...new Set([...entry.values()].map((job) => job.id))],
    status: 'active',
  });
  const perStage = [...entry]
    .map(([stageId, job]) => ({ stageId, job, count: counts.get(stageId) ?? 0 }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.job.title.localeCompare(b.job.title));
  const shown = perStage.slice(0, LIST_LIMIT);
  // The latest activity among each shown job's new applications: the end of the (stage, status, last activity)
  // index, one lookup per stage, all in one query.
  const knex = em.getKnex();
  const latestOf = knex('application as a')
    .max('a.last_activity_at')
    .whereRaw('a.stage_id = s.id')
    .where('a.status', 'active');
  if (scope.candidateRestricted === false) latestOf.where('a.candidate_restricted', false);
  const latest = (await knex('job_stage as s')
    .select('s.id', latestOf.as('latest'))
    .where('s.tenant_id', actor.tenantId)
    .whereIn(
      's.id',
      shown.map((s) => s.stageId),
    )) as Array<{ id: string; latest: string | number | Date | null }>;
  const latestAt = new Map(
    latest.map((row) => [row.id, row.latest === null ? new Date(0) : new Date(row.latest)]),
  );
  const perJob = shown.map((s) => ({
    jobId: s.job.id,
    jobTitle: s.job.title,
    count: s.count,
    latestAt: (latestAt.get(s.stageId) ?? new Date(0)).toISOString(),
  }));
  return { total: perStage.reduce((sum, s) => sum + s.count, 0), items: perJob };
}

/** The stage list already limits to visible jobs; what is left of the scope is the restriction rule. */
function restrictionOnly(scope: Scope) {
  return scope.candidateRestricted === false ? { candidateRestricted: false as const } : {};
}

/** "Stuck" is counted up to this many; beyond, the panel says "100+" (counting 200k rows took a third of a second). */
export const STUCK_COUNT_CAP = 100;

/**
 * Stuck: active applications with no activity (a move, a note, an interview,
 * an offer) for longer than their stage's target. Read oldest first along
 * the tenant's (status, last activity, stage) index, which stops at the
 * first few that are stuck: sorting every waiting application of a tenant to
 * show five (or counting them all) was most of a second at 300k. Stages are
 * grouped by target, one condition per distinct target.
 */
async function stuckPanel(em: Em, actor: Actor, scope: Scope, stages: readonly StageRow[], now: Date) {
  const byTarget = new Map<number, string[]>();
  for (const stage of stages) {
    const days = stage.targetDays ?? DEFAULT_STAGE_TARGET_DAYS;
    byTarget.set(days, [...(byTarget.get(days) ?? []), stage.id]);
  }
  if (byTarget.size === 0) return { total: 0, atLeast: false, items: [] };
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const where = {
    tenant: actor.tenantId,
    status: 'active' as const,
    ...restrictionOnly(scope),
    // The newest cutoff bounds the index range; each target's own cutoff filters within it.
    lastActivityAt: { $lt: before(Math.min(...byTarget.keys())) },
    $or: [...byTarget].map(([days, ids]) => ({ stage: { $in: ids }, lastActivityAt: { $lt: before(days) } })),
  };
  // Ids only (no joins, so the database keeps to the index), the first few then read with what a line shows.
  const found = await em
    .createQueryBuilder(Application, 'a')
    .select('a.id')
    .where(where)
    .orderBy({ lastActivityAt: 'asc' })
    .limit(STUCK_COUNT_CAP)
    .execute<Array<{ id: string }>>('all', false);
  const rows = await em.find(
    Application,
    { id: { $in: found.slice(0, LIST_LIMIT).map((r) => r.id) } },
    { populate: ['candidate', 'job', 'stage'], orderBy: { lastActivityAt: 'asc', id: 'asc' } },
  );
  return {
    total: found.length,
    atLeast: found.length >= STUCK_COUNT_CAP,
    items: rows.map((app) => ({
      ...appLine(actor, app),
      stageName: app.stage.name,
      days: Math.floor((now.getTime() - app.lastActivityAt.getTime()) / DAY),
      targetDays: app.stage.targetDays ?? DEFAULT_STAGE_TARGET_DAYS,
    })),
  };
}

async function interviewsPanel(em: Em, actor: Actor, scope: Scope, now: Date, timeZone: string) {
  const { todayStart, tomorrowStart, weekEnd } = dayWindows(now, timeZone);
  const scheduled = { status: 'scheduled', application: scope };
  const thisWeek = { ...scheduled, startsAt: { $gte: todayStart, $lt: weekEnd } };
  const [counts, rows] = await Promise.all([
    // Today's and the week's in one read.
    em
      .createQueryBuilder(Interview, 'i')
      .select([
        raw('sum(case when i.starts_at < ? then 1 else 0 end) as today', [
          em.getPlatform().processDateProperty(tomorrowStart),
        ]),
        raw('count(*) as week'),
      ])
      .where({ tenant: actor.tenantId, ...thisWeek })
      .execute<{ today: number | string | null; week: number | string }>('get', false),
    // Still to come (or under way) this week, soonest first.
    em.find(
      Interview,
      { ...thisWeek, endsAt: { $gt: now } },
      {
        populate: ['application.candidate', 'application.job', 'application.stage'],
        orderBy: { startsAt: 'asc', id: 'asc' },
        limit: LIST_LIMIT,
      },
    ),
  ]);
  const today = Number(counts?.today ?? 0);
  const week = Number(counts?.week ?? 0);
  return { today, week, items: rows.map((i) => interviewLine(actor, i)) };
}

export function interviewLine(
  actor: Actor,
  interview: { id: string; startsAt: Date; endsAt: Date; application: Parameters<typeof appLine>[1] },
) {
  return {
    ...appLine(actor, interview.application),
    interviewId: interview.id,
    startsAt: interview.startsAt.toISOString(),
    endsAt: interview.endsAt.toISOString(),
  };
}

/**
 * Interviewer seats of interviews that ended in the last OVERDUE_LOOKBACK_DAYS
 * without that interviewer's scorecard, oldest first: how many, and the first
 * LIST_LIMIT with what a dashboard line shows. The seats are read bare (ids
 * and times, at most SEATS_EXAMINED) and only the shown ones with their
 * application, candidate, job and stage: populating all of them was most of
 * the dashboard's time at 300k applications.
 */
export async function seatsWithoutScorecard(
  em: Em,
  where: { user?: string; interview: { application: Scope } },
  now: Date,
) {
  const seats = await em.find(
    InterviewParticipant,
    {
      ...where,
      interview: {
        ...where.interview,
        status: 'scheduled',
        endsAt: { $lte: now, $gt: new Date(now.getTime() - OVERDUE_LOOKBACK_DAYS * DAY) },
      },
    },
    {
      fields: ['user', 'interview.endsAt'],
      orderBy: { interview: { endsAt: 'desc' } },
      limit: SEATS_EXAMINED,
    },
  );
  if (seats.length === 0) return { total: 0, shown: [] };
  const cards = await em.find(
    Scorecard,
    { interview: { $in: [...new Set(seats.map((s) => s.interview.id))] } },
    { fields: ['interview', 'author'] },
  );
  const submitted = new Set(cards.map((c) => `${c.interview.id}:${c.author.id}`));
  const owed = seats
    .filter((seat) => !submitted.has(`${seat.interview.id}:${seat.user.id}`))
    .sort((a, b) => a.interview.endsAt.getTime() - b.interview.endsAt.getTime());
  const shownIds = owed.slice(0, LIST_LIMIT).map((seat) => seat.id);
  const shown = await em.find(
    InterviewParticipant,
    { id: { $in: shownIds } },
    {
      populate: [
        'user',
        'interview.application.candidate',
        'interview.application.job',
        'interview.application.stage',
      ],
      refresh: true,
    },
  );
  const order = new Map(shownIds.map((id, i) => [id, i]));
  return { total: owed.length, shown: shown.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)) };
}

async function overdueScorecardsPanel(em: Em, actor: Actor, scope: Scope, now: Date) {
  const owed = await seatsWithoutScorecard(em, { interview: { application: scope } }, now);
  return {
    total: owed.total,
    items: owed.shown.map((seat) => ({
      ...appLine(actor, seat.interview.application),
      interviewId: seat.interview.id,
      endsAt: seat.interview.endsAt.toISOString(),
      interviewer: { id: seat.user.id, name: seat.user.name },
    })),
  };
}

/** Offers a recruiter is waiting on: an admin's approval, or the candidate's answer (an expired one waits for nobody). */
async function offersPanel(em: Em, actor: Actor, scope: Scope) {
  const waiting = { $or: [{ status: 'pending_approval' as const }, unexpiredSent()], application: scope };
  const [counts, rows] = await Promise.all([
    // Both counts in one read: every offer waiting on someone is one or the other.
    em
      .createQueryBuilder(Offer, 'o')
      .select([
        raw(`sum(case when o.status = 'pending_approval' then 1 else 0 end) as approval`),
        raw('count(*) as waiting'),
      ])
      .where({ tenant: actor.tenantId, ...waiting })
      .execute<{ approval: number | string | null; waiting: number | string }>('get', false),
    em.find(Offer, waiting, {
      populate: ['application.candidate', 'application.job', 'application.stage'],
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: LIST_LIMIT,
    }),
  ]);
  const awaitingApproval = Number(counts?.approval ?? 0);
  const awaitingAnswer = Number(counts?.waiting ?? 0) - awaitingApproval;
  return {
    awaitingApproval,
    awaitingAnswer,
    items: rows.map((offer) => ({
      ...appLine(actor, offer.application),
      offerId: offer.id,
      status: offer.status,
    })),
  };
}
