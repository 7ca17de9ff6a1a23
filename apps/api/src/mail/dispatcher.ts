import {
  Candidate,
  type Em,
  LockMode,
  type Orm,
  OutboxEmail,
  ormDialectOfEm,
  TENANT_FILTER,
} from '@candor/db';
import { heldWhileRestricted } from '../candidates/restriction.js';
import { type ReplyAddressing, threadHeadersOf } from '../inbound/reply-headers.js';
import { errorFields, type Logger } from '../logging/logger.js';
import type { MailTransport } from './transport.js';

const MAX_ATTEMPTS = 8;
const BATCH = 20;

/** Retry after 1, 2, 4 ... minutes, capped at an hour. */
function backoffMs(attempts: number): number {
  return Math.min(60, 2 ** (attempts - 1)) * 60_000;
}

const HOLD_MS = 60 * 60_000;

/** Which of these emails' candidates have restricted processing. */
async function restrictedCandidates(
  tx: Em,
  emails: Array<{ candidate?: { id: string } | null }>,
): Promise<Set<string>> {
  const ids = [...new Set(emails.flatMap((e) => (e.candidate ? [e.candidate.id] : [])))];
  if (ids.length === 0) return new Set();
  const rows = await tx.find(
    Candidate,
    { id: { $in: ids }, restrictedAt: { $ne: null } },
    { fields: ['id'], filters: { [TENANT_FILTER]: false } },
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * A message kept as proof (an erasure's answer and notices) keeps, once
 * delivered or given up, only what proves it was sent: template, subject
 * (which names no one), dates and the address as a keyed hash.
 */
function reduceToProof(email: {
  to: string;
  text: string;
  html?: string | null;
  attachments?: unknown;
  proofAddressHash?: string | null;
}): void {
  if (!email.proofAddressHash) return;
  email.to = email.proofAddressHash;
  email.text = '';
  email.html = null;
  email.attachments = null;
}

/**
 * Delivers due emails from the outbox. Rows are claimed with
 * FOR UPDATE SKIP LOCKED on PostgreSQL, so several API instances can run
 * this at once without sending an email twice.
 */
export async function deliverDueEmails(
  em: Em,
  transport: MailTransport,
  from: string,
  logger: Logger,
  replies?: ReplyAddressing,
) {
  let sent = 0;
  let failed = 0;
  let picked = 0;
  await em.transactional(async (tx) => {
    const dueOf = (bulk: boolean, limit: number) =>
      tx.find(
        OutboxEmail,
        { status: 'pending', bulk, nextAttemptAt: { $lte: new Date() } },
        {
          orderBy: { nextAttemptAt: 'asc' },
          limit,
          // SQLite has one writer at a time and no row locks; the transaction is enough there.
          ...(ormDialectOfEm(tx) === 'postgresql' ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
          filters: { [TENANT_FILTER]: false },
        },
      );
    // One-to-one mail first: a mailing to thousands waits behind a sign-in code, not the other way round.
    const direct = await dueOf(false, BATCH);
    const due = direct.length < BATCH ? [...direct, ...(await dueOf(true, BATCH - direct.length))] : direct;
    picked = due.length;
    const held = await restrictedCandidates(tx, due);
    const threading = replies ? await threadHeadersOf(tx, replies, due) : new Map();
    for (const email of due) {
      // Art. 18: no hiring emails about a candidate who restricted processing; they wait until it is lifted.
      if (email.candidate && held.has(email.candidate.id) && heldWhileRestricted(email.template)) {
        email.nextAttemptAt = new Date(Date.now() + HOLD_MS);
        continue;
      }
      try {
        await transport.send({
          id: email.id,
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: email.attachments,
          listUnsubscribe: email.unsubscribeUrl,
          ...threading.get(email.id),
        });
        email.status = 'sent';
        email.sentAt = new Date();
        reduceToProof(email);
        sent += 1;
      } catch (error) {
        email.attempts += 1;
        // Transport errors can quote addresses; keep only the error class.
        email.lastError = error instanceof Error ? error.name : 'Error';
        email.status = email.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
        if (email.status === 'failed') reduceToProof(email);
        email.nextAttemptAt = new Date(Date.now() + backoffMs(email.attempts));
        failed += 1;
        logger.warn('email delivery failed', {
          emailId: email.id,
          attempts: email.attempts,
          ...errorFields(error),
        });
      }
    }
  });
  if (sent || failed) logger.info('outbox delivered', { sent, failed });
  return { sent, failed, picked };
}

/** Batches one run may deliver back to back while the outbox is full, so a backlog drains at the transport's pace. */
const DRAIN_BATCHES = 25;

/**
 * One run of the outbox dispatcher (a background job, see background-jobs/registry.ts): delivers due
 * emails a batch at a time until fewer than a batch are due or DRAIN_BATCHES were sent.
 */
export async function drainOutbox(options: {
  orm: Orm;
  transport: MailTransport;
  from: string;
  logger: Logger;
  /** Gives emails to candidates a reply address (see inbound/reply-address.ts). */
  replies?: ReplyAddressing;
  signal?: AbortSignal;
}): Promise<void> {
  for (let batch = 0; batch < DRAIN_BATCHES && !options.signal?.aborted; batch += 1) {
    const { picked } = await deliverDueEmails(
      options.orm.em.fork(),
      options.transport,
      options.from,
      options.logger,
      options.replies,
    );
    if (picked < BATCH) break;
  }
}
