import { type Em, type InferEntity, Membership, SchedulingLink, Tenant } from '@candor/db';
import type { TSchedulingLink, ZSchedulingLinkCreateInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, sealFor } from '../keys/data-keys.js';
import { dayIn, jobTitleIn } from '../mail/candidate-language.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { jobTimeZone } from './staff-calendar.service.js';

type LinkRow = InferEntity<typeof SchedulingLink>;

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
