import { Candidate, type Em } from '@candor/db';
import type { TPrivacyRequest, TRequestStatus, ZRequestTransitionInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.service.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { notifyRecipientsOfRequest, type RecipientNoticeKind } from '../recipient-notices.js';
import { getRequest } from './request-queue.js';
import { assertIdentityVerified, loadRequest, note, type RequestRow } from './request-record.js';
import { mailRequester } from './requester-mail.js';

/** Where a request may go next; completed and refused are final. */
const TRANSITIONS: Record<TRequestStatus, TRequestStatus[]> = {
  received: ['verified', 'refused'],
  verified: ['in_progress', 'completed', 'refused'],
  in_progress: ['completed', 'refused'],
  completed: [],
  refused: [],
};

/** Which completed requests oblige the company to tell the recipients it disclosed the data to (GDPR Art. 19). */
const RECIPIENT_NOTICE: Partial<Record<RequestRow['type'], RecipientNoticeKind>> = {
  erasure: 'erasure',
  rectification: 'rectification',
  restriction: 'restriction',
};

export async function transitionRequest(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZRequestTransitionInput>,
  publicUrl: string,
): Promise<TPrivacyRequest> {
  await em.transactional(async (tx) => {
    const row = await loadRequest(tx, input.id);
    const from: TRequestStatus = row.status;
    // Completing sends the answer (the data, or word of what was corrected or restricted) and tells the recipients.
    if (input.to === 'completed') assertIdentityVerified(row);
    if (!TRANSITIONS[from].includes(input.to)) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `A ${from.replace('_', ' ')} request cannot become ${input.to.replace('_', ' ')}`,
        {
          to: [`Allowed next: ${TRANSITIONS[from].join(', ') || 'none'}`],
        },
      );
    }
    row.status = input.to;
    if (input.to === 'verified') row.verification = 'verified';
    if (input.to === 'completed' || input.to === 'refused') {
      row.answer = input.answer;
      row.completedAt = new Date();
      if (input.to === 'refused') row.refusalReason = input.reason;
      // The answer as staff wrote it; the subject, reference and footer in the requester's language.
      const answer = input.answer;
      await mailRequester(tx, row, actor.tenantId, publicUrl, row.requesterEmail, (t, company) => ({
        subject:
          input.to === 'completed'
            ? t.emailRequestCompletedSubject(company)
            : t.emailRequestRefusedSubject(company),
        text: answer,
      }));
      const kind = RECIPIENT_NOTICE[row.type];
      // An erasure tells them as it runs (executeErasure); a completed correction or restriction tells them here.
      if (input.to === 'completed' && kind && kind !== 'erasure' && row.candidate) {
        const candidate = await tx.findOneOrFail(Candidate, row.candidate.id);
        await notifyRecipientsOfRequest(tx, row, kind, { email: candidate.email, name: candidate.name });
      }
    }
    note(row, `status.${input.to}`, `by staff`);
    recordAudit(tx, actor, { action: `request.${input.to}`, targetType: 'PrivacyRequest', targetId: row.id });
  });
  return getRequest(em, actor, input.id);
}
