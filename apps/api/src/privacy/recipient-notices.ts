import { type Em, type InferEntity, type PrivacyRequest, Tenant } from '@candor/db';
import { enqueueEmail } from '../mail/outbox.js';
import { privacySettingsOf } from './privacy-settings.service.js';

export type RecipientNoticeKind = 'erasure' | 'rectification' | 'restriction';

export interface RecipientNotice {
  kind: RecipientNoticeKind;
  /** The data subject, as the recipient knows them. */
  subjectEmail: string;
  /** The privacy request's reference, for the recipient's confirmation. */
  reference: string;
  /** What was corrected, or anything else the recipient needs to act. */
  detail?: string;
}

const WORDING: Record<RecipientNoticeKind, { subject: string; asked: string; done: string; ask: string }> = {
  erasure: {
    subject: 'erasure of personal data',
    asked: 'asked us to erase their personal data under Art. 17 GDPR',
    done: 'We have erased it.',
    ask: 'Please erase the data about them that we disclosed to you',
  },
  rectification: {
    subject: 'correction of personal data',
    asked: 'asked us to correct their personal data under Art. 16 GDPR',
    done: 'We have corrected it.',
    ask: 'Please correct the data about them that we disclosed to you in the same way',
  },
  restriction: {
    subject: 'restriction of processing',
    asked: 'asked us to restrict the processing of their personal data under Art. 18 GDPR',
    done: 'We have restricted it.',
    ask: 'Please restrict your processing of the data about them that we disclosed to you as well (keep it stored, but do not otherwise use it until we tell you the restriction is lifted)',
  },
};

/**
 * Tells each recipient the tenant disclosed personal data to that the data
 * was erased, corrected or restricted (GDPR Art. 19). One email per
 * recipient with a notice address; recipients without one are left out
 * (the tenant decided they need no notice, or tells them another way).
 * Enqueued in the caller's unit of work: nothing is sent unless it commits.
 * Returns the names of the recipients notified, for the request's record.
 */
export async function notifyRecipients(tx: Em, tenantId: string, notice: RecipientNotice): Promise<string[]> {
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  const settings = await privacySettingsOf(tx, tenantId);
  const wording = WORDING[notice.kind];
  // The outbox's sender address may not be read: name the privacy contact when there is one.
  const confirm = settings.contactEmail ? `, and confirm to ${settings.contactEmail}` : ', and confirm to us';
  const detail = notice.detail?.trim();
  const notified: string[] = [];
  for (const recipient of settings.recipients) {
    if (!recipient.notifyEmail) continue;
    enqueueEmail(tx, {
      tenantId,
      to: recipient.notifyEmail,
      template: 'recipient_notice',
      subject: `${tenant.name}: ${wording.subject} (GDPR Art. 19 notice), reference ${notice.reference}`,
      text: [
        `Hello ${recipient.name},`,
        `The person with email ${notice.subjectEmail} ${wording.asked}. ${wording.done}`,
        ...(detail ? [`Details: ${detail}`] : []),
        `${wording.ask}${confirm}. Our reference: ${notice.reference}.`,
        `We tell you because ${tenant.name} disclosed personal data about this person to you (${recipient.purpose}), and Art. 19 GDPR requires us to tell every recipient.`,
        `Kind regards,\n${tenant.name}`,
      ].join('\n\n'),
    });
    notified.push(recipient.name);
  }
  return notified;
}

/**
 * Notifies the recipients about what a privacy request changed, and records
 * on the request whom (its actions list is what staff and the requester's
 * answer rely on to say who was told).
 */
export async function notifyRecipientsOfRequest(
  tx: Em,
  request: InferEntity<typeof PrivacyRequest>,
  kind: RecipientNoticeKind,
  subjectEmail: string,
  detail?: string,
): Promise<void> {
  if (!subjectEmail) return;
  const reference = request.id.slice(0, 8).toUpperCase();
  const notified = await notifyRecipients(tx, request.tenant.id, { kind, subjectEmail, reference, detail });
  if (notified.length === 0) return;
  request.actions = [...request.actions, { at: new Date().toISOString(), action: 'recipients.notified', detail: notified.join(', ') }];
}
