import {
  Application,
  type Em,
  HiringTeamMember,
  Interview,
  InterviewParticipant,
  Scorecard,
} from '@candor/db';
import type { TDashboard } from '@candor/schemas';
import { applicationScope } from '../hiring/job-scope.js';
import { hiringSettingsOf } from '../settings/settings.service.js';
import type { Actor } from '../trpc/init.js';
import { appLine, dayWindows, LIST_LIMIT } from './lines.js';
import { interviewLine, seatsWithoutScorecard } from './recruiting.js';

type Panel = NonNullable<TDashboard['manager']>;

/** Applications on a manager's jobs examined for "awaiting your decision" (longest waiting first). */
const DECISIONS_EXAMINED = 200;

/** A hiring manager's own work: interviews they sit on, scorecards they owe, candidates waiting on them. */
export async function managerPanel(em: Em, actor: Actor, now: Date, timeZone: string): Promise<Panel> {
  const scope = await applicationScope(em, actor);
  const { todayStart, tomorrowStart } = dayWindows(now, timeZone);
  const mine = { user: actor.userId, interview: { status: 'scheduled', application: scope } };
  const [today, seats, owed, awaitingDecision, settings] = await Promise.all([
    em.count(InterviewParticipant, {
      ...mine,
      interview: { ...mine.interview, startsAt: { $gte: todayStart, $lt: tomorrowStart } },
    }),
    em.find(
      InterviewParticipant,
      { ...mine, interview: { ...mine.interview, endsAt: { $gt: now } } },
      {
        populate: [
          'interview.application.candidate',
          'interview.application.job',
          'interview.application.stage',
        ],
        orderBy: { interview: { startsAt: 'asc' } },
        limit: LIST_LIMIT,
      },
    ),
    seatsWithoutScorecard(em, { user: actor.userId, interview: { application: scope } }, now),
    awaitingDecisionPanel(em, actor, scope, now),
    hiringSettingsOf(em, actor.tenantId),
  ]);
  return {
    interviews: { today, items: seats.map((seat) => interviewLine(actor, seat.interview)) },
    scorecardsOwed: {
      total: owed.total,
      items: owed.shown.map((seat) => interviewLine(actor, seat.interview)),
    },
    awaitingDecision,
    mayDecide: settings.managersMayDecide,
  };
}

/**
 * Awaiting your decision: active applications on jobs you manage, in an
 * interview stage, whose interviews are all over with at least one scorecard
 * in. Nothing is scheduled for them any more: the next step is yours.
 */
async function awaitingDecisionPanel(
  em: Em,
  actor: Actor,
  scope: Awaited<ReturnType<typeof applicationScope>>,
  now: Date,
) {
  const seats = await em.find(
    HiringTeamMember,
    { user: actor.userId, role: 'hiring_manager' },
    { fields: ['job'] },
  );
  if (seats.length === 0) return { total: 0, items: [] };
  const apps = await em.find(
    Application,
    {
      ...scope,
      job: { $in: seats.map((s) => s.job.id) },
      status: 'active',
      stage: { kind: 'interview' },
    },
    {
      populate: ['candidate', 'job', 'stage'],
      orderBy: { lastActivityAt: 'asc', id: 'asc' },
      limit: DECISIONS_EXAMINED,
    },
  );
  if (apps.length === 0) return { total: 0, items: [] };
  const ids = apps.map((a) => a.id);
  const [interviews, cards] = await Promise.all([
    em.find(
      Interview,
      { application: { $in: ids }, status: 'scheduled' },
      { fields: ['application', 'endsAt'] },
    ),
    em.find(Scorecard, { application: { $in: ids } }, { fields: ['application'] }),
  ]);
  const withFeedback = new Set(cards.map((c) => c.application.id));
  const interviewed = new Set(interviews.map((i) => i.application.id));
  const stillToCome = new Set(interviews.filter((i) => i.endsAt > now).map((i) => i.application.id));
  const waiting = apps.filter(
    (a) => interviewed.has(a.id) && withFeedback.has(a.id) && !stillToCome.has(a.id),
  );
  return {
    total: waiting.length,
    items: waiting.slice(0, LIST_LIMIT).map((a) => ({ ...appLine(actor, a), stageName: a.stage.name })),
  };
}
