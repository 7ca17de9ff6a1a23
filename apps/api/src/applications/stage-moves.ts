import { Application, type Em, JobStage, StageChange, Tenant, User } from '@candor/db';
import type { ZApplicationMoveInput, ZApplicationRejectInput } from '@candor/schemas';
import type { z } from 'zod';
import { sendStageAssessments } from '../assessments/assessments.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { applicationScope } from '../hiring/job-scope.js';
import { assertMayDecide } from '../hiring/manager-rights.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, sealFor } from '../keys/data-keys.js';
import { jobTitleIn } from '../mail/candidate-language.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail, withdrawPendingRejections } from '../mail/outbox.js';
import { hiringSettingsOf } from '../settings/settings.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { emitApplicationEvent } from '../webhooks/webhook-events.js';
import type { ApplicationRow, StageRow } from './application-refs.js';

/**
 * Moves an application to a stage with a line of stage history. `byUserId`
 * is null when the candidate moved it (accepting an offer). Shared by every
 * action that changes the stage, so it is also where webhooks hear of it.
 */
export async function moveToStage(
  tx: Em,
  app: ApplicationRow,
  stage: StageRow,
  byUserId: string | null,
): Promise<void> {
  if (app.stage.id === stage.id) return;
  const fromStage = app.stage;
  tx.create(StageChange, {
    tenant: app.tenant.id,
    application: app,
    fromStage: app.stage,
    toStage: stage,
    by: byUserId ? tx.getReference(User, byUserId) : null,
  });
  app.stage = stage;
  app.lastActivityAt = new Date();
  app.candidate.lastActivityAt = app.lastActivityAt;
  await emitApplicationEvent(tx, 'application.stage_changed', { application: app, fromStage });
  if (stage.kind === 'hired') await emitApplicationEvent(tx, 'application.hired', { application: app });
}

/**
 * Loads the applications for a move or a rejection; all must exist, be
 * visible and not restricted, and the actor must be one who decides on their
 * jobs (see manager-rights.ts), or nothing happens.
 */
async function applicationsForUpdate(tx: Em, actor: Actor, ids: string[]): Promise<ApplicationRow[]> {
  const rows = await tx.find(
    Application,
    { id: { $in: ids }, ...(await applicationScope(tx, actor)) },
    { populate: ['candidate', 'job', 'stage'] },
  );
  if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', 'Some applications no longer exist');
  await assertMayDecide(tx, actor, [...new Set(rows.map((r) => r.job.id))]);
  assertNotRestricted(
    rows.map((r) => r.candidate),
    'their applications cannot move',
    'ids',
  );
  return rows;
}

/**
 * Moves applications to a stage of their job. Moving to the hired stage
 * hires, moving out of rejected reopens; rejection has its own action
 * because it needs a reason.
 */
export async function moveApplications(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZApplicationMoveInput>,
  /** Where links in emails point; with it, a stage's assessment is sent (docs/assessments.md). */
  publicUrl?: string,
) {
  return em.transactional(async (tx) => {
    const stage = await tx.findOne(JobStage, input.stageId);
    if (!stage) throw new AppError('NOT_FOUND', 'No such stage', { stageId: ['Unknown stage'] });
    if (stage.kind === 'rejected') {
      throw new AppError('BAD_REQUEST', 'Use Reject to move applications to the rejected stage', {
        stageId: ['Use Reject'],
      });
    }
    const apps = await applicationsForUpdate(tx, actor, input.ids);
    if (apps.some((a) => a.job.id !== stage.job.id)) {
      throw new AppError('BAD_REQUEST', 'All applications must belong to the job of the stage', {
        stageId: ['Other job'],
      });
    }
    let updated = 0;
    let skipped = 0;
    const reopened: string[] = [];
    const entered: ApplicationRow[] = [];
    for (const app of apps) {
      if (app.stage.id === stage.id || app.status === 'withdrawn') {
        skipped++;
        continue;
      }
      if (app.status === 'rejected') reopened.push(app.id);
      await moveToStage(tx, app, stage, actor.userId);
      app.status = stage.kind === 'hired' ? 'hired' : 'active';
      if (app.status === 'active') {
        app.rejectionReasonId = null;
        app.rejectionNote = null;
      }
      if (stage.kind === 'hired') {
        app.decidedAt = new Date();
        app.decidedBy = tx.getReference(User, actor.userId);
      }
      recordAudit(tx, actor, {
        action: 'application.move',
        targetType: 'Application',
        targetId: app.id,
        subjectId: app.candidate.id,
      });
      updated++;
      entered.push(app);
    }
    const rejectionEmailsWithdrawn = await withdrawPendingRejections(tx, reopened);
    if (publicUrl !== undefined) {
      await sendStageAssessments(
        tx,
        actor,
        publicUrl,
        stage,
        entered.filter((a) => a.status === 'active'),
      );
    }
    await tx.flush();
    return { updated, skipped, rejectionEmailsWithdrawn };
  });
}

/**
 * Rejects applications with a reason, and queues the tenant's rejection
 * email to go out after the chosen delay (so a rejection is not instant).
 */
export async function rejectApplications(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: z.output<typeof ZApplicationRejectInput>,
  publicUrl: string,
) {
  const settings = await hiringSettingsOf(em, actor.tenantId);
  if (!settings.rejectionReasons.some((r) => r.id === input.reasonId)) {
    throw new AppError('BAD_REQUEST', 'Pick one of the rejection reasons', { reasonId: ['Unknown reason'] });
  }
  // The note is sealed per candidate; a tenant key is committed before the transaction names it.
  if (input.note) await ensureTenantDataKey(em, keys, actor.tenantId);
  return em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
    const apps = await applicationsForUpdate(tx, actor, input.ids);
    const rejectedStages = new Map(
      (
        await tx.find(JobStage, { job: { $in: [...new Set(apps.map((a) => a.job.id))] }, kind: 'rejected' })
      ).map((s) => [s.job.id, s]),
    );
    let updated = 0;
    let skipped = 0;
    for (const app of apps) {
      const stage = rejectedStages.get(app.job.id);
      if (!stage || app.status !== 'active') {
        skipped++;
        continue;
      }
      await moveToStage(tx, app, stage, actor.userId);
      app.status = 'rejected';
      app.rejectionReasonId = input.reasonId;
      app.rejectionNote = input.note
        ? sealFor(
            await candidateKey(
              tx,
              keys,
              { tenantId: actor.tenantId, candidateId: app.candidate.id },
              { create: true },
            ),
            input.note,
          )
        : null;
      app.decidedAt = new Date();
      app.decidedBy = tx.getReference(User, actor.userId);
      if (input.emailDelayHours !== null) {
        enqueueEmail(tx, {
          tenantId: tenant.id,
          candidateId: app.candidate.id,
          applicationId: app.id,
          to: app.candidate.email,
          sendAfter: new Date(Date.now() + input.emailDelayHours * 3_600_000),
          ...renderEmail(
            tenant,
            'rejection',
            {
              candidate_name: app.candidate.name,
              job_title: jobTitleIn(app.job, app.candidate.locale, tenant),
            },
            publicUrl,
            app.candidate.locale,
          ),
        });
      }
      recordAudit(tx, actor, {
        action: 'application.reject',
        targetType: 'Application',
        targetId: app.id,
        subjectId: app.candidate.id,
      });
      updated++;
    }
    await tx.flush();
    return { updated, skipped };
  });
}
