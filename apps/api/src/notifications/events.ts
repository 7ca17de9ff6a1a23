import {
  type Application,
  type Em,
  HiringTeamMember,
  type InferEntity,
  type Offer,
  TENANT_FILTER,
} from '@candor/db';
import { mentionedNames } from '@candor/schemas';
import { blindAlias } from '../hiring/blind-review.js';
import type { Actor } from '../trpc/init.js';
import { readersOf } from './notifications.service.js';
import { notify } from './notify.js';

/**
 * The events raised inside existing services. Each finds who should hear
 * about it and calls `notify` in the service's own unit of work.
 */

type ApplicationRow = InferEntity<typeof Application>;

export function applicationLink(applicationId: string): string {
  return `/applications/${applicationId}/show`;
}

/** The job's hiring team who run it (recruiters and hiring managers on it; interviewers hear of their interviews). */
async function hiringTeamOf(em: Em, tenantId: string, jobId: string): Promise<string[]> {
  // Also called where no tenant is signed in (the candidate's offer page): the tenant is named here.
  const seats = await em.find(
    HiringTeamMember,
    { tenant: tenantId, job: jobId, role: { $in: ['recruiter', 'hiring_manager'] } },
    { fields: ['user'], filters: { [TENANT_FILTER]: false } },
  );
  return seats.map((s) => s.user.id);
}

/** A new application on a job: its hiring team. Flushed first, so the check of who may open it sees the row. */
export async function notifyNewApplication(
  em: Em,
  actor: { tenantId: string; userId: string | null },
  app: ApplicationRow,
): Promise<void> {
  // A restricted candidate's new application is held unprocessed (../candidates/restriction.ts): nobody is called to it.
  if (app.candidate.restrictedAt) return;
  await em.flush();
  await notify(em, {
    tenantId: actor.tenantId,
    userIds: await hiringTeamOf(em, actor.tenantId, app.job.id),
    kind: 'new_application',
    text: `${app.candidate.name} applied for ${app.job.title}`,
    blindText: `${blindAlias(app.id)} applied for ${app.job.title}`,
    link: applicationLink(app.id),
    candidateId: app.candidate.id,
    applicationId: app.id,
    actorId: actor.userId,
  });
}

/** The candidate answered an offer: whoever made and approved it, and the job's hiring team. */
export async function notifyOfferAnswered(
  em: Em,
  offer: Pick<InferEntity<typeof Offer>, 'status' | 'createdBy' | 'approvedBy'> & { tenant: { id: string } },
  app: ApplicationRow,
): Promise<void> {
  const accepted = offer.status === 'accepted';
  await notify(em, {
    tenantId: offer.tenant.id,
    userIds: [
      ...(offer.createdBy ? [offer.createdBy.id] : []),
      ...(offer.approvedBy ? [offer.approvedBy.id] : []),
      ...(await hiringTeamOf(em, offer.tenant.id, app.job.id)),
    ],
    kind: accepted ? 'offer_accepted' : 'offer_declined',
    text: `${app.candidate.name} ${accepted ? 'accepted' : 'declined'} the offer for ${app.job.title}`,
    blindText: `${blindAlias(app.id)} ${accepted ? 'accepted' : 'declined'} the offer for ${app.job.title}`,
    link: applicationLink(app.id),
    candidateId: app.candidate.id,
    applicationId: app.id,
  });
}

/** A referee answered or declined: whoever asked for references, and the job's hiring team. */
export async function notifyReferenceReceived(
  em: Em,
  referee: { status: string; name: string; createdBy?: { id: string } | null; tenant: { id: string } },
  app: ApplicationRow,
): Promise<void> {
  const what = referee.status === 'answered' ? 'sent a reference for' : 'declined to give a reference for';
  await notify(em, {
    tenantId: referee.tenant.id,
    userIds: [
      ...(referee.createdBy ? [referee.createdBy.id] : []),
      ...(await hiringTeamOf(em, referee.tenant.id, app.job.id)),
    ],
    kind: 'reference_received',
    text: `${referee.name} ${what} ${app.candidate.name} (${app.job.title})`,
    // References are hidden in blind review: the blind text names neither the referee nor the candidate.
    blindText: `A referee ${what} ${blindAlias(app.id)} (${app.job.title})`,
    link: applicationLink(app.id),
    candidateId: app.candidate.id,
    applicationId: app.id,
  });
}

/**
 * "@Full Name" in a note (the note field suggests colleagues as you type
 * "@"): each colleague named who can read the application is told. The
 * note's text stays in the note; the notification says only where it is.
 */
export async function notifyMentions(
  em: Em,
  actor: Actor,
  app: ApplicationRow,
  body: string,
): Promise<number> {
  if (!body.includes('@')) return 0;
  const readers = (await readersOf(em, actor.tenantId, app.job.id)).filter((r) => r.id !== actor.userId);
  const named = new Set(
    mentionedNames(
      body,
      readers.map((r) => r.name),
    ),
  );
  const userIds = readers.filter((r) => named.has(r.name)).map((r) => r.id);
  if (userIds.length === 0) return 0;
  return notify(em, {
    tenantId: actor.tenantId,
    userIds,
    kind: 'mention',
    text: `Note on ${app.candidate.name} for ${app.job.title}`,
    blindText: `Note on ${blindAlias(app.id)} for ${app.job.title}`,
    link: applicationLink(app.id),
    candidateId: app.candidate.id,
    applicationId: app.id,
    actorId: actor.userId,
  });
}
