import {
  Application,
  Candidate,
  type Em,
  type InferEntity,
  OutboxEmail,
  Tenant,
  type TStoredAttachment,
  User,
} from '@candor/db';
import {
  COMPOSED_MESSAGE_TEMPLATES,
  fillTemplate,
  MESSAGE_SKIP_REASONS,
  type TBulkComposeResult,
  type TMessagePreview,
  type TMessageSkipReason,
  type TScheduledMessage,
  type ZBulkComposeInput,
  type ZComposeInput,
  type ZMessagePreviewInput,
  type ZScheduledMessagesInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { candidateRestrictionScope } from '../candidates/restriction.js';
import { applicationScope } from '../hiring/job-scope.js';
import { candidateEmailFooter } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { noticeBeforeContact } from '../privacy/sourced-notice.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { messageAttachments } from './compose-attachments.js';
import { skipReason, withMarketingConsent } from './compose-rules.js';
import { messageTemplateRow } from './compose-templates.js';
import { unsubscribeUrl } from './compose-unsubscribe.js';

type TenantRow = InferEntity<typeof Tenant>;
type CandidateRow = InferEntity<typeof Candidate>;
type ApplicationRow = InferEntity<typeof Application>;

export interface ComposeDeps {
  publicUrl: string;
  hashKey: Buffer;
}

/** Who writes and for which tenant: what every recipient's message shares. */
export interface Sender {
  tenant: TenantRow;
  name: string;
  publicUrl: string;
}

/** One recipient: the candidate, and the application the message is about (its job names {{job_title}}). */
export interface Recipient {
  candidate: CandidateRow;
  application: ApplicationRow | null;
  jobTitle: string;
}

/**
 * A message as this recipient gets it: the variables filled, a marketing
 * message's unsubscribe link, and the privacy footer every candidate email
 * ends with (in the candidate's language; the message itself is as staff
 * wrote it). The preview and the send both come from here.
 */
export function renderMessage(
  sender: Sender,
  draft: { subject: string; body: string },
  recipient: { candidate: Pick<CandidateRow, 'name' | 'locale'>; jobTitle: string },
  unsubscribe: string | null,
): { subject: string; text: string } {
  const { candidate } = recipient;
  const values = {
    candidate_first_name: candidate.name.trim().split(/\s+/)[0] ?? candidate.name,
    candidate_name: candidate.name,
    job_title: recipient.jobTitle,
    company_name: sender.tenant.name,
    sender_name: sender.name,
  };
  const stop = unsubscribe
    ? `\n\nTo stop receiving news from ${sender.tenant.name}, unsubscribe with one click: ${unsubscribe}`
    : '';
  return {
    // Subjects are one line whatever a value contains.
    subject: fillTemplate(draft.subject, values).replace(/[\r\n]+/g, ' '),
    text: `${fillTemplate(draft.body, values)}${stop}${candidateEmailFooter(sender.tenant, sender.publicUrl, candidate.locale)}`,
  };
}

export async function senderOf(em: Em, actor: Actor, publicUrl: string): Promise<Sender> {
  const [tenant, user] = await Promise.all([
    em.findOneOrFail(Tenant, actor.tenantId),
    em.findOneOrFail(User, actor.userId),
  ]);
  return { tenant, name: user.name, publicUrl };
}

/** Whether the draft is marketing: its template says so. */
async function isMarketing(em: Em, templateId: string | null): Promise<boolean> {
  return templateId ? (await messageTemplateRow(em, templateId)).marketing : false;
}

/** The candidate and the application (or, from the candidate page, their latest one for {{job_title}}), as the actor may see them. */
async function recipientOf(
  em: Em,
  actor: Actor,
  candidateId: string,
  applicationId: string | null,
): Promise<Recipient> {
  const candidate = await em.findOne(Candidate, { id: candidateId, ...candidateRestrictionScope(actor) });
  if (!candidate) throw new AppError('NOT_FOUND', 'No such candidate');
  const scope = await applicationScope(em, actor);
  const application = applicationId
    ? await em.findOne(Application, { id: applicationId, candidate, ...scope }, { populate: ['job'] })
    : null;
  if (applicationId && !application) throw new AppError('NOT_FOUND', 'No such application of this candidate');
  const latest =
    application ??
    (await em.findOne(
      Application,
      { candidate, ...scope },
      { populate: ['job'], orderBy: { appliedAt: 'desc' } },
    ));
  return { candidate, application, jobTitle: latest?.job.title ?? '' };
}

const SKIP_MESSAGES: Record<TMessageSkipReason, string> = {
  restricted:
    'The candidate asked to restrict processing of their data: no hiring email can go to them until that is lifted',
  no_address: 'The candidate’s data was erased or anonymized: there is no address to write to',
  no_consent: 'The candidate has not consented to marketing email: pick a template that is not marketing',
  not_found: 'No such candidate',
};

export const PREVIEW_UNSUBSCRIBE = '(their own one-click unsubscribe link)';

export async function previewMessage(
  em: Em,
  actor: Actor,
  deps: ComposeDeps,
  input: z.output<typeof ZMessagePreviewInput>,
): Promise<TMessagePreview> {
  const [sender, recipient, marketing] = await Promise.all([
    senderOf(em, actor, deps.publicUrl),
    recipientOf(em, actor, input.candidateId, input.applicationId),
    isMarketing(em, input.templateId),
  ]);
  const consented = marketing
    ? await withMarketingConsent(em, actor.tenantId, [recipient.candidate.id])
    : new Set<string>();
  // The preview names no real unsubscribe link: whoever holds one can stop the candidate's marketing.
  const rendered = renderMessage(sender, input, recipient, marketing ? PREVIEW_UNSUBSCRIBE : null);
  return {
    to: recipient.candidate.email,
    ...rendered,
    marketing,
    blocked: skipReason(recipient.candidate, marketing, consented),
  };
}

/** Queues one rendered message to one recipient, its audit event naming the candidate only by pseudonym. */
export function queueMessage(
  em: Em,
  actor: Actor,
  deps: ComposeDeps,
  sender: Sender,
  draft: { subject: string; body: string; sendAt: string | null },
  recipient: Recipient,
  marketing: boolean,
  attachments: TStoredAttachment[],
  /** One of many written at once (bulk email, a job alert): goes after one-to-one mail. */
  bulk = false,
): { id: string; sendAt: Date } {
  const { candidate, application } = recipient;
  const unsubscribe = marketing ? unsubscribeUrl(deps, sender.tenant, candidate.id) : null;
  const sendAt = draft.sendAt ? new Date(draft.sendAt) : new Date();
  const { id } = enqueueEmail(em, {
    tenantId: actor.tenantId,
    candidateId: candidate.id,
    applicationId: application?.id ?? null,
    sentById: actor.userId,
    to: candidate.email,
    template: marketing ? COMPOSED_MESSAGE_TEMPLATES.marketing : COMPOSED_MESSAGE_TEMPLATES.hiring,
    ...renderMessage(sender, draft, recipient, unsubscribe),
    sendAfter: sendAt,
    attachments: attachments.length ? attachments : undefined,
    unsubscribeUrl: unsubscribe,
    bulk,
  });
  recordAudit(em, actor, {
    action: draft.sendAt ? 'message.schedule' : 'message.send',
    targetType: 'OutboxEmail',
    targetId: id,
    subjectId: candidate.id,
  });
  return { id, sendAt };
}

/** Writes to one candidate (from their page or an application's): sent now or at `sendAt`, through the outbox. */
export async function composeMessage(
  em: Em,
  actor: Actor,
  deps: ComposeDeps,
  input: z.output<typeof ZComposeInput>,
): Promise<{ id: string; sendAt: string }> {
  const attachments = await messageAttachments(input.attachments);
  return em.transactional(async (tx) => {
    const [sender, recipient, marketing] = await Promise.all([
      senderOf(tx, actor, deps.publicUrl),
      recipientOf(tx, actor, input.candidateId, input.applicationId),
      isMarketing(tx, input.templateId),
    ]);
    const consented = marketing
      ? await withMarketingConsent(tx, actor.tenantId, [recipient.candidate.id])
      : new Set<string>();
    const reason = skipReason(recipient.candidate, marketing, consented);
    if (reason) {
      throw new AppError(
        'PRECONDITION_FAILED',
        SKIP_MESSAGES[reason],
        reason === 'no_consent'
          ? { templateId: ['Not for this candidate: no marketing consent'] }
          : undefined,
      );
    }
    // Someone else gave us their details: they are told that first (Art. 14(3)(b)).
    await noticeBeforeContact(tx, actor, recipient.candidate, deps.publicUrl);
    const queued = queueMessage(tx, actor, deps, sender, input, recipient, marketing, attachments);
    await tx.flush();
    return { id: queued.id, sendAt: queued.sendAt.toISOString() };
  });
}

/**
 * Writes to the candidates of the selected applications, one message per
 * application (its job fills {{job_title}}). Recipients the rules exclude
 * are skipped and counted by reason; the others are queued in one transaction.
 */
export async function bulkComposeMessages(
  em: Em,
  actor: Actor,
  deps: ComposeDeps,
  input: z.output<typeof ZBulkComposeInput>,
): Promise<TBulkComposeResult> {
  const attachments = await messageAttachments(input.attachments);
  const ids = [...new Set(input.applicationIds)];
  return em.transactional(async (tx) => {
    const [sender, marketing, applications] = await Promise.all([
      senderOf(tx, actor, deps.publicUrl),
      isMarketing(tx, input.templateId),
      tx.find(
        Application,
        { id: { $in: ids }, ...(await applicationScope(tx, actor)) },
        { populate: ['candidate', 'job'], orderBy: { id: 'asc' } },
      ),
    ]);
    const consented = marketing
      ? await withMarketingConsent(
          tx,
          actor.tenantId,
          applications.map((a) => a.candidate.id),
        )
      : new Set<string>();
    const skipped = new Map<TMessageSkipReason, number>();
    const skip = (reason: TMessageSkipReason, count = 1) =>
      skipped.set(reason, (skipped.get(reason) ?? 0) + count);
    if (applications.length < ids.length) skip('not_found', ids.length - applications.length);
    let queued = 0;
    for (const application of applications) {
      const reason = skipReason(application.candidate, marketing, consented);
      if (reason) {
        skip(reason);
        continue;
      }
      const recipient = { candidate: application.candidate, application, jobTitle: application.job.title };
      await noticeBeforeContact(tx, actor, recipient.candidate, deps.publicUrl);
      queueMessage(tx, actor, deps, sender, input, recipient, marketing, attachments, true);
      queued += 1;
    }
    await tx.flush();
    return {
      queued,
      skipped: (Object.keys(MESSAGE_SKIP_REASONS) as TMessageSkipReason[])
        .filter((reason) => skipped.has(reason))
        .map((reason) => ({ reason, count: skipped.get(reason)! })),
    };
  });
}

const COMPOSED: string[] = Object.values(COMPOSED_MESSAGE_TEMPLATES);

/** Composed messages to a candidate still waiting in the outbox (scheduled, or about to go), soonest first. */
export async function scheduledMessages(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZScheduledMessagesInput>,
): Promise<TScheduledMessage[]> {
  const candidate = await em.findOne(Candidate, {
    id: input.candidateId,
    ...candidateRestrictionScope(actor),
  });
  if (!candidate) throw new AppError('NOT_FOUND', 'No such candidate');
  const rows = await em.find(
    OutboxEmail,
    {
      candidate,
      template: { $in: COMPOSED },
      status: 'pending',
      ...(input.applicationId ? { application: input.applicationId } : {}),
    },
    { populate: ['sentBy'], orderBy: { nextAttemptAt: 'asc', id: 'asc' } },
  );
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    sendAt: row.nextAttemptAt.toISOString(),
    applicationId: row.application?.id ?? null,
    attachments: row.attachments?.length ?? 0,
    sentBy: row.sentBy?.name ?? null,
  }));
}

/**
 * Cancels a composed message still waiting to go out. Deleted, not marked:
 * it was never sent, and a draft of it is personal data with no purpose left
 * (as with a rejection taken back, see withdrawPendingRejections).
 */
export async function cancelMessage(em: Em, actor: Actor, id: string): Promise<void> {
  const row = await em.findOne(OutboxEmail, { id, template: { $in: COMPOSED } }, { populate: ['candidate'] });
  const visible =
    row?.candidate &&
    (await em.count(Candidate, { id: row.candidate.id, ...candidateRestrictionScope(actor) })) > 0;
  if (!row || !visible) throw new AppError('NOT_FOUND', 'No such message');
  const deleted = await em.nativeDelete(OutboxEmail, { id, status: 'pending' });
  if (deleted === 0) throw new AppError('PRECONDITION_FAILED', 'The message has already been sent');
  recordAudit(em, actor, {
    action: 'message.cancel',
    targetType: 'OutboxEmail',
    targetId: id,
    subjectId: row.candidate!.id,
  });
  await em.flush();
}
