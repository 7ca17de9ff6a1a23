import { randomUUID } from 'node:crypto';
import { type Em, type InferEntity, type Orm, User, WebhookDelivery, WebhookSubscription } from '@candor/db';
import {
  type TWebhookDelivery,
  type TWebhookSubscription,
  type TWebhookSubscriptionWithSecret,
  WEBHOOK_PING,
  type ZWebhookDeliveryListInput,
  type ZWebhookSubscriptionInput,
  type ZWebhookSubscriptionUpdateInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { assertPublicHost, PrivateHostRefused } from '../http/outbound-host.js';
import { wrapSecret } from '../keys/master-key.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { deliverDueWebhooks, newWebhookSecret, type WebhookDeliveryDeps } from './webhook-delivery.js';

type Deps = WebhookDeliveryDeps & { orm: Orm };

/**
 * Webhook subscriptions and their delivery log, for owners and admins. The
 * tenant filter scopes every query here to the caller's tenant; a
 * subscription of another tenant is "not found".
 */

type SubscriptionRow = InferEntity<typeof WebhookSubscription>;
type DeliveryRow = InferEntity<typeof WebhookDelivery>;

function toSubscription(row: SubscriptionRow): TWebhookSubscription {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: row.events,
    scopes: row.scopes,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy?.name ?? null,
  };
}

function toDelivery(row: DeliveryRow): TWebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription.id,
    subscriptionName: row.subscription.name,
    event: row.event,
    eventId: row.eventId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastHttpStatus: row.lastHttpStatus ?? null,
    lastError: row.lastError ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The address must be one Candor may call: a field error now rather than failed deliveries later. */
async function assertReachable(url: string, allowPrivateHosts: boolean): Promise<void> {
  try {
    await assertPublicHost(url, allowPrivateHosts);
  } catch (error) {
    const message =
      error instanceof PrivateHostRefused
        ? 'This address is on a private network; Candor sends webhooks to public addresses only'
        : 'This host name does not resolve';
    throw new AppError('BAD_REQUEST', 'Some fields are not valid', { url: [message] });
  }
}

async function subscriptionOf(em: Em, id: string): Promise<SubscriptionRow> {
  const row = await em.findOne(WebhookSubscription, id, { populate: ['createdBy'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such webhook subscription');
  return row;
}

export async function listSubscriptions(em: Em): Promise<TWebhookSubscription[]> {
  const rows = await em.find(
    WebhookSubscription,
    {},
    { populate: ['createdBy'], orderBy: { createdAt: 'asc' } },
  );
  return rows.map(toSubscription);
}

export async function createSubscription(
  em: Em,
  deps: Deps,
  actor: Actor,
  input: z.output<typeof ZWebhookSubscriptionInput>,
): Promise<TWebhookSubscriptionWithSecret> {
  await assertReachable(input.url, deps.allowPrivateHosts);
  const secret = newWebhookSecret();
  const row = em.create(WebhookSubscription, {
    tenant: actor.tenantId,
    name: input.name,
    url: input.url,
    events: [...new Set(input.events)],
    scopes: [...new Set(input.scopes)],
    active: input.active,
    secretWrapped: wrapSecret(deps.masterKey, Buffer.from(secret, 'utf8')),
    createdBy: em.getReference(User, actor.userId),
  });
  recordAudit(em, actor, { action: 'webhook.create', targetType: 'WebhookSubscription', targetId: row.id });
  await em.flush();
  return { ...toSubscription(await subscriptionOf(em, row.id)), secret };
}

export async function updateSubscription(
  em: Em,
  deps: Deps,
  actor: Actor,
  input: z.output<typeof ZWebhookSubscriptionUpdateInput>,
): Promise<TWebhookSubscriptionWithSecret> {
  const row = await subscriptionOf(em, input.id);
  if (input.url !== row.url) await assertReachable(input.url, deps.allowPrivateHosts);
  const secret = input.rotateSecret ? newWebhookSecret() : null;
  em.assign(row, {
    name: input.name,
    url: input.url,
    events: [...new Set(input.events)],
    scopes: [...new Set(input.scopes)],
    active: input.active,
    ...(secret ? { secretWrapped: wrapSecret(deps.masterKey, Buffer.from(secret, 'utf8')) } : {}),
  });
  recordAudit(em, actor, {
    action: secret ? 'webhook.rotate_secret' : 'webhook.update',
    targetType: 'WebhookSubscription',
    targetId: row.id,
  });
  await em.flush();
  return { ...toSubscription(row), secret };
}

/** Deletes the subscription with its delivery log (payloads included). */
export async function deleteSubscription(em: Em, actor: Actor, id: string): Promise<{ id: string }> {
  const row = await subscriptionOf(em, id);
  await em.nativeDelete(WebhookDelivery, { subscription: row.id });
  em.remove(row);
  recordAudit(em, actor, { action: 'webhook.delete', targetType: 'WebhookSubscription', targetId: id });
  await em.flush();
  return { id };
}

/** Sends a `ping` to an active subscription now and returns how it went (the log keeps it like any delivery). */
export async function pingSubscription(
  em: Em,
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<TWebhookDelivery> {
  const subscription = await subscriptionOf(em, id);
  if (!subscription.active) {
    throw new AppError('PRECONDITION_FAILED', 'This subscription is paused: turn it on to send a test');
  }
  const eventId = randomUUID();
  const now = new Date();
  const delivery = em.create(WebhookDelivery, {
    tenant: actor.tenantId,
    subscription,
    candidate: null,
    application: null,
    event: WEBHOOK_PING,
    eventId,
    payload: { id: eventId, type: WEBHOOK_PING, createdAt: now.toISOString(), data: { subscriptionId: id } },
    categories: [],
    nextAttemptAt: now,
  });
  recordAudit(em, actor, { action: 'webhook.ping', targetType: 'WebhookSubscription', targetId: id });
  await em.flush();
  await deliverDueWebhooks(deps.orm, deps, now, { ids: [delivery.id] });
  return deliveryOf(em, delivery.id);
}

async function deliveryOf(em: Em, id: string): Promise<TWebhookDelivery> {
  const row = await em.findOne(WebhookDelivery, id, { populate: ['subscription'], refresh: true });
  if (!row) throw new AppError('NOT_FOUND', 'No such delivery');
  return toDelivery(row);
}

export async function listDeliveries(
  em: Em,
  input: z.output<typeof ZWebhookDeliveryListInput>,
): Promise<{ data: TWebhookDelivery[]; total: number }> {
  const where = {
    ...(input.subscriptionId ? { subscription: input.subscriptionId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.event ? { event: input.event } : {}),
  };
  const [rows, total] = await em.findAndCount(WebhookDelivery, where, {
    populate: ['subscription'],
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: input.perPage,
    offset: (input.page - 1) * input.perPage,
  });
  return { data: rows.map(toDelivery), total };
}

/** Queues a delivery again (delivered or failed) with a fresh round of attempts, and tries it at once. */
export async function redeliver(em: Em, deps: Deps, actor: Actor, id: string): Promise<TWebhookDelivery> {
  const row = await em.findOne(WebhookDelivery, id, { populate: ['subscription'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such delivery');
  const now = new Date();
  row.status = 'pending';
  row.attempts = 0;
  row.nextAttemptAt = now;
  row.lastError = null;
  recordAudit(em, actor, { action: 'webhook.redeliver', targetType: 'WebhookDelivery', targetId: id });
  await em.flush();
  if (row.subscription.active) await deliverDueWebhooks(deps.orm, deps, now, { ids: [id] });
  return deliveryOf(em, id);
}
