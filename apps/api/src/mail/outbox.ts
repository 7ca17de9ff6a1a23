import {
  Application,
  Candidate,
  type Em,
  OutboxEmail,
  PrivacyRequest,
  Tenant,
  type TStoredAttachment,
  User,
} from '@candor/db';
import { proofAddressRef } from '../audit/audit-subject.js';

export interface EmailMessage {
  tenantId: string | null;
  to: string;
  template: string;
  subject: string;
  text: string;
  /** Hold the message until then (e.g. a rejection sent a day after the decision). */
  sendAfter?: Date;
  attachments?: TStoredAttachment[];
  /** The candidate the message is about, whoever receives it: export and erasure find it through this. */
  candidateId?: string | null;
  /** The application a decision's message is about, so undoing the decision can take it back while pending. */
  applicationId?: string | null;
  /**
   * Keep the message after delivery only as proof of answering this privacy
   * request: the address becomes a keyed hash, the body is dropped, and it
   * stays as long as the request does (docs/retention.md).
   */
  proofOf?: string | null;
  /** The staff member who wrote it (composed messages): staff data, never exported with the candidate's. */
  sentById?: string | null;
  /** A marketing message's one-click unsubscribe link, sent as List-Unsubscribe too (RFC 8058). */
  unsubscribeUrl?: string | null;
  /** One of a mailing to many: delivered after the one-to-one mail that is due (see OutboxEmail.bulk). */
  bulk?: boolean;
}

/** Where an applicant manages their data; every candidate email links to it. */
export function privacyPortalUrl(publicUrl: string, tenantSlug: string): string {
  return `${publicUrl}/careers/${tenantSlug}/privacy/portal/`;
}

/**
 * Queues an email in the caller's unit of work: it is only sent if the
 * transaction that caused it commits. The dispatcher delivers it later.
 */
export function enqueueEmail(em: Em, message: EmailMessage): { id: string } {
  return em.create(OutboxEmail, {
    tenant: message.tenantId ? em.getReference(Tenant, message.tenantId) : null,
    candidate: message.candidateId ? em.getReference(Candidate, message.candidateId) : null,
    application: message.applicationId ? em.getReference(Application, message.applicationId) : null,
    sentBy: message.sentById ? em.getReference(User, message.sentById) : null,
    unsubscribeUrl: message.unsubscribeUrl ?? null,
    bulk: message.bulk ?? false,
    to: message.to,
    template: message.template,
    subject: message.subject,
    text: message.text,
    html: null,
    attachments: message.attachments ?? null,
    proofAddressHash: message.proofOf ? proofAddressRef(message.to) : null,
    proofOf: message.proofOf ? em.getReference(PrivacyRequest, message.proofOf) : null,
    ...(message.sendAfter ? { nextAttemptAt: message.sendAfter } : {}),
  });
}

/**
 * Takes back the rejection emails still waiting to go out (the delay the
 * recruiter chose) for applications whose rejection was just undone: a
 * candidate moved back into the process must not be told they were turned
 * down. Deleted, not marked: the message was never sent, and a draft of it is
 * personal data with no purpose left. Returns how many were taken back.
 */
export async function withdrawPendingRejections(em: Em, applicationIds: string[]): Promise<number> {
  if (applicationIds.length === 0) return 0;
  return em.nativeDelete(OutboxEmail, {
    application: { $in: applicationIds },
    template: 'rejection',
    status: 'pending',
  });
}
