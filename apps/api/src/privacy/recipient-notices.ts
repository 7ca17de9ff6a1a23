import {
  Candidate,
  type Em,
  type InferEntity,
  type PrivacyRequest,
  personalFields,
  Tenant,
} from '@candor/db';
import { DATA_CATEGORIES, type TDataCategory } from '@candor/schemas';
import { enqueueEmail } from '../mail/outbox.js';
import { type RecipientOfSubject, recipientsOfSubject } from './disclosures.service.js';
import { privacySettingsOf } from './privacy-settings.service.js';

export type RecipientNoticeKind = 'erasure' | 'rectification' | 'restriction';

/** A corrected value of the candidate's record: the property and its new value. */
export interface Correction {
  property: string;
  value: string;
}

export interface RecipientNotice {
  kind: RecipientNoticeKind;
  /** The person as they were when the data was disclosed (before a correction): the recipient knows them so. */
  subject: { email: string; name: string };
  /** The privacy request's reference, for the recipient's confirmation. */
  reference: string;
  /** For a correction: what changed. Only recipients that received a corrected category are told, and only of those. */
  corrections?: Correction[];
  /** Notices sent as an erasure runs are kept after delivery only as proof of answering this request (see enqueueEmail). */
  proofOf?: string;
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

const CANDIDATE_CATEGORIES = new Map(personalFields(Candidate).map((f) => [f.property, f.category]));

function categoryOfCorrection(correction: Correction): TDataCategory | undefined {
  return CANDIDATE_CATEGORIES.get(correction.property);
}

/** The person as this recipient knows them: by what it received, never by more. */
function whoFor(recipient: RecipientOfSubject, subject: RecipientNotice['subject']): string {
  const got = new Set(recipient.categories);
  if (got.has('user.contact.email') && subject.email) return `The person with email ${subject.email}`;
  if (got.has('user.name') && subject.name) return `${subject.name}`;
  return `The person whose data we disclosed to you under our reference ${recipient.references.join(', ')}`;
}

/**
 * Tells the recipients a person's data was disclosed to (their disclosure
 * log, not every recipient on the Privacy page) that it was erased,
 * corrected or restricted (GDPR Art. 19), naming only what each received.
 * Recipients without a notice address are left out (the company tells them
 * another way). Enqueued in the caller's unit of work: nothing is sent
 * unless it commits. Returns the names of the recipients notified.
 */
export async function notifyRecipients(
  tx: Em,
  tenantId: string,
  candidateId: string,
  notice: RecipientNotice,
): Promise<string[]> {
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  const settings = await privacySettingsOf(tx, tenantId);
  const wording = WORDING[notice.kind];
  // The outbox's sender address may not be read: name the privacy contact when there is one.
  const confirm = settings.contactEmail ? `, and confirm to ${settings.contactEmail}` : ', and confirm to us';
  const notified: string[] = [];
  for (const recipient of await recipientsOfSubject(tx, tenantId, candidateId)) {
    if (!recipient.notifyEmail) continue;
    const received = new Set(recipient.categories);
    const corrections = (notice.corrections ?? []).filter((c) => {
      const category = categoryOfCorrection(c);
      return category !== undefined && received.has(category);
    });
    // A correction of data the recipient never got is none of its business (and telling it would disclose it).
    if (notice.kind === 'rectification' && notice.corrections && corrections.length === 0) continue;
    const disclosed = recipient.categories.map((c) => DATA_CATEGORIES[c]?.label ?? c).join(', ');
    const since = recipient.firstDisclosedAt.toISOString().slice(0, 10);
    enqueueEmail(tx, {
      tenantId,
      // Linked to the person so their erasure removes it; a notice sent by the erasure itself is kept as proof instead.
      candidateId: notice.proofOf ? null : candidateId,
      to: recipient.notifyEmail,
      template: 'recipient_notice',
      subject: `${tenant.name}: ${wording.subject} (GDPR Art. 19 notice), reference ${notice.reference}`,
      text: [
        `Hello ${recipient.name},`,
        `${whoFor(recipient, notice.subject)} ${wording.asked}. ${wording.done}`,
        ...(corrections.length > 0
          ? [
              `Corrected: ${corrections.map((c) => `${DATA_CATEGORIES[categoryOfCorrection(c)!].label}: ${c.value}`).join('; ')}`,
            ]
          : []),
        `${wording.ask}${confirm}. Our reference: ${notice.reference}.`,
        `We tell you because ${tenant.name} disclosed this person's data to you (from ${since}: ${disclosed}), and Art. 19 GDPR requires us to tell every recipient of it.`,
        `Kind regards,\n${tenant.name}`,
      ].join('\n\n'),
      proofOf: notice.proofOf ?? null,
    });
    notified.push(recipient.name);
  }
  return notified;
}

/**
 * Notifies the recipients in the person's log about what a privacy request
 * changed, and records on the request whom (its actions list is what staff
 * and the requester's answer rely on to say who was told).
 */
export async function notifyRecipientsOfRequest(
  tx: Em,
  request: InferEntity<typeof PrivacyRequest>,
  kind: RecipientNoticeKind,
  subject: RecipientNotice['subject'],
  options: Pick<RecipientNotice, 'corrections'> & { candidateId?: string; asProof?: boolean } = {},
): Promise<void> {
  const candidateId = options.candidateId ?? request.candidate?.id;
  if (!candidateId) return;
  const reference = request.id.slice(0, 8).toUpperCase();
  const notified = await notifyRecipients(tx, request.tenant.id, candidateId, {
    kind,
    subject,
    reference,
    corrections: options.corrections,
    ...(options.asProof ? { proofOf: request.id } : {}),
  });
  if (notified.length === 0) return;
  request.actions = [
    ...request.actions,
    { at: new Date().toISOString(), action: 'recipients.notified', detail: notified.join(', ') },
  ];
}
