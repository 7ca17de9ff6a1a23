import {
  Application,
  Candidate,
  type Em,
  HiringTeamMember,
  Membership,
  Notification,
  TENANT_FILTER,
  User,
} from '@candor/db';
import { NOTIFICATION_KIND_LABELS, SEES_ALL_JOBS, type TNotificationKind, type TRole } from '@candor/schemas';
import { seesRestricted } from '../candidates/restriction.js';
import { blindAlias, IN_BLIND_REVIEW, reviewsBlind } from '../hiring/blind-review.js';
import { enqueueEmail } from '../mail/outbox.js';
import { backofficeUrl } from './backoffice-link.js';

export interface NotifyInput {
  tenantId: string;
  /** Who to tell; the actor, inactive members and those who cannot open the record are left out. */
  userIds: readonly string[];
  kind: TNotificationKind;
  /** One short line naming no more than needed: the candidate's name and the job, never staff by name. */
  text: string;
  /** The backoffice route it opens, e.g. `/applications/<id>/show`. */
  link: string;
  /** The candidate it is about: their erasure removes it, and it follows their restriction and blind review. */
  candidateId?: string | null;
  /** The application it is about: anonymizing the application removes it; blind review is decided on it. */
  applicationId?: string | null;
  /** What a blind reviewer reads instead of `text` (no name); by default the kind and the candidate's alias. */
  blindText?: string;
  /** The colleague who caused it: not told about their own act, and shown as its author. */
  actorId?: string | null;
  /** Marks a periodic event: a person who already has a notification with this key gets no second one. */
  eventKey?: string;
}

type Recipient = { userId: string; email: string; role: TRole; mode: string };

/**
 * The one way to tell staff about something: writes a notification per
 * recipient in the caller's unit of work (nothing is flushed here, so it
 * commits or rolls back with the change that caused it) and, for those who
 * chose it, queues an email through the outbox. Returns how many it wrote.
 */
export async function notify(em: Em, input: NotifyInput): Promise<number> {
  const recipients = await recipientsOf(em, input);
  if (recipients.length === 0) return 0;
  const blind = await blindReaders(em, input, recipients);
  const now = new Date();
  const about = input.applicationId || input.candidateId;
  const blindText = about ? (input.blindText ?? blindTextOf(input)).slice(0, 300) : null;
  for (const r of recipients) {
    // The email goes now, so blind review is decided now; the bell decides again when it is read.
    const text = blind.has(r.userId) && blindText ? blindText : input.text.slice(0, 300);
    const immediate = r.mode === 'immediate';
    em.create(Notification, {
      tenant: input.tenantId,
      user: em.getReference(User, r.userId),
      actor: input.actorId ? em.getReference(User, input.actorId) : null,
      candidate: input.candidateId ? em.getReference(Candidate, input.candidateId) : null,
      application: input.applicationId ? em.getReference(Application, input.applicationId) : null,
      kind: input.kind,
      text: input.text.slice(0, 300),
      blindText,
      link: input.link,
      eventKey: input.eventKey ?? null,
      readAt: null,
      emailedAt: immediate ? now : null,
    });
    if (immediate) {
      enqueueEmail(em, {
        tenantId: input.tenantId,
        to: r.email,
        template: 'staff_notification',
        subject: `${NOTIFICATION_KIND_LABELS[input.kind]}: ${text}`.slice(0, 255),
        text: `${text}\n\nOpen it in Candor: ${backofficeUrl(input.link)}\n\n--\nYou chose to get an email for each notification. Change that in your account: ${backofficeUrl('/account')}\n`,
        // About the candidate, so their erasure takes the message too.
        candidateId: input.candidateId ?? null,
      });
    }
  }
  return recipients.length;
}

function blindTextOf(input: NotifyInput): string {
  const who = input.applicationId ? blindAlias(input.applicationId) : 'a candidate in blind review';
  return `${NOTIFICATION_KIND_LABELS[input.kind]}: ${who}`;
}

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;

/** Active members among `userIds`, without the actor, those already told (eventKey), and those the record is hidden from. */
async function recipientsOf(em: Em, input: NotifyInput): Promise<Recipient[]> {
  const wanted = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (wanted.length === 0) return [];
  const members = await em.find(
    Membership,
    { tenant: input.tenantId, user: { $in: wanted }, status: 'active' },
    { ...ALL_TENANTS, populate: ['user'] },
  );
  let out: Recipient[] = members.map((m) => ({
    userId: m.user.id,
    email: m.user.email,
    role: m.role,
    mode: m.notificationEmail,
  }));
  if (input.eventKey) {
    const told = await em.find(
      Notification,
      { tenant: input.tenantId, user: { $in: out.map((r) => r.userId) }, eventKey: input.eventKey },
      { ...ALL_TENANTS, fields: ['user'] },
    );
    const toldIds = new Set(told.map((n) => n.user.id));
    out = out.filter((r) => !toldIds.has(r.userId));
  }
  if (input.candidateId) {
    // Restriction (Art. 18) hides the candidate from all but those who answer privacy requests.
    const candidate = await em.findOne(
      Candidate,
      { id: input.candidateId, tenant: input.tenantId },
      { ...ALL_TENANTS, fields: ['restrictedAt'] },
    );
    if (candidate?.restrictedAt) out = out.filter((r) => seesRestricted(r));
  }
  const limited = out.filter((r) => !SEES_ALL_JOBS.includes(r.role));
  if (limited.length > 0 && (input.applicationId || input.candidateId)) {
    // Hiring managers open only the jobs whose hiring team they are on: the application's job, or one the candidate applied to.
    const apps = await em.find(
      Application,
      input.applicationId
        ? { id: input.applicationId, tenant: input.tenantId }
        : { candidate: input.candidateId, tenant: input.tenantId },
      { ...ALL_TENANTS, fields: ['job'] },
    );
    const seats = await em.find(
      HiringTeamMember,
      { job: { $in: apps.map((a) => a.job.id) }, user: { $in: limited.map((r) => r.userId) } },
      { ...ALL_TENANTS, fields: ['user'] },
    );
    const seated = new Set(seats.map((s) => s.user.id));
    out = out.filter((r) => SEES_ALL_JOBS.includes(r.role) || seated.has(r.userId));
  }
  return out;
}

/**
 * Recipients who review the candidate blind (docs/blind-review.md): the
 * application is in a blind stage, or, for a notice about the candidate as a
 * whole, any of their applications is.
 */
async function blindReaders(em: Em, input: NotifyInput, recipients: Recipient[]): Promise<Set<string>> {
  const reviewers = recipients.filter((r) => reviewsBlind(r));
  if (reviewers.length === 0 || (!input.applicationId && !input.candidateId)) return new Set();
  const where = input.applicationId ? { id: input.applicationId } : { candidate: input.candidateId };
  const inBlind = await em.count(
    Application,
    { ...where, tenant: input.tenantId, ...IN_BLIND_REVIEW },
    ALL_TENANTS,
  );
  return inBlind > 0 ? new Set(reviewers.map((r) => r.userId)) : new Set();
}
