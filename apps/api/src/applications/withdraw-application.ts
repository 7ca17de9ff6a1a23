import { ApplicationNote, type Em, User } from '@candor/db';
import { recordAudit } from '../audit/audit.service.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, sealFor } from '../keys/data-keys.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { toApplication } from './application-detail.js';

/**
 * Records that the candidate withdrew (told a recruiter); the application
 * leaves the pipeline. Allowed under a restriction of processing: it stops
 * processing, on the candidate's own word.
 */
export async function withdrawApplication(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: { id: string; note: string },
) {
  const app = await visibleApplication(em, actor, input.id);
  if (app.status !== 'active')
    throw new AppError('PRECONDITION_FAILED', `This application is already ${app.status}`);
  const key = input.note
    ? await candidateKey(
        em,
        keys,
        { tenantId: actor.tenantId, candidateId: app.candidate.id },
        { create: true },
      )
    : null;
  app.status = 'withdrawn';
  app.decidedAt = new Date();
  app.decidedBy = em.getReference(User, actor.userId);
  app.lastActivityAt = app.decidedAt;
  if (key) {
    em.create(ApplicationNote, {
      tenant: actor.tenantId,
      application: app,
      author: em.getReference(User, actor.userId),
      body: sealFor(key, `Withdrawn: ${input.note}`),
    });
  }
  recordAudit(em, actor, {
    action: 'application.withdraw',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return toApplication(em, actor, keys, app);
}
