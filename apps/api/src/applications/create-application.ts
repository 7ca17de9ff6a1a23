import { Application, Candidate, type Em, Job, JobStage, StageChange, User } from '@candor/db';
import type { TApplication, TApplicationSource } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotRestricted, candidateRestrictionScope } from '../candidates/restriction.js';
import { visibleJob } from '../hiring/job-scope.js';
import type { DataKeys } from '../keys/data-keys.js';
import { notifyNewApplication } from '../notifications/events.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { emitApplicationEvent } from '../webhooks/webhook-events.js';
import { getApplication } from './application-detail.js';
import type { ApplicationRow, CandidateRow } from './application-refs.js';

/**
 * Puts a candidate into a job's first stage, with the first line of its
 * stage history. Used by staff (sourced, referral) and by the careers site.
 */
export async function createApplicationIn(
  tx: Em,
  actor: Pick<Actor, 'tenantId'> & { userId: string | null },
  input: {
    candidate: CandidateRow;
    jobId: string;
    source: TApplicationSource;
    answers?: ApplicationRow['answers'];
    /**
     * What the careers form adds, written with the row rather than by an update after it; `appliedAt`
     * is when the form arrived (it is filed moments later, careers/file-applications.ts).
     */
    fromForm?: Partial<
      Pick<ApplicationRow, 'noticeVersion' | 'coverLetter' | 'salaryExpectation' | 'appliedAt'>
    >;
  },
): Promise<ApplicationRow> {
  const job = await tx.findOne(Job, input.jobId);
  if (!job) throw new AppError('NOT_FOUND', 'No such job', { jobId: ['Unknown job'] });
  if (job.status === 'archived')
    throw new AppError('PRECONDITION_FAILED', 'This job is archived', { jobId: ['Archived'] });
  if (await tx.findOne(Application, { job, candidate: input.candidate })) {
    throw new AppError('CONFLICT', 'This candidate already applied to this job', {
      jobId: ['Already applied'],
    });
  }
  const first = await tx.findOne(JobStage, { job, kind: 'applied' });
  if (!first) throw new Error('job has no applied stage');
  const by = actor.userId ? tx.getReference(User, actor.userId) : null;
  const app = tx.create(Application, {
    tenant: actor.tenantId,
    candidate: input.candidate,
    job,
    stage: first,
    status: 'active',
    source: input.source,
    answers: input.answers ?? [],
    ...input.fromForm,
  });
  tx.create(StageChange, {
    tenant: actor.tenantId,
    application: app,
    fromStage: null,
    toStage: first,
    by,
    ...(input.fromForm?.appliedAt ? { at: input.fromForm.appliedAt } : {}),
  });
  input.candidate.lastActivityAt = new Date();
  await notifyNewApplication(tx, actor, app);
  await emitApplicationEvent(tx, 'application.created', { application: app });
  return app;
}

export async function createApplication(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: { candidateId: string; jobId: string; source: TApplicationSource },
): Promise<TApplication> {
  await visibleJob(em, actor, input.jobId);
  const app = await em.transactional(async (tx) => {
    const candidate = await tx.findOne(Candidate, {
      id: input.candidateId,
      ...candidateRestrictionScope(actor),
    });
    if (!candidate)
      throw new AppError('NOT_FOUND', 'No such candidate', { candidateId: ['Unknown candidate'] });
    assertNotRestricted(candidate, 'they cannot be added to a job', 'candidateId');
    const app = await createApplicationIn(tx, actor, { candidate, jobId: input.jobId, source: input.source });
    recordAudit(tx, actor, {
      action: 'application.create',
      targetType: 'Application',
      targetId: app.id,
      subjectId: candidate.id,
    });
    await tx.flush();
    return app;
  });
  return getApplication(em, actor, keys, app.id);
}
