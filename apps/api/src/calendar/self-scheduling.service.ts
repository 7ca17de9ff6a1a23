import { createHash } from 'node:crypto';
import {
  Application,
  type Em,
  type InferEntity,
  type Interview,
  Membership,
  ormDialectOfEm,
  SchedulingLink,
  Tenant,
} from '@candor/db';
import type { TLocale, TSchedulingLink, ZSchedulingLinkCreateInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { createInterview, syncCalendars } from '../interviews/interviews.service.js';
import { candidateKey, type DataKeys, openText, sealFor } from '../keys/data-keys.js';
import { dayIn, jobTitleIn } from '../mail/candidate-language.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import type { Interval } from './caldav.js';
import { type CalendarDeps, connectedBusyTimes } from './calendar-connection.js';
import { interviewBusyTimes } from './scheduling.service.js';
import { jobTimeZone } from './staff-calendar.service.js';

type LinkRow = InferEntity<typeof SchedulingLink>;
type TenantRow = InferEntity<typeof Tenant>;
type InterviewRow = InferEntity<typeof Interview>;
type TStoredSlot = LinkRow['slots'][number];

/** How long a candidate has to pick a time. */
export const SCHEDULING_LINK_DAYS = 7;

/** Where the candidate picks a time: on the careers site of the tenant. */
export function schedulingUrl(publicUrl: string, slug: string, token: string): string {
  return `${publicUrl}/careers/${slug}/schedule/?t=${encodeURIComponent(token)}`;
}

function toDto(link: LinkRow, emailed: boolean): TSchedulingLink {
  return {
    id: link.id,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    bookedAt: link.bookedAt?.toISOString() ?? null,
    interviewId: link.interview?.id ?? null,
    slots: link.slots.map((s) => ({
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
    })),
    emailed,
  };
}

/**
 * Offers a candidate interview times to pick from (self-scheduling): stores
 * the times with a one-time link (its token kept only as a hash) and emails
 * the link to the candidate, in their language. Not for a candidate who
 * restricted processing, nor for an application that is no longer active.
 * Times already past are refused; whether they are still free is checked
 * again when the candidate books.
 */
export async function offerTimes(
  em: Em,
  actor: Actor,
  deps: DataKeys & { publicUrl: string },
  input: z.output<typeof ZSchedulingLinkCreateInput>,
  now = new Date(),
): Promise<TSchedulingLink> {
  const app = await visibleApplication(em, actor, input.applicationId);
  assertNotRestricted(app.candidate, 'no interviews can be scheduled with them');
  if (app.status !== 'active') throw new AppError('PRECONDITION_FAILED', `This application is ${app.status}`);
  if (input.slots.some((s) => new Date(s.startsAt) <= now)) {
    throw new AppError('BAD_REQUEST', 'Offer only times still to come', { slots: ['A time has passed'] });
  }
  const interviewerIds = [...new Set(input.interviewerIds)];
  const members = await em.count(Membership, {
    tenant: actor.tenantId,
    user: { $in: interviewerIds },
    status: 'active',
  });
  if (members !== interviewerIds.length) {
    throw new AppError('BAD_REQUEST', 'Interviewers must be active members of this organisation', {
      interviewerIds: ['Not an active member'],
    });
  }
  const key = await candidateKey(
    em,
    deps,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SCHEDULING_LINK_DAYS * 86_400_000);
  const link = await em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
    const link = tx.create(SchedulingLink, {
      tenant: actor.tenantId,
      application: app,
      tokenHash: hashToken(token),
      title: sealFor(key, input.title),
      location: input.location ? sealFor(key, input.location) : null,
      videoUrl: input.videoUrl,
      interviewerIds,
      slots: [...input.slots]
        .map((s) => ({
          startsAt: new Date(s.startsAt).toISOString(),
          endsAt: new Date(s.endsAt).toISOString(),
        }))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      timeZone: jobTimeZone(app.job),
      expiresAt,
      bookedAt: null,
      interview: null,
      createdBy: actor.userId,
    });
    const locale = app.candidate.locale;
    enqueueEmail(tx, {
      tenantId: tenant.id,
      candidateId: app.candidate.id,
      applicationId: app.id,
      to: app.candidate.email,
      ...renderEmail(
        tenant,
        'self_scheduling_invitation',
        {
          candidate_name: app.candidate.name,
          job_title: jobTitleIn(app.job, locale, tenant),
          scheduling_link: schedulingUrl(deps.publicUrl, tenant.slug, token),
          expires_on: dayIn(expiresAt.toISOString().slice(0, 10), locale),
        },
        deps.publicUrl,
        locale,
      ),
    });
    app.lastActivityAt = new Date();
    recordAudit(tx, actor, {
      action: 'interview.offer_times',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
    return link;
  });
  return toDto(link, true);
}

/** A link that still works, with its application (candidate and job loaded); null for an unknown, used or expired one. */
async function usableLink(em: Em, tenantId: string, token: string, now: Date) {
  if (!token) return null;
  const link = await em.findOne(SchedulingLink, { tenant: tenantId, tokenHash: hashToken(token) });
  if (!link || link.bookedAt || link.expiresAt <= now) return null;
  const app = await em.findOneOrFail(Application, link.application.id, { populate: ['candidate', 'job'] });
  // Nothing is booked for a candidate who restricted processing, nor on a closed application.
  if (app.candidate.restrictedAt || app.status !== 'active') return null;
  return { link, app };
}

function overlaps(slot: TStoredSlot, busy: Interval): boolean {
  return new Date(slot.startsAt) < busy.end && new Date(slot.endsAt) > busy.start;
}

/**
 * The interviewers' busy times over [from, to): their scheduled Candor
 * interviews and their connected calendars' free/busy. A calendar that cannot
 * be read counts as free (and is recorded on the connection, as for offering).
 */
async function busyTimes(
  em: Em,
  deps: CalendarDeps,
  interviewerIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Interval[]> {
  const [interviews, calendars] = await Promise.all([
    interviewBusyTimes(em, interviewerIds, from, to),
    connectedBusyTimes(em, deps, interviewerIds, from, to),
  ]);
  return [...interviews.values(), ...calendars.busy.values()].flat();
}

/** The offered times still to come that none of the interviewers has since become busy at. */
async function stillFree(em: Em, deps: CalendarDeps, link: LinkRow, now: Date): Promise<TStoredSlot[]> {
  const upcoming = link.slots.filter((s) => new Date(s.startsAt) > now);
  if (!upcoming.length) return [];
  const busy = await busyTimes(
    em,
    deps,
    link.interviewerIds,
    new Date(upcoming[0]!.startsAt),
    new Date(Math.max(...upcoming.map((s) => Date.parse(s.endsAt)))),
  );
  return upcoming.filter((slot) => !busy.some((b) => overlaps(slot, b)));
}

/** A 64-bit key for pg_advisory_xact_lock, per interviewer. */
function interviewerLockKey(userId: string): string {
  return createHash('sha256').update(`candor/interviewer/${userId}`).digest().readBigInt64BE(0).toString();
}

/**
 * Holds each interviewer until this transaction ends, so two bookings of the
 * same person (through different links) cannot both pass the busy check
 * before either commits. PostgreSQL: transaction-scoped advisory locks, taken
 * in one order so two bookings never wait on each other. SQLite runs one
 * write transaction at a time, which is the same guarantee.
 */
async function lockInterviewers(tx: Em, interviewerIds: readonly string[]): Promise<void> {
  if (ormDialectOfEm(tx) !== 'postgresql') return;
  for (const key of interviewerIds.map(interviewerLockKey).sort()) {
    await tx.execute('select pg_advisory_xact_lock(?::bigint)', [key]);
  }
}

export interface OpenLink {
  jobTitle: string;
  /** The zone the times are first shown in (the job's). */
  timeZone: string;
  free: TStoredSlot[];
}

/** What the candidate's page shows for a link: null when it does not work (any more). */
export async function openSchedulingLink(
  em: Em,
  deps: CalendarDeps,
  tenant: TenantRow,
  token: string,
  locale: TLocale,
  now = new Date(),
): Promise<OpenLink | null> {
  const found = await usableLink(em, tenant.id, token, now);
  if (!found) return null;
  return {
    jobTitle: jobTitleIn(found.app.job, locale, tenant),
    timeZone: found.link.timeZone,
    free: await stillFree(em, deps, found.link, now),
  };
}

export type BookingOutcome =
  | { kind: 'booked'; slot: TStoredSlot }
  | { kind: 'taken' }
  | { kind: 'unknownSlot' }
  | { kind: 'invalid' };

/** Thrown inside the booking transaction to roll it back (the link stays usable). */
class SlotTaken extends Error {}

/**
 * Books one of the offered times for the candidate, in one transaction: the
 * link is claimed (it works once, even when two posts race), the
 * interviewers are locked and the time checked again to be free for each of
 * them, and the interview is created as staff scheduling creates it, with
 * invitations in the zone the candidate picked. Their connected calendars are
 * read just before (network calls stay out of the transaction) and written
 * after commit. A time no longer free rolls everything back.
 */
export async function bookSchedulingSlot(
  em: Em,
  tenant: TenantRow,
  deps: DataKeys & CalendarDeps & { publicUrl: string },
  input: { token: string; startsAt: string; timeZone: string; requestId: string },
  now = new Date(),
): Promise<BookingOutcome> {
  const found = await usableLink(em, tenant.id, input.token, now);
  if (!found) return { kind: 'invalid' };
  const { link, app } = found;
  const slot = link.slots.find((s) => Date.parse(s.startsAt) === Date.parse(input.startsAt));
  if (!slot || new Date(slot.startsAt) <= now) return { kind: 'unknownSlot' };
  const start = new Date(slot.startsAt);
  const end = new Date(slot.endsAt);
  // Something booked in an interviewer's own calendar since the offer.
  const external = await connectedBusyTimes(em, deps, link.interviewerIds, start, end);
  if ([...external.busy.values()].flat().some((b) => overlaps(slot, b))) return { kind: 'taken' };
  const key = await candidateKey(
    em,
    deps,
    { tenantId: tenant.id, candidateId: app.candidate.id },
    { create: true },
  );
  let interview: InterviewRow;
  try {
    interview = await em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        SchedulingLink,
        { id: link.id, bookedAt: null },
        { bookedAt: now },
      );
      if (claimed !== 1) throw new SlotTaken();
      await lockInterviewers(tx, link.interviewerIds);
      const busy = await interviewBusyTimes(tx, link.interviewerIds, start, end);
      if (busy.size > 0) throw new SlotTaken();
      const interview = await createInterview(tx, {
        tenantId: tenant.id,
        app,
        organizerId: link.createdBy?.id ?? link.interviewerIds[0]!,
        interviewerIds: link.interviewerIds,
        title: openText(key, link.title),
        startsAt: start,
        endsAt: end,
        location: link.location ? openText(key, link.location) : null,
        videoUrl: link.videoUrl ?? null,
        candidateTimeZone: input.timeZone,
        key,
        publicUrl: deps.publicUrl,
      });
      await tx.flush();
      await tx.nativeUpdate(SchedulingLink, { id: link.id }, { interview: interview.id });
      recordAudit(
        tx,
        { tenantId: tenant.id, userId: null, requestId: input.requestId },
        {
          action: 'interview.self_schedule',
          targetType: 'Application',
          targetId: app.id,
          subjectId: app.candidate.id,
        },
      );
      await tx.flush();
      return interview;
    });
  } catch (error) {
    if (!(error instanceof SlotTaken)) throw error;
    // Claimed by a racing post meanwhile: that one booked it.
    const again = await em.fork().findOne(SchedulingLink, link.id);
    return again?.bookedAt ? { kind: 'invalid' } : { kind: 'taken' };
  }
  await syncCalendars(em, deps, interview, app, link.location ? openText(key, link.location) : null);
  return { kind: 'booked', slot };
}
