import { z } from 'zod';

/**
 * What an API key or a webhook subscription may see or do. One list for
 * both, so a webhook payload is cut down by the same scopes an API key
 * would be: a subscriber without `candidates:read` gets ids, never names.
 */
export const API_SCOPES = [
  'jobs:read',
  'candidates:read',
  'candidates:write',
  'applications:read',
  'applications:write',
  'reports:read',
] as const;
export const ZApiScope = z.enum(API_SCOPES);
export type TApiScope = z.infer<typeof ZApiScope>;

export const API_SCOPE_LABELS: Record<TApiScope, string> = {
  'jobs:read': 'Read jobs',
  'candidates:read': 'Read candidates',
  'candidates:write': 'Create and update candidates',
  'applications:read': 'Read applications',
  'applications:write': 'Create applications and move them between stages',
  'reports:read': 'Read hiring reports',
};

/** Events a webhook subscription can receive. */
export const WEBHOOK_EVENTS = [
  'application.created',
  'application.stage_changed',
  'application.hired',
  'offer.accepted',
  'candidate.erased',
] as const;
export const ZWebhookEvent = z.enum(WEBHOOK_EVENTS);
export type TWebhookEvent = z.infer<typeof ZWebhookEvent>;
