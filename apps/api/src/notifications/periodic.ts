import {
  type Em,
  Interview,
  InterviewParticipant,
  Membership,
  Notification,
  type Orm,
  PrivacyRequest,
  Scorecard,
  TENANT_FILTER,
  Tenant,
  UniqueConstraintViolationException,
} from '@candor/db';
import { dayOf, NOTIFICATION_KIND_LABELS, PERMISSIONS, REQUEST_TYPE_LABELS } from '@candor/schemas';
import { blindAlias } from '../hiring/blind-review.js';
import { enqueueEmail } from '../mail/outbox.js';
import { clockOf, OPEN } from '../privacy/requests/request-record.js';
import { backofficeUrl } from './backoffice-link.js';
import { applicationLink } from './events.js';
import { type NotifyInput, notify } from './notify.js';

const HOUR = 3_600_000;
/** An interview that ended longer ago than this without a scorecard is past reminding (and a fresh install's old demo data stays quiet). */
const SCORECARD_LOOKBACK_HOURS = 72;
/** "Interview tomorrow": one reminder once the interview is less than a day away. */
const REMINDER_HOURS = 24;

export interface NotificationCheckCounts {
  scorecardDue: number;
  interviewSoon: number;
  requestDue: number;
  digests: number;
}

/**
 * The periodic notifications, for every tenant: scorecards due, interviews
 * coming up, privacy requests due soon or overdue, and the daily digests.
 * Each event carries a key, so a second run, or another instance running at
 * the same moment, tells nobody twice.
 */
export async function runNotificationChecks(
  orm: Orm,
  now = new Date(),
  /** Told about a tenant whose checks failed; the other tenants' checks still run. */
  onTenantFailed: (tenantId: string, error: unknown) => void = () => undefined,
): Promise<NotificationCheckCounts> {
  const counts: NotificationCheckCounts = { scorecardDue: 0, interviewSoon: 0, requestDue: 0, digests: 0 };
  for (const tenant of await orm.em.fork().find(Tenant, {}, { fields: ['id', 'name'] })) {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    try {
      counts.scorecardDue += await scorecardsDue(em, tenant.id, now);
      counts.interviewSoon += await interviewsSoon(em, tenant.id, now);
      counts.requestDue += await requestsDue(em, tenant.id, now);
      counts.digests += await sendDigests(em, tenant, now);
    } catch (error) {
      // One tenant's bad row must not stop every other tenant's reminders and digests.
      onTenantFailed(tenant.id, error);
    }
  }
  return counts;
}

/** One event in its own transaction; a key another instance wrote first is not an error. */
async function notifyOnce(em: Em, input: NotifyInput & { eventKey: string }): Promise<number> {
  try {
    return await em.fork().transactional((tx) => notify(tx, input));
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return 0;
    throw error;
  }
}

/** Interviews that ended (not cancelled) in the last days, for each interviewer without a scorecard: a link to the form. */
async function scorecardsDue(em: Em, tenantId: string, now: Date): Promise<number> {
  const seats = await em.find(
    InterviewParticipant,
    {
      interview: {
        status: 'scheduled',
        endsAt: { $lte: now, $gt: new Date(now.getTime() - SCORECARD_LOOKBACK_HOURS * HOUR) },
      },
    },
    { populate: ['interview.application.candidate', 'interview.application.job'] },
  );
  if (seats.length === 0) return 0;
  const cards = await em.find(
    Scorecard,
    { interview: { $in: [...new Set(seats.map((s) => s.interview.id))] } },
    { fields: ['interview', 'author'] },
  );
  const submitted = new Set(cards.map((c) => `${c.interview.id}:${c.author.id}`));
  let count = 0;
  for (const seat of seats) {
    const { interview } = seat;
    if (submitted.has(`${interview.id}:${seat.user.id}`)) continue;
    const app = interview.application;
    count += await notifyOnce(em, {
      tenantId,
      userIds: [seat.user.id],
      kind: 'scorecard_due',
      text: `Your scorecard for ${app.candidate.name} (${app.job.title})`,
      blindText: `Your scorecard for ${blindAlias(app.id)} (${app.job.title})`,
      // Straight to the form, with this interview picked.
      link: `${applicationLink(app.id)}?scorecard=${interview.id}`,
      candidateId: app.candidate.id,
      applicationId: app.id,
      eventKey: `scorecard_due:${interview.id}`,
    });
  }
  return count;
}

function utcTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Interviews starting within a day: each interviewer, once per start time (a moved interview reminds again). */
async function interviewsSoon(em: Em, tenantId: string, now: Date): Promise<number> {
  const interviews = await em.find(
    Interview,
    { status: 'scheduled', startsAt: { $gt: now, $lte: new Date(now.getTime() + REMINDER_HOURS * HOUR) } },
    { populate: ['application.candidate', 'application.job'] },
  );
  if (interviews.length === 0) return 0;
  const seats = await em.find(
    InterviewParticipant,
    { interview: { $in: interviews.map((i) => i.id) } },
    { fields: ['interview', 'user'] },
  );
  let count = 0;
  for (const interview of interviews) {
    const app = interview.application;
    count += await notifyOnce(em, {
      tenantId,
      userIds: seats.filter((s) => s.interview.id === interview.id).map((s) => s.user.id),
      kind: 'interview_tomorrow',
      text: `Interview with ${app.candidate.name} (${app.job.title}) at ${utcTime(interview.startsAt)}`,
      blindText: `Interview with ${blindAlias(app.id)} (${app.job.title}) at ${utcTime(interview.startsAt)}`,
      link: applicationLink(app.id),
      candidateId: app.candidate.id,
      applicationId: app.id,
      eventKey: `interview_tomorrow:${interview.id}:${interview.startsAt.toISOString()}`,
    });
  }
  return count;
}

/**
 * Open privacy requests due within a week, or overdue: those who answer them
 * (owners, admins), once when due soon and once when overdue, and again if
 * the deadline moves. Named by reference and type, never by the requester.
 */
async function requestsDue(em: Em, tenantId: string, now: Date): Promise<number> {
  const today = dayOf(now);
  const urgent = (await em.find(PrivacyRequest, { status: { $in: OPEN } }))
    .map((r) => ({ r, clock: clockOf(r, today) }))
    .filter(({ clock }) => clock.state !== 'on_track');
  if (urgent.length === 0) return 0;
  const answerers = await em.find(
    Membership,
    { role: { $in: [...PERMISSIONS['requests.manage']] }, status: 'active' },
    { fields: ['user'] },
  );
  let count = 0;
  for (const { r, clock } of urgent) {
    const reference = r.id.slice(0, 8).toUpperCase();
    const what = clock.kind === 'acknowledge' ? 'to acknowledge by' : 'due';
    count += await notifyOnce(em, {
      tenantId,
      userIds: answerers.map((m) => m.user.id),
      kind: 'request_due',
      text: `${REQUEST_TYPE_LABELS[r.type]} request ${reference} ${what} ${clock.on}${clock.state === 'overdue' ? ' (overdue)' : ''}`,
      link: `/privacy-requests/${r.id}/show`,
      eventKey: `request_due:${r.id}:${clock.kind}:${clock.on}:${clock.state}`,
    });
  }
  return count;
}

/**
 * Once a (UTC) day, each member who chose the digest gets one email listing
 * their unread notifications since the previous digest (what and where,
 * without candidates' names). The membership's
 * `digestSentAt` is claimed with a conditional update, so two instances
 * cannot both send it.
 */
async function sendDigests(em: Em, tenant: { id: string; name: string }, now: Date): Promise<number> {
  const startOfDay = new Date(`${dayOf(now)}T00:00:00.000Z`);
  const members = await em.find(
    Membership,
    {
      notificationEmail: 'digest',
      status: 'active',
      $or: [{ digestSentAt: null }, { digestSentAt: { $lt: startOfDay } }],
    },
    { populate: ['user'] },
  );
  let sent = 0;
  for (const member of members) {
    const since = member.digestSentAt;
    const unread = await em.find(
      Notification,
      {
        user: member.user.id,
        readAt: null,
        emailedAt: null,
        ...(since ? { createdAt: { $gt: since } } : {}),
      },
      { orderBy: { createdAt: 'asc' }, limit: 51 },
    );
    if (unread.length === 0) continue;
    const done = await em.fork().transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        Membership,
        { id: member.id, digestSentAt: since ?? null },
        { digestSentAt: now },
      );
      if (claimed !== 1) return false;
      const shown = unread.slice(0, 50);
      // One message about many candidates cannot go with each one's erasure, so it names none: what happened, and where.
      const lines = shown.map(
        (n) =>
          `- ${NOTIFICATION_KIND_LABELS[n.kind]}${n.candidate ? '' : `: ${n.text}`}\n  ${backofficeUrl(n.link)}`,
      );
      if (unread.length > shown.length) lines.push('- … and more in Candor');
      enqueueEmail(tx, {
        tenantId: tenant.id,
        to: member.user.email,
        template: 'notification_digest',
        subject: `${tenant.name}: ${shown.length}${unread.length > shown.length ? '+' : ''} unread notification${shown.length === 1 ? '' : 's'} in Candor`,
        text: `Your unread notifications in ${tenant.name} since the last summary:\n\n${lines.join('\n')}\n\nSee them all: ${backofficeUrl('/notifications')}\n\n--\nYou chose a daily summary. Change that in your account: ${backofficeUrl('/account')}\n`,
      });
      await tx.nativeUpdate(Notification, { id: { $in: shown.map((n) => n.id) } }, { emailedAt: now });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
