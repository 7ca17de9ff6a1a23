import { Application, Candidate, type Em, HiringTeamMember, TENANT_FILTER } from '@candor/db';
import { notify } from '../notifications/notify.js';
import type { AttachedReply } from './receive-reply.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

/**
 * Tells the candidate's recruiters that they replied: the recruiters on the
 * hiring team of the application the reply is about, or of every job the
 * candidate applied to when it is about none. `notify` leaves out whoever may
 * not see the candidate (restriction, another job) and writes no name for a
 * blind reviewer. In the caller's transaction.
 */
export async function tellRecruitersOfReply(tx: Em, ref: AttachedReply): Promise<void> {
  const applications = await tx.find(
    Application,
    ref.applicationId ? { id: ref.applicationId } : { candidate: ref.candidateId },
    { ...ANY_TENANT, populate: ['job'], fields: ['job.title'] },
  );
  if (applications.length === 0) return;
  const seats = await tx.find(
    HiringTeamMember,
    { job: { $in: applications.map((a) => a.job.id) }, role: 'recruiter' },
    { ...ANY_TENANT, fields: ['user'] },
  );
  if (seats.length === 0) return;
  const candidate = await tx.findOneOrFail(Candidate, ref.candidateId, { ...ANY_TENANT, fields: ['name'] });
  const job = applications.length === 1 ? applications[0]?.job.title : undefined;
  await notify(tx, {
    tenantId: ref.tenantId,
    userIds: seats.map((s) => s.user.id),
    kind: 'candidate_replied',
    text: job ? `${candidate.name} replied (${job})` : `${candidate.name} replied`,
    link: ref.applicationId
      ? `/applications/${ref.applicationId}/show`
      : `/candidates/${ref.candidateId}/show`,
    candidateId: ref.candidateId,
    applicationId: ref.applicationId,
  });
}
