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

/** A key for the REST API (docs/api.md), as the backoffice lists it: never the key itself. */
export const ZApiKey = /* @__PURE__ */ z.object({
  id: z.uuid(),
  name: z.string(),
  /** The key's first characters, not secret: enough to tell keys apart. */
  prefix: z.string(),
  scopes: z.array(ZApiScope),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZApiKeyCreateInput = /* @__PURE__ */ z.object({
  name: z.string().trim().min(1, 'Name the key after the system that will use it').max(120),
  scopes: z
    .array(ZApiScope)
    .min(1, 'Choose at least one permission')
    .max(API_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
});
export type TApiKeyCreateInput = z.input<typeof ZApiKeyCreateInput>;

/** What creating a key returns: the key itself, this once. */
export const ZApiKeyCreated = /* @__PURE__ */ z.object({ apiKey: ZApiKey, key: z.string() });
export type TApiKeyCreated = z.infer<typeof ZApiKeyCreated>;

export const ZApiKeyList = /* @__PURE__ */ z.array(ZApiKey);
