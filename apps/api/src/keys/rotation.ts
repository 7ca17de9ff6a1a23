import {
  Candidate,
  type Em,
  OidcConnection,
  PrivacyRequest,
  StaffCalendar,
  SystemSecret,
  TENANT_FILTER,
  TenantDataKey,
  TenantSigningKey,
  TotpFactor,
  WebhookSubscription,
} from '@candor/db';
import type { FileStore } from '../files/file-store.js';
import { createTenantDataKey, type DataKeys, openWith, sealFor, tenantKeyById } from './data-keys.js';
import { unwrapSecret, wrapSecret } from './master-key.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

export interface TenantRotation {
  tenantId: string;
  newKeyId: string;
  /** Candidate key files re-wrapped under the new key. */
  rewrapped: number;
  /** Agent proof files of privacy requests re-sealed under the new key. */
  resealedProofs: number;
  /** Tenant keys retired now (they stay readable) and retired keys deleted (no key file named them any more). */
  retired: number;
  deleted: number;
}

/** Erasure blanks the address to this domain (subject-erasure.ts); a key file of such a candidate must not come back. */
function looksErased(candidate: { email: string } | null): boolean {
  return candidate?.email.endsWith('@erased.invalid') ?? false;
}

/**
 * Tenant-key rotation without downtime: a new tenant key becomes active
 * (new candidate keys are wrapped with it at once), every candidate key
 * file is re-wrapped under it (the data itself is not touched), then the
 * old keys are retired. Readers follow the key id in each file, so old and
 * new files both read throughout. Retired keys are deleted by the next
 * rotation, once no file names them, so a reader holding an old file in
 * this very moment never finds its key gone.
 */
export async function rotateTenantKey(
  em: Em,
  keys: DataKeys & { files: FileStore },
  tenantId: string,
): Promise<TenantRotation> {
  const store = keys.keyStore;
  const before = await store.candidatesOf(tenantId);
  const referenced = new Set<string>();
  for (const candidateId of before) {
    const stored = await store.read(tenantId, candidateId);
    if (stored) referenced.add(stored.tenantKeyId);
  }
  for (const request of await sealedProofs(em, tenantId)) referenced.add(request.agentProofSealedWith!);
  const stale = await em.find(TenantDataKey, { tenant: tenantId, retiredAt: { $ne: null } }, ANY_TENANT);
  const unused = stale.filter((row) => !referenced.has(row.id));
  for (const row of unused) {
    em.remove(row);
    store.tenantKeyCache.delete(row.id);
  }
  await em.flush();

  const previous = await em.find(TenantDataKey, { tenant: tenantId, retiredAt: null }, ANY_TENANT);
  const fresh = await createTenantDataKey(em, keys, tenantId);
  let rewrapped = 0;
  for (const candidateId of await store.candidatesOf(tenantId)) {
    const stored = await store.read(tenantId, candidateId);
    if (!stored || stored.tenantKeyId === fresh.id) continue;
    const oldKey = await tenantKeyById(em, keys, tenantId, stored.tenantKeyId);
    const dataKey = unwrapSecret(oldKey, stored.wrapped);
    // Erased meanwhile? Then the file is gone and must stay gone.
    if (!(await store.read(tenantId, candidateId))) continue;
    await store.replace(tenantId, candidateId, {
      tenantKeyId: fresh.id,
      wrapped: wrapSecret(fresh.key, dataKey),
    });
    // An erasure commits before it deletes the key file: one that ran between the check and the write shows here.
    const candidate = await em.fork().findOne(Candidate, { id: candidateId, tenant: tenantId }, ANY_TENANT);
    if (looksErased(candidate)) await store.remove(tenantId, candidateId);
    rewrapped += 1;
  }
  const resealedProofs = await resealProofs(em, keys, tenantId, fresh);
  const now = new Date();
  for (const row of previous) row.retiredAt = now;
  await em.flush();
  return {
    tenantId,
    newKeyId: fresh.id,
    rewrapped,
    resealedProofs,
    retired: previous.length,
    deleted: unused.length,
  };
}

/** Privacy requests whose agent proof file is sealed under a tenant key. */
function sealedProofs(em: Em, tenantId: string) {
  return em.find(
    PrivacyRequest,
    { tenant: tenantId, agentProofKey: { $ne: null }, agentProofSealedWith: { $ne: null } },
    { ...ANY_TENANT, fields: ['id', 'agentProofKey', 'agentProofSealedWith'] },
  );
}

/**
 * Re-seals each agent proof file under the new tenant key: a new file, the
 * request pointed at it, then the old file removed. A request erased or
 * given another file meanwhile keeps what it has now (the new copy goes).
 */
async function resealProofs(
  em: Em,
  keys: DataKeys & { files: FileStore },
  tenantId: string,
  fresh: { id: string; key: Buffer },
): Promise<number> {
  let resealed = 0;
  for (const request of await sealedProofs(em, tenantId)) {
    if (request.agentProofSealedWith === fresh.id) continue;
    const oldKey = await tenantKeyById(em, keys, tenantId, request.agentProofSealedWith!);
    const bytes = openWith(oldKey, await keys.files.read(request.agentProofKey!));
    const newFile = await keys.files.put(sealFor(fresh.key, bytes));
    const updated = await em
      .fork()
      .nativeUpdate(
        PrivacyRequest,
        { id: request.id, agentProofKey: request.agentProofKey },
        { agentProofKey: newFile, agentProofSealedWith: fresh.id },
        ANY_TENANT,
      );
    await keys.files.remove(updated === 1 ? request.agentProofKey! : newFile);
    resealed += updated;
  }
  return resealed;
}

export interface MasterRotation {
  tenantKeys: number;
  signingKeys: number;
  systemSecrets: number;
  /** Staff TOTP secrets (second factors). */
  totpSecrets: number;
  /** Client secrets of tenants' single sign-on connections. */
  ssoClientSecrets: number;
  /** App passwords of staff's connected calendars (CalDAV). */
  calendarPasswords: number;
  webhookSecrets: number;
  /** Rows already wrapped under the new key (a repeated run). */
  alreadyRotated: number;
}

/** Unwraps under the old master key, or notices the value is already under the new one. */
function rewrap(oldMaster: Buffer, newMaster: Buffer, wrapped: string): string | null {
  try {
    // Already under the new key (a repeated run, or written by an instance that already has it).
    unwrapSecret(newMaster, wrapped);
    return null;
  } catch {
    return wrapSecret(newMaster, unwrapSecret(oldMaster, wrapped));
  }
}

/**
 * Master-key rotation: every key stored under the master key (tenant data
 * keys, receipt-signing keys, staff TOTP secrets, single sign-on client
 * secrets, calendar app passwords) is re-wrapped under the new one, in one
 * transaction. Nothing else changes: candidate key files are wrapped by
 * tenant keys, whose values stay the same. Then the operator puts the new
 * key in MASTER_KEY and restarts (docs/keys.md).
 */
export async function rotateMasterKey(em: Em, oldMaster: Buffer, newMaster: Buffer): Promise<MasterRotation> {
  if (oldMaster.equals(newMaster)) throw new Error('the new master key is the current one');
  return em.transactional(async (tx) => {
    const result: MasterRotation = {
      tenantKeys: 0,
      signingKeys: 0,
      systemSecrets: 0,
      totpSecrets: 0,
      ssoClientSecrets: 0,
      calendarPasswords: 0,
      webhookSecrets: 0,
      alreadyRotated: 0,
    };
    for (const row of await tx.find(TenantDataKey, {}, ANY_TENANT)) {
      const next = rewrap(oldMaster, newMaster, row.wrappedKey);
      if (next === null) result.alreadyRotated += 1;
      else {
        row.wrappedKey = next;
        result.tenantKeys += 1;
      }
    }
    for (const row of await tx.find(TenantSigningKey, {}, ANY_TENANT)) {
      const next = rewrap(oldMaster, newMaster, row.privateKeyWrapped);
      if (next === null) result.alreadyRotated += 1;
      else {
        row.privateKeyWrapped = next;
        result.signingKeys += 1;
      }
    }
    // The keyed-hash root: re-wrapped, never changed (hash-key.ts).
    for (const row of await tx.find(SystemSecret, {})) {
      const next = rewrap(oldMaster, newMaster, row.wrapped);
      if (next === null) result.alreadyRotated += 1;
      else {
        row.wrapped = next;
        result.systemSecrets += 1;
      }
    }
    for (const row of await tx.find(TotpFactor, {})) {
      const next = rewrap(oldMaster, newMaster, row.secretWrapped);
      if (next === null) result.alreadyRotated += 1;
      else {
        row.secretWrapped = next;
        result.totpSecrets += 1;
      }
    }
    for (const row of await tx.find(OidcConnection, {}, ANY_TENANT)) {
      const next = rewrap(oldMaster, newMaster, row.clientSecretWrapped);
      if (next === null) result.alreadyRotated += 1;
      else {
        row.clientSecretWrapped = next;
        result.ssoClientSecrets += 1;
      }
    }
    for (const row of await tx.find(StaffCalendar, { caldavPasswordWrapped: { $ne: null } })) {
      const next = rewrap(oldMaster, newMaster, row.caldavPasswordWrapped!);
      if (next === null) result.alreadyRotated += 1;
      else {
        row.caldavPasswordWrapped = next;
        result.calendarPasswords += 1;
      }
    }
    for (const row of await tx.find(WebhookSubscription, {}, ANY_TENANT)) {
      const next = rewrap(oldMaster, newMaster, row.secretWrapped);
      if (next === null) result.alreadyRotated += 1;
      else {
        row.secretWrapped = next;
        result.webhookSecrets += 1;
      }
    }
    await tx.flush();
    return result;
  });
}
