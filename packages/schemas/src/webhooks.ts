import { z } from 'zod';
import { ZApiScope, ZWebhookEvent } from './integrations.js';

/** A delivery's state: pending (waiting or retrying), delivered (a 2xx answer), failed (no more retries). */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const ZWebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type TWebhookDeliveryStatus = z.infer<typeof ZWebhookDeliveryStatus>;

/** The test ping the settings page sends; not an event anyone subscribes to. */
export const WEBHOOK_PING = 'ping' as const;

export const WEBHOOK_EVENT_LABELS: Record<z.infer<typeof ZWebhookEvent>, string> = {
  'application.created': 'An application was created (careers site or staff)',
  'application.stage_changed': 'An application moved to another stage',
  'application.hired': 'A candidate was hired',
  'offer.accepted': 'A candidate accepted an offer',
  'candidate.erased': 'A candidate was erased (ids only, so you can erase too)',
};

const ZWebhookUrl = z
  .string()
  .trim()
  .max(500, 'At most 500 characters')
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'Enter the address that receives the events, e.g. https://hr.example.com/hooks/candor',
    }),
  );

export const ZWebhookSubscriptionInput = z.object({
  name: z.string().trim().min(1, 'Name the receiving system, e.g. Personio').max(80),
  url: ZWebhookUrl,
  events: z.array(ZWebhookEvent).min(1, 'Choose at least one event').max(20),
  /** What the payloads may show: without candidates:read a payload names no one, it carries ids. */
  scopes: z.array(ZApiScope).max(10).default([]),
  active: z.boolean().default(true),
});
export type TWebhookSubscriptionInput = z.input<typeof ZWebhookSubscriptionInput>;

export const ZWebhookSubscriptionUpdateInput = ZWebhookSubscriptionInput.extend({
  id: z.uuid(),
  /** Makes a new signing secret (shown once); the old one stops signing at once. */
  rotateSecret: z.boolean().default(false),
});

export const ZWebhookSubscription = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(ZWebhookEvent),
  scopes: z.array(ZApiScope),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type TWebhookSubscription = z.infer<typeof ZWebhookSubscription>;

/** A created subscription (or one whose secret was rotated), with its signing secret: the only time it is shown. */
export const ZWebhookSubscriptionWithSecret = ZWebhookSubscription.extend({ secret: z.string().nullable() });
export type TWebhookSubscriptionWithSecret = z.infer<typeof ZWebhookSubscriptionWithSecret>;

export const ZWebhookDeliveryListInput = z.strictObject({
  subscriptionId: z.uuid().optional(),
  status: ZWebhookDeliveryStatus.optional(),
  event: z.union([ZWebhookEvent, z.literal(WEBHOOK_PING)]).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  perPage: z.number().int().min(1).max(100).default(25),
});

export const ZWebhookDelivery = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  subscriptionName: z.string(),
  event: z.string(),
  eventId: z.string(),
  status: ZWebhookDeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZWebhookDeliveryList = z.object({ data: z.array(ZWebhookDelivery), total: z.number().int() });
