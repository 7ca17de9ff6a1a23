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
 * How long a claimed batch belongs to the instance that claimed it. Longer
 * than any batch takes to send (20 emails, each with the transport's own
 * timeouts); once it has passed, the emails still unsent are due again, for
 * any instance: the one that claimed them has died.
 */
export const DEFAULT_CLAIM_MS = 5 * 60_000;

/**
 * Delivers due emails from the outbox, safely from any number of API
 * instances at once:
 *
 * 1. A short transaction claims a batch: the due rows (FOR UPDATE SKIP
 *    LOCKED on PostgreSQL, so two instances never pick the same row) get
 *    their next attempt moved `claimMs` ahead, and it commits before
 *    anything is sent.
 * 2. Each email's claim is renewed just before it is sent, only if it is
 *    still the one this batch set (so a batch slower than its claim never
 *    sends what another instance has taken over since); it is then handed
 *    to the transport and marked sent on its own at once. An instance killed in the middle leaves its unsent emails to come
 *    due again when the claim runs out; only the one email it was handing
 *    over at that moment can go out twice (delivery is at least once, as
 *    with any mail queue; its Message-ID stays the same, so mail clients
 *    show one).
 */
export async function deliverDueEmails(
  em: Em,
  transport: MailTransport,
  from: string,
  logger: Logger,
  replies?: ReplyAddressing,
  claimMs = DEFAULT_CLAIM_MS,
) {
  let sent = 0;
  let failed = 0;
  const claim = await em.transactional(async (tx) => {
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
    const until = new Date(Date.now() + claimMs);
    for (const email of due) email.nextAttemptAt = until;
    return { ids: due.map((email) => email.id), until };
  });
  const claimedIds = claim.ids;
  const picked = claimedIds.length;
  if (picked === 0) return { sent, failed, picked };
  const claimed = await em.find(
    OutboxEmail,
    { id: { $in: claimedIds } },
    { orderBy: { bulk: 'asc', createdAt: 'asc' }, filters: { [TENANT_FILTER]: false } },
  );
  const held = await restrictedCandidates(em, claimed);
  const threading = replies ? await threadHeadersOf(em, replies, claimed) : new Map();
  for (const email of claimed) {
    // Still ours? If sending the ones before took longer than the claim, another instance may have taken it:
    // the claim is renewed only where it is unchanged since this batch set it, so one instance sends each email.
    const renewed = await em.nativeUpdate(
      OutboxEmail,
      { id: email.id, status: 'pending', nextAttemptAt: claim.until },
      { nextAttemptAt: new Date(Date.now() + claimMs) },
      { filters: { [TENANT_FILTER]: false } },
    );
    if (renewed === 0) continue;
    // Art. 18: no hiring emails about a candidate who restricted processing; they wait until it is lifted.
    if (email.candidate && held.has(email.candidate.id) && heldWhileRestricted(email.template)) {
      email.nextAttemptAt = new Date(Date.now() + HOLD_MS);
      await em.flush();
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
    // Marked at once: the window in which a dying instance leaves an email sent but not marked is this one email.
    await em.flush();
  }
  if (sent || failed) logger.info('outbox delivered', { sent, failed });
  return { sent, failed, picked };
}

/** Batches one run may deliver back to back while the outbox is full, so a backlog drains at the transport's pace. */
const DRAIN_BATCHES = 25;

/**
 * One run of the outbox dispatcher (a background job, see background-jobs/registry.ts): delivers due
 * emails a batch at a time until fewer than a batch are due, DRAIN_BATCHES were sent or the run's
 * time is up (`until`, so a run left by a killed instance is given up soon and another takes over).
 */
export async function drainOutbox(options: {
  orm: Orm;
  transport: MailTransport;
  from: string;
  logger: Logger;
  /** Gives emails to candidates a reply address (see inbound/reply-address.ts). */
  replies?: ReplyAddressing;
  /** How long a claimed batch is this instance's (DEFAULT_CLAIM_MS). */
  claimMs?: number;
  signal?: AbortSignal;
  /** No batch is started after this time (ms since the epoch). */
  until?: number;
}): Promise<void> {
  const timeUp = () => options.until !== undefined && Date.now() > options.until;
  for (let batch = 0; batch < DRAIN_BATCHES && !options.signal?.aborted && !timeUp(); batch += 1) {
    const { picked } = await deliverDueEmails(
      options.orm.em.fork(),
      options.transport,
      options.from,
      options.logger,
      options.replies,
      options.claimMs,
    );
    if (picked < BATCH) break;
  }
}
