import { createHash, randomBytes } from 'node:crypto';
import { ApiKey, type Em, type InferEntity, TENANT_FILTER } from '@candor/db';
import type { TApiKey, TApiKeyCreated, ZApiKeyCreateInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type ApiKeyRow = InferEntity<typeof ApiKey>;

/**
 * A key reads `cnd_<8 hex>_<43 base64url>`: the first part is the public
 * prefix the backoffice lists, the rest 32 random bytes. Only the SHA-256 of
 * the whole key is stored; with 256 random bits a plain hash is enough (as
 * for session tokens), and it lets a request find its key with one indexed
 * lookup.
 */
const KEY_PATTERN = /^cnd_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function newKey(): { key: string; prefix: string } {
  const prefix = `cnd_${randomBytes(4).toString('hex')}`;
  return { key: `${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

function toApiKey(row: ApiKeyRow): TApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdBy: row.createdBy ? { id: row.createdBy.id, name: row.createdBy.name } : null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(em: Em, actor: Actor): Promise<TApiKey[]> {
  const rows = await em.find(
    ApiKey,
    { tenant: actor.tenantId },
    { populate: ['createdBy'], orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  return rows.map(toApiKey);
}

/** Makes a key; the key itself is in the answer this once and nowhere else afterwards. */
export async function createApiKey(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZApiKeyCreateInput>,
): Promise<TApiKeyCreated> {
  const { key, prefix } = newKey();
  const row = em.create(ApiKey, {
    tenant: actor.tenantId,
    name: input.name,
    prefix,
    secretHash: hashApiKey(key),
    scopes: input.scopes,
    createdBy: actor.userId,
  });
  recordAudit(em, actor, { action: 'api_key.create', targetType: 'ApiKey', targetId: row.id });
  await em.flush();
  await em.populate(row, ['createdBy']);
  return { apiKey: toApiKey(row), key };
}

export async function revokeApiKey(em: Em, actor: Actor, id: string): Promise<TApiKey> {
  const row = await em.findOne(ApiKey, { id, tenant: actor.tenantId }, { populate: ['createdBy'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such API key');
  if (!row.revokedAt) {
    row.revokedAt = new Date();
    recordAudit(em, actor, { action: 'api_key.revoke', targetType: 'ApiKey', targetId: row.id });
    await em.flush();
  }
  return toApiKey(row);
}

/** Refreshed at most this often, so a busy integration does not write on every request. */
const LAST_USED_EVERY_MS = 5 * 60_000;

/**
 * The live key a request presents, across tenants (the key says which
 * tenant); null for anything malformed, unknown or revoked.
 */
export async function apiKeyOf(em: Em, presented: string): Promise<ApiKeyRow | null> {
  if (!KEY_PATTERN.test(presented)) return null;
  const row = await em.findOne(
    ApiKey,
    { secretHash: hashApiKey(presented) },
    { populate: ['createdBy'], filters: { [TENANT_FILTER]: false } },
  );
  if (!row || row.revokedAt) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    // A plain update, outside the request's unit of work: it must not ride on (or fail with) the request's changes.
    await em
      .fork()
      .nativeUpdate(ApiKey, { id: row.id }, { lastUsedAt: now }, { filters: { [TENANT_FILTER]: false } });
    row.lastUsedAt = now;
  }
  return row;
}
