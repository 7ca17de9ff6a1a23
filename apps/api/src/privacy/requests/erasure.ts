import { Candidate, type Em } from '@candor/db';
import type { TPrivacyRequest } from '@candor/schemas';
import { recordAudit } from '../../audit/audit.service.js';
import type { FileStore } from '../../files/file-store.js';
import type { DataKeys } from '../../keys/data-keys.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { activeHoldsOn } from '../holds.service.js';
import { notifyRecipientsOfRequest } from '../recipient-notices.js';
import { destroyErasedData, type ErasureSummary, eraseSubject } from '../subject-erasure.js';
import { getRequest } from './request-queue.js';
import { assertIdentityVerified, loadRequest, note, OPEN } from './request-record.js';
import { mailRequester } from './requester-mail.js';

/**
 * Carries out a verified erasure request: everything about the candidate is
 * erased (see subject-erasure.ts) and the request completed, in one
 * transaction; the files go after it commits. A failure leaves the subject
 * as before and the request open, with the kind of error recorded.
 */
export async function executeErasure(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore; publicUrl: string },
  id: string,
): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, id);
  if (row.type !== 'erasure') throw new AppError('BAD_REQUEST', 'This is not an erasure request');
  assertIdentityVerified(row);
  if (!OPEN.includes(row.status))
    throw new AppError('PRECONDITION_FAILED', 'The request is closed: its answer was sent');
  if (!row.candidate)
    throw new AppError(
      'PRECONDITION_FAILED',
      'No candidate matches this request: complete it with an answer instead',
    );
  const candidateId = row.candidate.id;
  const holds = await activeHoldsOn(em, candidateId);
  if (holds.length > 0) {
    // Art. 17(3)(e): data needed for legal claims is kept; staff answer the requester with a refusal that says so.
    throw new AppError(
      'PRECONDITION_FAILED',
      `A legal hold keeps this candidate's data: ${holds.map((h) => h.reason).join('; ')}. Refuse the request, telling the requester that data needed for legal claims is kept (Art. 17(3)(e) GDPR) and until when, or release the hold first.`,
      { id: ['Under legal hold'] },
    );
  }
  const to = row.requesterEmail;
  // How the recipients know the person, read before the erasure blanks it.
  const before = await em.findOneOrFail(Candidate, candidateId);
  const subject = { email: before.email, name: before.name };
  let erased: ErasureSummary | undefined;
  try {
    await em.transactional(async (tx) => {
      const summary = await eraseSubject(tx, candidateId);
      erased = summary;
      // The request was anonymized with everything else; what was done stays on it, without personal values.
      const request = await loadRequest(tx, id);
      request.status = 'completed';
      request.completedAt = new Date();
      request.answer = 'Your data has been erased.';
      request.lastError = null;
      note(
        request,
        'subject.erased',
        Object.entries(summary.entities)
          .map(([e, c]) => `${e}: ${c.anonymized} anonymized, ${c.deleted} deleted`)
          .join('; '),
      );
      // The answer that proves the erasure is kept after it is sent, without the address in clear (docs/retention.md).
      // In the language the candidate had, read before the erasure.
      await mailRequester(
        tx,
        request,
        actor.tenantId,
        deps.publicUrl,
        to,
        (t, company) => ({ subject: t.emailRequestErasedSubject(company), text: t.emailRequestErasedBody }),
        { asProof: true, locale: before.locale },
      );
      await notifyRecipientsOfRequest(tx, request, 'erasure', subject, { asProof: true, candidateId });
      recordAudit(tx, actor, {
        action: 'request.erasure_executed',
        targetType: 'PrivacyRequest',
        targetId: id,
      });
    });
  } catch (error) {
    const fresh = await loadRequest(em.fork(), id);
    fresh.lastError = error instanceof Error ? error.name : 'Error';
    await em.fork().persistAndFlush(fresh);
    throw error instanceof AppError
      ? error
      : new AppError(
          'PRECONDITION_FAILED',
          'The erasure failed and nothing was changed; the request stays open',
        );
  }
  // After the commit: the candidate's data key (crypto-shredding: copies in backups become unreadable), then the files.
  if (erased) await destroyErasedData(deps, erased);
  // The erasure's statements bypassed the identity map: what `em` loaded before is stale.
  em.clear();
  return getRequest(em, actor, id);
}
