import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type Em, TENANT_FILTER, TenantDataKey } from '@candor/db';
import type { KeyStore } from './key-store.js';
import { unwrapSecret, wrapSecret } from './master-key.js';

/**
 * The key hierarchy (docs/keys.md): master key (environment) -> tenant key
 * (TenantDataKey rows, wrapped under the master key) -> candidate data key
 * (a file in the key store, wrapped under a tenant key) -> the candidate's
 * files and free text, sealed with AES-256-GCM. Erasure deletes the key
 * file, which makes every copy of that data unreadable, backups included.
 */
export interface DataKeys {
  masterKey: Buffer;
  keyStore: KeyStore;
}

export interface CandidateRef {
  tenantId: string;
  candidateId: string;
}

const KEY_BYTES = 32;
const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

/** Unwrapped tenant key by id, from the per-process cache or the database. */
export async function tenantKeyById(em: Em, keys: DataKeys, tenantId: string, id: string): Promise<Buffer> {
  const cached = keys.keyStore.tenantKeyCache.get(id);
  if (cached) return cached;
  const row = await em.findOne(TenantDataKey, { id, tenant: tenantId }, ANY_TENANT);
  if (!row) throw new Error(`tenant key ${id} is missing`);
  const key = unwrapSecret(keys.masterKey, row.wrappedKey);
  keys.keyStore.tenantKeyCache.set(id, key);
  return key;
}

/** The tenant key new candidate keys are wrapped with, or null when the tenant has none yet. */
export async function activeTenantDataKey(
  em: Em,
  keys: DataKeys,
  tenantId: string,
): Promise<{ id: string; key: Buffer } | null> {
  const row = await em.findOne(
    TenantDataKey,
    { tenant: tenantId, retiredAt: null },
    { ...ANY_TENANT, orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  return row ? { id: row.id, key: await tenantKeyById(em, keys, tenantId, row.id) } : null;
}

/**
 * Makes a new tenant key and commits it at once, in its own unit of work.
 * It must be committed before any key file names it, so this refuses to run
 * inside a transaction (which could roll it back): callers that create
 * candidates in a transaction call `ensureTenantDataKey` before it.
 */
export async function createTenantDataKey(
  em: Em,
  keys: DataKeys,
  tenantId: string,
): Promise<{ id: string; key: Buffer }> {
  if (em.isInTransaction())
    throw new Error('a tenant key is made outside transactions: call ensureTenantDataKey first');
  const key = randomBytes(KEY_BYTES);
  const fork = em.fork();
  const row = fork.create(TenantDataKey, { tenant: tenantId, wrappedKey: wrapSecret(keys.masterKey, key) });
  await fork.flush();
  keys.keyStore.tenantKeyCache.set(row.id, key);
  return { id: row.id, key };
}

export async function ensureTenantDataKey(
  em: Em,
  keys: DataKeys,
  tenantId: string,
): Promise<{ id: string; key: Buffer }> {
  return (await activeTenantDataKey(em, keys, tenantId)) ?? createTenantDataKey(em, keys, tenantId);
}

/**
 * The candidate's data key; with `create`, made on first use. Never cached:
 * once the key file is deleted the data is unreadable, in this process too.
 */
export async function candidateKey(
  em: Em,
  keys: DataKeys,
  ref: CandidateRef,
  options: { create: true; tenantKey?: { id: string; key: Buffer } },
): Promise<Buffer>;
export async function candidateKey(
  em: Em,
  keys: DataKeys,
  ref: CandidateRef,
  options?: { create?: boolean; tenantKey?: { id: string; key: Buffer } },
): Promise<Buffer | null>;
/** `tenantKey`: the active tenant key when the caller has just read it (`ensureTenantDataKey`), to wrap a new key with. */
export async function candidateKey(
  em: Em,
  keys: DataKeys,
  ref: CandidateRef,
  options: { create?: boolean; tenantKey?: { id: string; key: Buffer } } = {},
): Promise<Buffer | null> {
  const stored = await keys.keyStore.read(ref.tenantId, ref.candidateId);
  if (stored)
    return unwrapSecret(await tenantKeyById(em, keys, ref.tenantId, stored.tenantKeyId), stored.wrapped);
  if (!options.create) return null;
  const tenantKey = options.tenantKey ?? (await ensureTenantDataKey(em, keys, ref.tenantId));
  // Another request made it first: use theirs, or data sealed with ours would be lost.
  return (await storeNewKey(keys, ref, tenantKey)) ?? candidateKey(em, keys, ref);
}

/** A new data key, wrapped with the tenant key and stored; null when the id has one already. */
async function storeNewKey(
  keys: DataKeys,
  ref: CandidateRef,
  tenantKey: { id: string; key: Buffer },
): Promise<Buffer | null> {
  const key = randomBytes(KEY_BYTES);
  const made = await keys.keyStore.create(ref.tenantId, ref.candidateId, {
    tenantKeyId: tenantKey.id,
    wrapped: wrapSecret(tenantKey.key, key),
  });
  return made ? key : null;
}

/**
 * A data key for a new id no one holds yet (a received application's,
 * careers/apply.service.ts): made and stored without first looking for one.
 * Throws if the id is taken (it is random, so it never is).
 */
export async function newCandidateKey(
  keys: DataKeys,
  ref: CandidateRef,
  tenantKey: { id: string; key: Buffer },
): Promise<Buffer> {
  const key = await storeNewKey(keys, ref, tenantKey);
  if (!key) throw new Error('a new data key id is taken');
  return key;
}

/** How many key files `candidateKeys` reads at once. */
const KEY_READS_IN_FLIGHT = 64;

/**
 * Many candidates' data keys at once (a report over thousands of them), read
 * several at a time; null for a candidate without a key. Not cached either.
 */
export async function candidateKeys(
  em: Em,
  keys: DataKeys,
  tenantId: string,
  candidateIds: readonly string[],
): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>();
  const queue = [...new Set(candidateIds)];
  // The first read on its own: it fills the tenant-key cache the others then share.
  const first = queue.pop();
  if (first !== undefined) out.set(first, await candidateKey(em, keys, { tenantId, candidateId: first }));
  const worker = async () => {
    for (let id = queue.pop(); id !== undefined; id = queue.pop())
      out.set(id, await candidateKey(em, keys, { tenantId, candidateId: id }));
  };
  await Promise.all(Array.from({ length: Math.min(KEY_READS_IN_FLIGHT, queue.length) }, worker));
  return out;
}

/** Crypto-shredding: without this file nothing sealed for the candidate can be opened again. */
export async function destroyCandidateKey(
  keys: Pick<DataKeys, 'keyStore'>,
  ref: CandidateRef,
): Promise<void> {
  await keys.keyStore.remove(ref.tenantId, ref.candidateId);
}

// ---- sealing values --------------------------------------------------------

/** Sealed text: `enc:` + `v1.<iv>.<tag>.<ciphertext>` (base64url), see `wrapSecret`. */
const TEXT_PREFIX = 'enc:';
/** Sealed file: this header, then iv (12 bytes), tag (16 bytes), ciphertext. */
const FILE_MAGIC = Buffer.from('CANDOR\x00\x01', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Shown in place of a sealed value whose key is gone (the candidate was erased). */
export const UNREADABLE = '[unreadable: the data key was destroyed]';

export function isSealedText(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${TEXT_PREFIX}v1.`);
}

export function isSealedFile(bytes: Uint8Array): boolean {
  return (
    bytes.length >= FILE_MAGIC.length + IV_BYTES + TAG_BYTES &&
    Buffer.from(bytes.subarray(0, FILE_MAGIC.length)).equals(FILE_MAGIC)
  );
}

export function sealFor(key: Buffer, plaintext: string): string;
export function sealFor(key: Buffer, plaintext: Uint8Array): Buffer;
export function sealFor(key: Buffer, plaintext: string | Uint8Array): string | Buffer {
  if (typeof plaintext === 'string')
    return `${TEXT_PREFIX}${wrapSecret(key, Buffer.from(plaintext, 'utf8'))}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([FILE_MAGIC, iv, cipher.getAuthTag(), body]);
}

export function openWith(key: Buffer, sealed: string): string;
export function openWith(key: Buffer, sealed: Uint8Array): Buffer;
export function openWith(key: Buffer, sealed: string | Uint8Array): string | Buffer {
  if (typeof sealed === 'string') {
    if (!isSealedText(sealed)) throw new Error('not sealed text');
    return unwrapSecret(key, sealed.slice(TEXT_PREFIX.length)).toString('utf8');
  }
  if (!isSealedFile(sealed)) throw new Error('not a sealed file');
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const ivAt = FILE_MAGIC.length;
  const tagAt = ivAt + IV_BYTES;
  const bodyAt = tagAt + TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(ivAt, tagAt));
  decipher.setAuthTag(bytes.subarray(tagAt, bodyAt));
  return Buffer.concat([decipher.update(bytes.subarray(bodyAt)), decipher.final()]);
}

/** Text as stored -> text to show: sealed values are opened, older plain values pass through. */
export function openText(key: Buffer | null, value: string): string;
export function openText(key: Buffer | null, value: string | null | undefined): string | null;
export function openText(key: Buffer | null, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isSealedText(value)) return value;
  return key ? openWith(key, value) : UNREADABLE;
}

/** Every sealed string anywhere inside a JSON-like value, opened (for exports). */
export function openDeep<T>(key: Buffer | null, value: T): T {
  if (typeof value === 'string') return openText(key, value) as T;
  if (Array.isArray(value)) return value.map((v) => openDeep(key, v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openDeep(key, v)])) as T;
  }
  return value;
}

/** Free-text application answers: the answer is sealed, the question stays readable. */
export function sealAnswers<A extends { answer: string }>(key: Buffer, answers: A[]): A[] {
  return answers.map((a) => ({ ...a, answer: sealFor(key, a.answer) }));
}

export function openAnswers<A extends { answer: string }>(key: Buffer | null, answers: A[]): A[] {
  return answers.map((a) => ({ ...a, answer: openText(key, a.answer) }));
}
