import {
  Application,
  Candidate,
  type Em,
  InboundEmail,
  type Orm,
  OutboxEmail,
  TENANT_FILTER,
} from '@candor/db';
import { MAX_ATTACHMENT_BYTES } from '@candor/schemas';
import { type AddressObject, simpleParser } from 'mailparser';
import { type SniffedFile, storeSealedAttachments } from '../attachments/attachments.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import { candidateKey, type DataKeys, sealFor } from '../keys/data-keys.js';
import type { Logger } from '../logging/logger.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';
import { type ReplyMailbox, repliedMessageOf } from './reply-address.js';

/** A reply larger than this (attachments included) is not read at all. */
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

export interface InboundDeps extends DataKeys {
  orm: Orm;
  files: FileStore;
  hashKey: Buffer;
  mailbox: ReplyMailbox;
  logger: Logger;
  /** Called in the transaction that stores a reply (staff notifications). */
  afterAttach?: (tx: Em, reply: AttachedReply) => Promise<void>;
}

export interface AttachedReply {
  tenantId: string;
  candidateId: string;
  applicationId: string | null;
}

/** Why a message was not attached to anyone; logged as is (it names no one). */
export type DropReason =
  | 'too_large'
  | 'unreadable'
  | 'no_reply_address'
  | 'unknown_message'
  | 'candidate_gone'
  | 'duplicate';

export type ReceiveOutcome =
  | { attached: true; inboundEmailId: string; candidateId: string; attachments: number; leftOut: number }
  | { attached: false; reason: DropReason };

/** Where the message came in, for the log line. */
export type InboundChannel = 'imap' | 'smtp' | 'drop-folder';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

function addressesIn(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field ? (Array.isArray(field) ? field : [field]) : [];
  return list.flatMap((o) =>
    o.value.flatMap((a) => [a.address, ...(a.group ?? []).map((g) => g.address)]).filter(Boolean),
  ) as string[];
}

/** Addresses in trace headers a server adds on delivery (Delivered-To, X-Original-To), which name the reply address when To does not (a forward, Bcc). */
function traceAddresses(lines: ReadonlyArray<{ key: string; line: string }>): string[] {
  return lines
    .filter((l) => l.key === 'delivered-to' || l.key === 'x-original-to')
    .flatMap((l) => l.line.slice(l.line.indexOf(':') + 1).match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? []);
}

/**
 * Reads one raw message (RFC 5322) and, when it answers one of our emails
 * to a candidate (its reply address's token is valid), attaches it to that
 * candidate's thread: the text and subject sealed under their data key, the
 * attached documents sniffed and stored sealed like any file of theirs (other
 * files are left out and counted). Anything else is dropped, with a log line
 * that names no one. `envelopeRecipients` are the SMTP RCPT TO addresses.
 */
export async function receiveReply(
  deps: InboundDeps,
  raw: Buffer,
  channel: InboundChannel,
  envelopeRecipients: readonly string[] = [],
): Promise<ReceiveOutcome> {
  const outcome = await attachReply(deps, raw, envelopeRecipients);
  if (outcome.attached)
    deps.logger.info('reply received', {
      channel,
      inboundEmailId: outcome.inboundEmailId,
      attachments: outcome.attachments,
      leftOut: outcome.leftOut,
    });
  else deps.logger.info('inbound mail dropped', { channel, reason: outcome.reason });
  return outcome;
}

async function attachReply(
  deps: InboundDeps,
  raw: Buffer,
  envelopeRecipients: readonly string[],
): Promise<ReceiveOutcome> {
  if (raw.length > MAX_INBOUND_BYTES) return { attached: false, reason: 'too_large' };
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  } catch {
    return { attached: false, reason: 'unreadable' };
  }
  const recipients = [
    ...envelopeRecipients,
    ...addressesIn(mail.to),
    ...addressesIn(mail.cc),
    ...traceAddresses(mail.headerLines),
  ];
  const outboxId = repliedMessageOf(deps.hashKey, deps.mailbox, recipients);
  if (!outboxId) return { attached: false, reason: 'no_reply_address' };

  const em = deps.orm.em.fork();
  const original = await em.findOne(
    OutboxEmail,
    { id: outboxId },
    { ...ANY_TENANT, populate: ['candidate'] },
  );
  if (!original?.tenant) return { attached: false, reason: 'unknown_message' };
  const tenantId = original.tenant.id;
  const candidate = original.candidate
    ? await em.findOne(Candidate, { id: original.candidate.id }, ANY_TENANT)
    : null;
  if (!candidate || candidate.email.endsWith(ERASED_EMAIL_SUFFIX))
    return { attached: false, reason: 'candidate_gone' };
  em.setFilterParams(TENANT_FILTER, { tenantId });
  // The same message again (an IMAP move that failed after the reply was stored, an SMTP client retrying): once is enough.
  const messageId = mail.messageId && mail.messageId.length <= 255 ? mail.messageId : null;
  if (messageId && (await em.count(InboundEmail, { candidate: candidate.id, messageId })) > 0)
    return { attached: false, reason: 'duplicate' };

  const documents: SniffedFile[] = [];
  let leftOut = 0;
  for (const file of mail.attachments) {
    const sniffed = file.size <= MAX_ATTACHMENT_BYTES ? await sniffDocument(file.content) : null;
    if (!sniffed?.contentType) {
      leftOut += 1;
      continue;
    }
    documents.push({
      kind: 'other',
      filename: (file.filename ?? 'attachment').slice(0, 200),
      contentType: sniffed.contentType,
      bytes: file.content,
    });
  }

  // The key first: a tenant's first key is made outside any transaction (data-keys.ts).
  const key = await candidateKey(em, deps, { tenantId, candidateId: candidate.id }, { create: true });
  const from = mail.from?.value[0];
  const applicationId = original.application?.id ?? null;
  const reply = await em.transactional(async (tx) => {
    const application = applicationId ? await tx.findOne(Application, applicationId) : null;
    const row = tx.create(InboundEmail, {
      tenant: tenantId,
      candidate,
      application,
      inReplyTo: original,
      fromAddress: (from?.address ?? '').slice(0, 254),
      fromName: from?.name ? from.name.slice(0, 200) : null,
      subject: sealFor(key, mail.subject ?? ''),
      text: sealFor(key, mail.text ?? ''),
      messageId,
      attachmentsLeftOut: leftOut,
      receivedAt: new Date(),
    });
    const actor = { tenantId, userId: null, requestId: 'inbound-mail' };
    await storeSealedAttachments(
      tx,
      deps,
      { tenantId, candidate, application, uploadedBy: null, inboundEmail: row },
      documents,
      () =>
        recordAudit(tx, actor, {
          action: 'inbound_email.receive',
          targetType: 'InboundEmail',
          targetId: row.id,
          subjectId: candidate.id,
        }),
    );
    await deps.afterAttach?.(tx, { tenantId, candidateId: candidate.id, applicationId });
    return row;
  });
  return {
    attached: true,
    inboundEmailId: reply.id,
    candidateId: candidate.id,
    attachments: documents.length,
    leftOut,
  };
}
