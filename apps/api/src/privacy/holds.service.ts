import { Application, Candidate, type Em, type InferEntity, LegalHold, User } from '@candor/db';
import { dayOf, holdActive, type TLegalHold, type ZLegalHoldPlaceInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type HoldRow = InferEntity<typeof LegalHold>;

function toDto(row: HoldRow): TLegalHold {
  return {
    id: row.id,
    candidateId: row.candidate.id,
    applicationId: row.application?.id ?? null,
    reason: row.reason,
    endsOn: row.endsOn ?? null,
    placedBy: row.placedBy?.name ?? null,
    placedAt: row.placedAt.toISOString(),
    releasedAt: row.releasedAt?.toISOString() ?? null,
    active: holdActive({ releasedAt: row.releasedAt ?? null, endsOn: row.endsOn ?? null }, dayOf()),
  };
}

/** Holds in force on anything of this candidate (the whole record or one of their applications). */
export async function activeHoldsOn(em: Em, candidateId: string): Promise<HoldRow[]> {
  const rows = await em.find(LegalHold, { candidate: candidateId, releasedAt: null });
  return rows.filter((r) => holdActive({ releasedAt: null, endsOn: r.endsOn ?? null }, dayOf()));
}

export async function listHolds(
  em: Em,
  filter: { candidateId?: string; activeOnly: boolean },
): Promise<TLegalHold[]> {
  const rows = await em.find(
    LegalHold,
    {
      ...(filter.candidateId ? { candidate: filter.candidateId } : {}),
      ...(filter.activeOnly ? { releasedAt: null } : {}),
    },
    { populate: ['placedBy'], orderBy: { placedAt: 'desc', id: 'asc' }, limit: 500 },
  );
  return rows.map(toDto).filter((h) => !filter.activeOnly || h.active);
}

export async function placeHold(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZLegalHoldPlaceInput>,
): Promise<TLegalHold> {
  const candidate = await em.findOne(Candidate, input.candidateId);
  if (!candidate)
    throw new AppError('NOT_FOUND', 'No such candidate', { candidateId: ['Unknown candidate'] });
  const application = input.applicationId
    ? await em.findOne(Application, { id: input.applicationId, candidate })
    : null;
  if (input.applicationId && !application)
    throw new AppError('NOT_FOUND', 'No such application of this candidate', { applicationId: ['Unknown'] });
  if (input.endsOn && input.endsOn < dayOf())
    throw new AppError('BAD_REQUEST', 'The end date has passed', { endsOn: ['Today or later'] });
  const hold = em.create(LegalHold, {
    tenant: actor.tenantId,
    candidate,
    application,
    reason: input.reason,
    endsOn: input.endsOn,
    placedBy: em.getReference(User, actor.userId),
  });
  recordAudit(em, actor, {
    action: 'hold.place',
    targetType: 'LegalHold',
    targetId: hold.id,
    subjectId: candidate.id,
  });
  await em.flush();
  await em.populate(hold, ['placedBy']);
  return toDto(hold);
}

export async function releaseHold(em: Em, actor: Actor, id: string): Promise<TLegalHold> {
  const hold = await em.findOne(LegalHold, id, { populate: ['placedBy'] });
  if (!hold) throw new AppError('NOT_FOUND', 'No such hold');
  if (hold.releasedAt) throw new AppError('PRECONDITION_FAILED', 'This hold was released already');
  hold.releasedAt = new Date();
  hold.releasedBy = em.getReference(User, actor.userId);
  recordAudit(em, actor, {
    action: 'hold.release',
    targetType: 'LegalHold',
    targetId: hold.id,
    subjectId: hold.candidate.id,
  });
  await em.flush();
  return toDto(hold);
}
