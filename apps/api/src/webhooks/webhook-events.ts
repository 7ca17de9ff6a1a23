import { randomUUID } from 'node:crypto';
import {
  Candidate,
  type Em,
  type InferEntity,
  type Offer,
  TENANT_FILTER,
  WebhookDelivery,
  WebhookSubscription,
} from '@candor/db';
import type { TApiScope, TDataCategory, TWebhookEvent } from '@candor/schemas';
import type { ApplicationRow, StageRow } from '../applications/application-refs.js';

/**
 * Webhook events, written as deliveries in the same transaction as the change
 * they report (the outbox pattern): a rolled-back change sends nothing, a
 * committed one is delivered by `deliverDueWebhooks` even if the process
 * stops right after. Each subscription gets its own copy of the payload, cut
 * down to its scopes when it is written:
 *
 * - without `candidates:read`: the candidate's id, never a name or address;
 * - without `applications:read`: the application's and job's ids, no stage,
 *   status, source or offer terms;
 * - without `jobs:read`: the job's id, not its title.
 *
 * A candidate who restricted processing (Art. 18) is not reported at all:
 * their data is stored and nothing else. `candidate.erased` carries ids only.
 */

type SubscriptionRow = InferEntity<typeof WebhookSubscription>;
type OfferRow = InferEntity<typeof Offer>;

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } } as const;

/** Active subscriptions of a tenant, read once per transaction (a bulk move emits many events). */
const subscriptionsOfTx = new WeakMap<Em, Map<string, Promise<SubscriptionRow[]>>>();

function activeSubscriptions(tx: Em, tenantId: string): Promise<SubscriptionRow[]> {
  let byTenant = subscriptionsOfTx.get(tx);
  if (!byTenant) {
    byTenant = new Map();
    subscriptionsOfTx.set(tx, byTenant);
  }
  let rows = byTenant.get(tenantId);
  if (!rows) {
    rows = tx.find(WebhookSubscription, { tenant: tenantId, active: true }, ANY_TENANT);
    byTenant.set(tenantId, rows);
  }
  return rows;
}

export interface ApplicationEvent {
  application: ApplicationRow;
  /** For a stage change: where it came from. */
  fromStage?: StageRow | null;
  offer?: OfferRow;
}

/** What a payload about an application shows to a subscriber with these scopes, and which data categories that is. */
export function applicationPayload(
  event: TWebhookEvent,
  subject: ApplicationEvent,
  scopes: readonly TApiScope[],
): { data: Record<string, unknown>; categories: TDataCategory[] } {
  const { application: app, fromStage, offer } = subject;
  const can = (scope: TApiScope) => scopes.includes(scope);
  const categories: TDataCategory[] = [];
  const stageOf = (s: StageRow) => ({ id: s.id, name: s.name, kind: s.kind });
  const data: Record<string, unknown> = {
    application: {
      id: app.id,
      candidateId: app.candidate.id,
      jobId: app.job.id,
      ...(can('applications:read')
        ? {
            source: app.source,
            stage: stageOf(app.stage),
            ...(event === 'application.stage_changed' && fromStage
              ? { previousStage: stageOf(fromStage) }
              : {}),
          }
        : {}),
    },
    candidate: {
      id: app.candidate.id,
      ...(can('candidates:read') ? { name: app.candidate.name, email: app.candidate.email } : {}),
    },
    job: { id: app.job.id, ...(can('jobs:read') ? { title: app.job.title } : {}) },
  };
  if (offer) {
    data.offer = {
      id: offer.id,
      ...(can('applications:read')
        ? { startDate: offer.startDate, acceptedAt: offer.respondedAt?.toISOString() ?? null }
        : {}),
    };
  }
  if (can('candidates:read')) categories.push('user.name', 'user.contact.email');
  if (can('applications:read')) categories.push('user.recruitment.application');
  return { data, categories };
}

function envelope(eventId: string, event: string, occurredAt: Date, data: Record<string, unknown>) {
  return { id: eventId, type: event, createdAt: occurredAt.toISOString(), data };
}

/**
 * Writes one delivery of `event` about an application to each active
 * subscription of its tenant that wants it. Call inside the change's
 * transaction; the deliveries are flushed with it.
 */
export async function emitApplicationEvent(
  tx: Em,
  event: Exclude<TWebhookEvent, 'candidate.erased'>,
  subject: ApplicationEvent,
): Promise<void> {
  const app = subject.application;
  // Art. 18: nothing about a restricted candidate leaves Candor (candidates/restriction.ts).
  if (app.candidate.restrictedAt) return;
  const tenantId = app.tenant.id;
  const subscriptions = (await activeSubscriptions(tx, tenantId)).filter((s) => s.events.includes(event));
  if (subscriptions.length === 0) return;
  const eventId = randomUUID();
  const now = new Date();
  for (const subscription of subscriptions) {
    const { data, categories } = applicationPayload(event, subject, subscription.scopes);
    tx.create(WebhookDelivery, {
      tenant: tenantId,
      subscription,
      candidate: app.candidate,
      application: app,
      event,
      eventId,
      payload: envelope(eventId, event, now, data),
      categories,
      nextAttemptAt: now,
    });
  }
}

/**
 * Tells subscribers that candidates were erased, so they can erase their
 * copies: ids only, about no candidate row (the erasure has just deleted the
 * deliveries that named them). Called by the erasure, in its transaction.
 */
export async function emitCandidatesErased(tx: Em, tenantId: string, candidateIds: string[]): Promise<void> {
  const subscriptions = (await activeSubscriptions(tx, tenantId)).filter((s) =>
    s.events.includes('candidate.erased'),
  );
  if (subscriptions.length === 0 || candidateIds.length === 0) return;
  const now = new Date();
  for (const candidateId of candidateIds) {
    const eventId = randomUUID();
    for (const subscription of subscriptions) {
      tx.create(WebhookDelivery, {
        tenant: tenantId,
        subscription,
        candidate: null,
        application: null,
        event: 'candidate.erased',
        eventId,
        payload: envelope(eventId, 'candidate.erased', now, { candidate: { id: candidateId } }),
        categories: [],
        nextAttemptAt: now,
      });
    }
  }
}

/** Whether the candidates of these deliveries have restricted processing since the delivery was written. */
export async function restrictedCandidateIds(tx: Em, candidateIds: string[]): Promise<Set<string>> {
  if (candidateIds.length === 0) return new Set();
  const rows = await tx.find(
    Candidate,
    { id: { $in: [...new Set(candidateIds)] }, restrictedAt: { $ne: null } },
    { fields: ['id'], ...ANY_TENANT },
  );
  return new Set(rows.map((r) => r.id));
}
