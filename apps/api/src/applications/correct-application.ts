import type { Em } from '@candor/db';
import type { TApplication, TApplicationCorrectionInput } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, sealFor } from '../keys/data-keys.js';
import { indexDocumentsSoon, reindexCandidateDocuments } from '../search/index-requests.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { toApplication } from './application-detail.js';

/**
 * Rectification (Art. 16) of what the applicant wrote: answers and the cover
 * letter are overwritten in place, sealed as the apply flow stores them, so
 * the old text is gone (the audit event says what was corrected, not the
 * values), and the candidate's indexed text is dropped so search reads the
 * corrected version.
 */
export async function correctApplication(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  input: TApplicationCorrectionInput,
): Promise<TApplication> {
  const app = await visibleApplication(em, actor, input.id);
  assertNotRestricted(app.candidate, 'their application cannot be corrected');
  if (app.anonymizedAt)
    throw new AppError(
      'PRECONDITION_FAILED',
      'This application was anonymized: there is nothing left to correct',
    );
  const key = await candidateKey(
    em,
    keys,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const byQuestion = new Map((input.answers ?? []).map((a) => [a.questionId, a.answer]));
  if ([...byQuestion.keys()].some((id) => !app.answers.some((a) => a.questionId === id)))
    throw new AppError('BAD_REQUEST', 'The application has no such question', {
      answers: ['Not a question of this application'],
    });
  await em.transactional(async (tx) => {
    if (input.answers)
      app.answers = app.answers.map((a) => {
        const answer = byQuestion.get(a.questionId);
        return answer === undefined ? a : { ...a, answer: sealFor(key, answer) };
      });
    if (input.coverLetter !== undefined)
      app.coverLetter = input.coverLetter ? sealFor(key, input.coverLetter) : null;
    // Stored as the apply form stores it (not sealed); overwritten all the same.
    if (input.salaryExpectation !== undefined) app.salaryExpectation = input.salaryExpectation || null;
    app.lastActivityAt = new Date();
    await reindexCandidateDocuments(tx, app.candidate.id);
    recordAudit(tx, actor, {
      action: 'application.correct',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  indexDocumentsSoon();
  return toApplication(em, actor, keys, app);
}
