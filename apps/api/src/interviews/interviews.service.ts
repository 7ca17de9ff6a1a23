import {
  type Application,
  type Em,
  HiringTeamMember,
  type InferEntity,
  Interview,
  InterviewParticipant,
  Membership,
  Scorecard,
  Tenant,
  User,
} from '@candor/db';
import {
  RECOMMENDATIONS,
  SEES_ALL_SCORECARDS,
  type TInterview,
  type TScorecard,
  type TScorecardSummary,
  type ZInterviewRescheduleInput,
  type ZInterviewScheduleInput,
  type ZScorecardInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { type CalendarDeps, syncInterviewCalendars } from '../calendar/calendar-connection.js';
import { jobTimeZone, timeZonesOf } from '../calendar/staff-calendar.service.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { textFilterFor } from '../hiring/blind-review.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { managerSeesTeamFeedback } from '../hiring/manager-rights.js';
import { candidateKey, type DataKeys, openText, sealFor } from '../keys/data-keys.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { queueInterviewMail } from './interview-mail.js';

type InterviewRow = InferEntity<typeof Interview>;
type ApplicationRow = InferEntity<typeof Application>;
type ScorecardRow = InferEntity<typeof Scorecard>;

/**
 * Interviews of one application as the caller sees them. Titles and places
 * are staff's free text about the candidate, stored sealed under the
 * candidate's key (`key`); `shown` filters them for a blind reviewer.
 */
async function toInterviews(
  em: Em,
  rows: InterviewRow[],
  shown: (text: string) => string,
  key: Buffer | null,
): Promise<TInterview[]> {
  const ids = rows.map((r) => r.id);
  const [participants, scorecards] = ids.length
    ? await Promise.all([
        em.find(InterviewParticipant, { interview: { $in: ids } }, { populate: ['user'] }),
        em.find(Scorecard, { interview: { $in: ids } }, { fields: ['interview', 'author'] }),
      ])
    : [[], []];
  const submitted = new Set(scorecards.map((s) => `${s.interview.id}:${s.author.id}`));
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application.id,
    title: shown(openText(key, r.title)),
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    interviewers: participants
      .filter((p) => p.interview.id === r.id)
      .map((p) => ({ id: p.user.id, name: p.user.name, submitted: submitted.has(`${r.id}:${p.user.id}`) })),
    location: r.location ? shown(openText(key, r.location)) : null,
    videoUrl: r.videoUrl ?? null,
    status: r.status === 'cancelled' ? 'cancelled' : 'scheduled',
  }));
}

/**
 * The interview's event in its interviewers' connected calendars, written
 * (or removed when cancelled) after the change is committed: best effort,
 * failures recorded per person (calendar-connection.ts). It names the job
 * and the organisation, as the ICS feed does; the place is filtered for a
 * blind reviewer like everything else they read.
 */
export async function syncCalendars(
  em: Em,
  deps: DataKeys & CalendarDeps & { publicUrl: string },
  interview: InterviewRow,
  app: ApplicationRow,
  location: string | null,
): Promise<void> {
  const participants = await em.find(InterviewParticipant, { interview }, { populate: ['user'] });
  const roles = new Map(
    (
      await em.find(Membership, {
        tenant: interview.tenant.id,
        user: { $in: participants.map((p) => p.user.id) },
        status: 'active',
      })
    ).map((m) => [m.user.id, m.role]),
  );
  const people = participants.flatMap(({ user }) => {
    const role = roles.get(user.id);
    return role
      ? [{ userId: user.id, location: location ? textFilterFor({ role }, app)(location) : null }]
      : [];
  });
  const tenant = await em.findOneOrFail(Tenant, interview.tenant.id);
  await syncInterviewCalendars(
    em,
    deps,
    interview.id,
    people,
    interview.status === 'cancelled'
      ? null
      : {
          interviewId: interview.id,
          start: interview.startsAt,
          end: interview.endsAt,
          summary: `Interview: ${app.job.title} (${tenant.name})`,
          url: interview.videoUrl ?? null,
          description: `In Candor: ${deps.publicUrl}/admin/#/applications/${app.id}/show`,
          sequence: interview.sequence,
        },
  );
}

/** What a new interview needs, whoever books it (staff, or the candidate on a self-scheduling link). */
export interface NewInterview {
  tenantId: string;
  /** With its candidate and job loaded. */
  app: ApplicationRow;
  organizerId: string;
  interviewerIds: readonly string[];
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoUrl: string | null;
  /** The zone of the candidate's invitation: the one they picked when booking, else the job's. */
  candidateTimeZone: string;
  /** The candidate's data key: title and place are sealed under it. */
  key: Buffer;
  publicUrl: string;
}

/**
 * Creates an interview inside the caller's transaction: its interviewers
 * (active members only) join the job's hiring team (as interviewers) so they
 * can open the application, and everyone gets an invitation with an .ics
 * naming only the candidate and the job. The caller audits it and, after
 * commit, writes the interviewers' calendars (`syncCalendars`).
 */
export async function createInterview(tx: Em, input: NewInterview): Promise<InterviewRow> {
  const { app, tenantId, key } = input;
  const interviewerIds = [...new Set(input.interviewerIds)];
  const members = await tx.find(
    Membership,
    { tenant: tenantId, user: { $in: interviewerIds }, status: 'active' },
    { populate: ['user'] },
  );
  if (members.length !== interviewerIds.length) {
    throw new AppError('BAD_REQUEST', 'Interviewers must be active members of this organisation', {
      interviewerIds: ['Not an active member'],
    });
  }
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  const organizer = await tx.findOneOrFail(User, input.organizerId);
  const interview = tx.create(Interview, {
    tenant: tenantId,
    application: app,
    title: sealFor(key, input.title),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location ? sealFor(key, input.location) : null,
    videoUrl: input.videoUrl,
    status: 'scheduled',
    createdBy: organizer,
  });
  const onTeam = new Set(
    (await tx.find(HiringTeamMember, { job: app.job }, { fields: ['user'] })).map((m) => m.user.id),
  );
  for (const { user } of members) {
    tx.create(InterviewParticipant, { tenant: tenantId, interview, user });
    if (!onTeam.has(user.id))
      tx.create(HiringTeamMember, { tenant: tenantId, job: app.job, user, role: 'interviewer' });
  }
  const zones = await timeZonesOf(tx, interviewerIds);
  queueInterviewMail(
    tx,
    {
      interviewId: interview.id,
      start: interview.startsAt,
      end: interview.endsAt,
      title: input.title,
      location: input.location,
      videoUrl: input.videoUrl,
      sequence: 0,
      organizer: { name: `${organizer.name} (${tenant.name})`, email: organizer.email },
      interviewers: members.map(({ user, role }) => ({
        name: user.name,
        email: user.email,
        role,
        timeZone: zones.get(user.id)!,
      })),
      candidateTimeZone: input.candidateTimeZone,
      application: app,
      tenant,
      publicUrl: input.publicUrl,
    },
    'invitation',
  );
  app.lastActivityAt = new Date();
  return interview;
}

/** Schedules an interview at a time staff chose (see `createInterview`). */
export async function scheduleInterview(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZInterviewScheduleInput>,
  deps: DataKeys & { publicUrl: string },
): Promise<TInterview> {
  const app = await visibleApplication(em, actor, input.applicationId);
  assertNotRestricted(app.candidate, 'no interviews can be scheduled with them');
  if (app.status !== 'active') throw new AppError('PRECONDITION_FAILED', `This application is ${app.status}`);
  const key = await candidateKey(
    em,
    deps,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const interview = await em.transactional(async (tx) => {
    const interview = await createInterview(tx, {
      tenantId: actor.tenantId,
      app,
      organizerId: actor.userId,
      interviewerIds: input.interviewerIds,
      title: input.title,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      location: input.location ?? null,
      videoUrl: input.videoUrl ?? null,
      candidateTimeZone: jobTimeZone(app.job),
      key,
      publicUrl: deps.publicUrl,
    });
    recordAudit(tx, actor, {
      action: 'interview.schedule',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
    return interview;
  });
  await syncCalendars(em, deps, interview, app, input.location ?? null);
  return (await toInterviews(em, [interview], textFilterFor(actor, app), key))[0]!;
}

export async function interviewsOf(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  applicationId: string,
): Promise<TInterview[]> {
  const app = await visibleApplication(em, actor, applicationId);
  const rows = await em.find(Interview, { application: app }, { orderBy: { startsAt: 'asc' } });
  const key =
    rows.length > 0
      ? await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId: app.candidate.id })
      : null;
  return toInterviews(em, rows, textFilterFor(actor, app), key);
}

/**
 * Queues `kind` of mail about an interview as it now stands (times, place,
 * sequence) to its interviewers and its candidate. A member who has left the
 * organisation is no longer told: their calendar is theirs to tidy. If the
 * account of the one who scheduled it is gone, the actor stands in as organizer.
 */
async function notifyParticipants(
  tx: Em,
  actor: Actor,
  deps: DataKeys & { publicUrl: string },
  interview: InterviewRow,
  app: ApplicationRow,
  key: Buffer | null,
  kind: 'update' | 'cancellation',
): Promise<void> {
  const participants = await tx.find(InterviewParticipant, { interview }, { populate: ['user'] });
  const roles = new Map(
    (
      await tx.find(Membership, {
        tenant: actor.tenantId,
        user: { $in: participants.map((p) => p.user.id) },
        status: 'active',
      })
    ).map((m) => [m.user.id, m.role]),
  );
  const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
  const organizer = interview.createdBy ?? (await tx.findOneOrFail(User, actor.userId));
  const zones = await timeZonesOf(
    tx,
    participants.map((p) => p.user.id),
  );
  queueInterviewMail(
    tx,
    {
      interviewId: interview.id,
      start: interview.startsAt,
      end: interview.endsAt,
      title: openText(key, interview.title),
      location: interview.location ? openText(key, interview.location) : null,
      videoUrl: interview.videoUrl ?? null,
      sequence: interview.sequence,
      organizer: { name: `${organizer.name} (${tenant.name})`, email: organizer.email },
      interviewers: participants.flatMap(({ user }) => {
        const role = roles.get(user.id);
        return role ? [{ name: user.name, email: user.email, role, timeZone: zones.get(user.id)! }] : [];
      }),
      candidateTimeZone: jobTimeZone(app.job),
      application: app,
      tenant,
      publicUrl: deps.publicUrl,
    },
    kind,
  );
}

/** A scheduled interview the actor may change, with its application; a cancelled one cannot move. */
async function interviewToChange(em: Em, actor: Actor, id: string) {
  const interview = await em.findOne(Interview, id, { populate: ['createdBy'] });
  if (!interview) throw new AppError('NOT_FOUND', 'No such interview');
  const app = await visibleApplication(em, actor, interview.application.id);
  return { interview, app };
}

/**
 * Moves a scheduled interview to a new time or place. Everyone invited gets
 * an update of the same calendar event (a higher SEQUENCE) that moves it in
 * their calendar; not while the candidate restricts processing.
 */
export async function rescheduleInterview(
  em: Em,
  actor: Actor,
  deps: DataKeys & { publicUrl: string },
  input: z.output<typeof ZInterviewRescheduleInput>,
): Promise<TInterview> {
  const { interview, app } = await interviewToChange(em, actor, input.id);
  assertNotRestricted(app.candidate, 'their interviews cannot be moved');
  if (interview.status !== 'scheduled')
    throw new AppError('PRECONDITION_FAILED', 'This interview is cancelled');
  const key = await candidateKey(
    em,
    deps,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  await em.transactional(async (tx) => {
    interview.startsAt = new Date(input.startsAt);
    interview.endsAt = new Date(input.endsAt);
    interview.location = input.location ? sealFor(key, input.location) : null;
    interview.videoUrl = input.videoUrl;
    interview.sequence += 1;
    await notifyParticipants(tx, actor, deps, interview, app, key, 'update');
    app.lastActivityAt = new Date();
    recordAudit(tx, actor, {
      action: 'interview.reschedule',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
  });
  await syncCalendars(em, deps, interview, app, input.location ?? null);
  return (await toInterviews(em, [interview], textFilterFor(actor, app), key))[0]!;
}

/**
 * Cancels an interview; allowed under a restriction of processing, which it
 * helps to honour. Every interviewer, and the candidate unless they
 * restricted processing, gets a cancellation that removes the event from
 * their calendar. Cancelling a cancelled interview changes and sends nothing.
 */
export async function cancelInterview(
  em: Em,
  actor: Actor,
  deps: DataKeys & { publicUrl: string },
  id: string,
): Promise<TInterview> {
  const { interview, app } = await interviewToChange(em, actor, id);
  const key = await candidateKey(em, deps, { tenantId: actor.tenantId, candidateId: app.candidate.id });
  if (interview.status !== 'cancelled') {
    await em.transactional(async (tx) => {
      interview.status = 'cancelled';
      interview.sequence += 1;
      await notifyParticipants(tx, actor, deps, interview, app, key, 'cancellation');
      recordAudit(tx, actor, {
        action: 'interview.cancel',
        targetType: 'Application',
        targetId: app.id,
        subjectId: app.candidate.id,
      });
    });
    await syncCalendars(em, deps, interview, app, null);
  }
  return (await toInterviews(em, [interview], textFilterFor(actor, app), key))[0]!;
}

/** Submits the caller's scorecard for an interview they took part in; once only. */
export async function submitScorecard(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: z.output<typeof ZScorecardInput>,
): Promise<TScorecard> {
  const interview = await em.findOne(Interview, input.interviewId, { populate: ['application.job'] });
  if (!interview) throw new AppError('NOT_FOUND', 'No such interview');
  const app = await visibleApplication(em, actor, interview.application.id);
  assertNotRestricted(app.candidate, 'no scorecards can be submitted about them');
  if (!(await em.findOne(InterviewParticipant, { interview, user: actor.userId }))) {
    throw new AppError('FORBIDDEN', 'Only the interviewers of this interview can submit its scorecard');
  }
  const criteria = interview.application.job.criteria;
  const known = new Set(criteria.map((c) => c.id));
  if (input.ratings.some((r) => !known.has(r.criterionId))) {
    throw new AppError('BAD_REQUEST', 'Rate only the criteria of this job', {
      ratings: ['Unknown criterion'],
    });
  }
  if (await em.findOne(Scorecard, { interview, author: actor.userId })) {
    throw new AppError('CONFLICT', 'You already submitted a scorecard for this interview');
  }
  const key = await candidateKey(
    em,
    keys,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const card = em.create(Scorecard, {
    tenant: actor.tenantId,
    application: interview.application,
    interview,
    author: em.getReference(User, actor.userId),
    ratings: input.ratings,
    recommendation: input.recommendation,
    notes: sealFor(key, input.notes),
  });
  recordAudit(em, actor, {
    action: 'scorecard.submit',
    targetType: 'Application',
    targetId: interview.application.id,
    subjectId: interview.application.candidate.id,
  });
  await em.flush();
  await em.populate(card, ['author']);
  return toScorecard(card, criteria, key, textFilterFor(actor, app));
}

function toScorecard(
  card: ScorecardRow,
  criteria: ReadonlyArray<{ id: string; name: string }>,
  key: Buffer | null,
  shown: (text: string) => string,
): TScorecard {
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  return {
    id: card.id,
    interviewId: card.interview.id,
    author: { id: card.author.id, name: card.author.name },
    ratings: card.ratings.map((r) => ({
      criterionId: r.criterionId,
      name: names.get(r.criterionId) ?? 'Removed criterion',
      rating: r.rating,
    })),
    recommendation: card.recommendation,
    notes: shown(openText(key, card.notes)),
    submittedAt: card.submittedAt.toISOString(),
  };
}

/**
 * The feedback on an application. Recruiters and admins see it all; anyone
 * else sees only how many were submitted until they submit their own, but
 * for a job's hiring manager where the tenant lets them read it.
 */
export async function scorecardSummary(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  applicationId: string,
): Promise<TScorecardSummary> {
  const app = await visibleApplication(em, actor, applicationId);
  const cards = await em.find(
    Scorecard,
    { application: app },
    { populate: ['author'], orderBy: { submittedAt: 'asc' } },
  );
  // Blind to the others' feedback until your own is in, so nobody anchors on it; a tenant may let
  // the hiring manager of the job read it once the first one is in (see manager-rights.ts).
  const visible =
    SEES_ALL_SCORECARDS.includes(actor.role) ||
    cards.some((c) => c.author.id === actor.userId) ||
    (cards.length > 0 && (await managerSeesTeamFeedback(em, actor, app.job.id)));
  const recommendations = Object.fromEntries(
    RECOMMENDATIONS.map((r) => [r, 0]),
  ) as TScorecardSummary['recommendations'];
  const criteria = app.job.criteria.map((c) => ({
    criterionId: c.id,
    name: c.name,
    average: null as number | null,
  }));
  const shown = textFilterFor(actor, app);
  const key =
    visible && cards.length > 0
      ? await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId: app.candidate.id })
      : null;
  if (visible) {
    for (const card of cards) recommendations[card.recommendation] += 1;
    for (const criterion of criteria) {
      const ratings = cards.flatMap((c) =>
        c.ratings.filter((r) => r.criterionId === criterion.criterionId).map((r) => r.rating),
      );
      criterion.average = ratings.length
        ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10
        : null;
    }
    recordAudit(em, actor, {
      action: 'scorecard.read',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await em.flush();
  }
  return {
    submitted: cards.length,
    visible,
    recommendations,
    criteria,
    scorecards: visible ? cards.map((c) => toScorecard(c, app.job.criteria, key, shown)) : [],
  };
}
