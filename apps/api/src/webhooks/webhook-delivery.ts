import { createHmac, randomBytes } from 'node:crypto';
import {
  Candidate,
  type Em,
  type InferEntity,
  LockMode,
  type Orm,
  ormDialectOfEm,
  TENANT_FILTER,
  WebhookDelivery,
  WebhookSubscription,
} from '@candor/db';
import type { TDataCategory } from '@candor/schemas';
import { assertPublicHost, PrivateHostRefused } from '../http/outbound-host.js';
import { unwrapSecret } from '../keys/master-key.js';
import type { Logger } from '../logging/logger.js';
import { recordDisclosure } from '../privacy/disclosures.service.js';
import { restrictedCandidateIds } from './webhook-events.js';

/**
 * Delivers webhook deliveries that are due: POSTs the stored JSON with a
 * signature, retries with growing waits, records in the disclosure log what
 * left with personal data. Several instances may run it at once: a round
 * first claims its rows (FOR UPDATE SKIP LOCKED on PostgreSQL, the single
 * writer on SQLite) by moving their next attempt a lease ahead, commits, and
 * only then calls out, so no database transaction waits on a receiver.
 */

type DeliveryRow = InferEntity<typeof WebhookDelivery>;
type SubscriptionRow = InferEntity<typeof WebhookSubscription>;

export interface WebhookDeliveryDeps {
  masterKey: Buffer;
  /** OUTBOUND_ALLOW_PRIVATE_HOSTS: tests and company-network receivers. */
  allowPrivateHosts: boolean;
  logger: Logger;
}

/** Waits after the 1st, 2nd ... failed attempt; after the last the delivery has failed. */
export const WEBHOOK_RETRY_DELAYS_MS = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  12 * 3_600_000,
] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A claimed row is due again after this, should the instance that claimed it die mid-call. */
const LEASE_MS = 2 * 60_000;
/** A restricted candidate's event waits this long before it is looked at again. */
const HOLD_MS = 60 * 60_000;
const BATCH = 20;

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } } as const;

/** A new signing secret: what the admin copies once, and the HMAC key as it is (UTF-8). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `Candor-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** The receiver named in the disclosure log: the subscription's name and its host. */
function recipientName(name: string, url: string): string {
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    // A stored URL was validated when saved.
  }
  return (host ? `${name} (${host})` : name).slice(0, 120);
}

interface Claimed {
  id: string;
  tenantId: string;
  candidateId: string | null;
  applicationId: string | null;
  event: string;
  body: string;
  categories: string[];
  attempts: number;
  url: string;
  subscriptionName: string;
  secretWrapped: string;
}

async function claimDue(em: Em, now: Date, ids?: readonly string[]): Promise<Claimed[]> {
  return em.transactional(async (tx) => {
    // Read apart rather than joined: PostgreSQL locks no row of an outer join's nullable side, and a
    // paused subscription's deliveries wait (pending) without filling every round's batch.
    const subscriptions = new Map(
      (await tx.find(WebhookSubscription, { active: true }, ANY_TENANT)).map((s) => [s.id, s]),
    );
    if (subscriptions.size === 0) return [];
    const due = await tx.find(
      WebhookDelivery,
      {
        status: 'pending',
        nextAttemptAt: { $lte: now },
        subscription: { $in: [...subscriptions.keys()] },
        ...(ids ? { id: { $in: [...ids] } } : {}),
      },
      {
        orderBy: { nextAttemptAt: 'asc' },
        limit: BATCH,
        // SQLite has one writer at a time; the transaction is enough there.
        ...(ormDialectOfEm(tx) === 'postgresql' ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
        ...ANY_TENANT,
      },
    );
    const held = await restrictedCandidateIds(
      tx,
      due.flatMap((d) => (d.candidate ? [d.candidate.id] : [])),
    );
    const claimed: Claimed[] = [];
    for (const delivery of due) {
      // Art. 18: restricted since the event was written; it waits, uncounted, until the restriction is lifted.
      if (delivery.candidate && held.has(delivery.candidate.id)) {
        delivery.nextAttemptAt = new Date(now.getTime() + HOLD_MS);
        continue;
      }
      delivery.nextAttemptAt = new Date(now.getTime() + LEASE_MS);
      const subscription = subscriptions.get(delivery.subscription.id);
      if (subscription) claimed.push(claimOf(delivery, subscription));
    }
    await tx.flush();
    return claimed;
  });
}

function claimOf(delivery: DeliveryRow, subscription: SubscriptionRow): Claimed {
  return {
    id: delivery.id,
    tenantId: delivery.tenant.id,
    candidateId: delivery.candidate?.id ?? null,
    applicationId: delivery.application?.id ?? null,
    event: delivery.event,
    body: JSON.stringify(delivery.payload),
    categories: delivery.categories,
    attempts: delivery.attempts,
    url: subscription.url,
    subscriptionName: subscription.name,
    secretWrapped: subscription.secretWrapped,
  };
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function post(deps: WebhookDeliveryDeps, claim: Claimed, now: Date): Promise<Outcome> {
  try {
    await assertPublicHost(claim.url, deps.allowPrivateHosts);
    const secret = unwrapSecret(deps.masterKey, claim.secretWrapped).toString('utf8');
    const response = await fetch(claim.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Candor-Webhooks/1',
        'Candor-Event': claim.event,
        'Candor-Delivery': claim.id,
        'Candor-Signature': signWebhook(secret, claim.body, now),
      },
      body: claim.body,
      // A redirect could lead to a private address: the receiver's URL is the one the admin entered.
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    // Never the payload or the URL's query: the class of error, or why the address was refused.
    if (error instanceof PrivateHostRefused)
      return { ok: false, status: null, error: 'private network address refused' };
    const name = error instanceof Error ? error.name : 'Error';
    return {
      ok: false,
      status: null,
      error: name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : name,
    };
  }
}

async function settle(
  em: Em,
  claim: Claimed,
  outcome: Outcome,
  now: Date,
): Promise<'delivered' | 'retry' | 'failed'> {
  return em.transactional(async (tx) => {
    const delivery = await tx.findOne(WebhookDelivery, claim.id, ANY_TENANT);
    const attempts = claim.attempts + 1;
    let result: 'delivered' | 'retry' | 'failed';
    if (outcome.ok) result = 'delivered';
    else result = attempts >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'retry';
    // An erasure may have deleted the row while it was out: the disclosure is still recorded, the row stays gone.
    if (delivery) {
      delivery.attempts = attempts;
      delivery.lastHttpStatus = outcome.status;
      delivery.lastError = outcome.ok ? null : outcome.error.slice(0, 300);
      if (result === 'delivered') {
        delivery.status = 'delivered';
        delivery.deliveredAt = now;
      } else if (result === 'failed') {
        delivery.status = 'failed';
      } else {
        delivery.nextAttemptAt = new Date(now.getTime() + (WEBHOOK_RETRY_DELAYS_MS[attempts - 1] ?? 0));
      }
    }
    if (result === 'delivered' && claim.candidateId && claim.categories.length > 0) {
      const candidate = await tx.findOne(Candidate, claim.candidateId, { fields: ['id'], ...ANY_TENANT });
      if (candidate) {
        recordDisclosure(tx, {
          tenantId: claim.tenantId,
          candidateId: claim.candidateId,
          applicationId: delivery ? claim.applicationId : null,
          recipient: {
            name: recipientName(claim.subscriptionName, claim.url),
            kind: 'processor',
            country: null,
            safeguard: null,
            notifyEmail: null,
          },
          categories: claim.categories as TDataCategory[],
          purpose: `Webhook event ${claim.event}`,
          via: 'webhook',
          userId: null,
        });
      }
    }
    await tx.flush();
    return result;
  });
}

/**
 * One round: claims up to a batch of due deliveries (or only `options.ids`,
 * for a test ping or a redelivery) and sends them one by one.
 */
export async function deliverDueWebhooks(
  orm: Orm,
  deps: WebhookDeliveryDeps,
  now: Date = new Date(),
  options: { ids?: readonly string[]; until?: number } = {},
): Promise<{ delivered: number; retried: number; failed: number; picked: number }> {
  const em = orm.em.fork();
  // No claim is posted after its lease could have run out (another round would then post it too), nor
  // after the caller's time is up (a scheduled round's budget).
  const postUntil = Math.min(
    options.until ?? Number.POSITIVE_INFINITY,
    Date.now() + LEASE_MS - 2 * WEBHOOK_TIMEOUT_MS,
  );
  const claimed = await claimDue(em, now, options.ids);
  const counts = { delivered: 0, retried: 0, failed: 0, picked: claimed.length };
  for (const [index, claim] of claimed.entries()) {
    if (Date.now() > postUntil) {
      await handBack(orm, claimed.slice(index), now);
      break;
    }
    const outcome = await post(deps, claim, now);
    const result = await settle(orm.em.fork(), claim, outcome, now);
    if (result === 'delivered') counts.delivered += 1;
    else if (result === 'failed') counts.failed += 1;
    else counts.retried += 1;
    if (!outcome.ok) {
      deps.logger.warn('webhook delivery failed', {
        deliveryId: claim.id,
        attempts: claim.attempts + 1,
        status: outcome.status,
        reason: outcome.error,
      });
    }
  }
  if (counts.picked > 0) deps.logger.info('webhooks delivered', counts);
  return counts;
}

/** Claims a round had no time to post: due again at once for the next round, not after their lease. */
async function handBack(orm: Orm, claims: readonly Claimed[], now: Date): Promise<void> {
  await orm.em
    .fork()
    .nativeUpdate(
      WebhookDelivery,
      { id: { $in: claims.map((c) => c.id) }, status: 'pending' },
      { nextAttemptAt: now },
      ANY_TENANT,
    );
}

/** How long a finished delivery (delivered, or failed for good) stays in the log with its payload. */
export const WEBHOOK_LOG_DAYS = 30;

/**
 * Data minimisation for the delivery log: a delivery finished more than
 * WEBHOOK_LOG_DAYS ago is deleted, payload and all; it can no longer be
 * redelivered. The disclosure log keeps the record that the receiver got the
 * data (privacy/disclosures.service.ts). Returns how many went.
 */
export async function pruneWebhookLog(orm: Orm, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_LOG_DAYS * 86_400_000);
  return orm.em
    .fork()
    .nativeDelete(
      WebhookDelivery,
      { status: { $in: ['delivered', 'failed'] }, createdAt: { $lt: before } },
      ANY_TENANT,
    );
}
