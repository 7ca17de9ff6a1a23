import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logging/logger.js';

const KEY_BYTES = 32;

/** A master key as written in MASTER_KEY or a key file: 32 bytes, base64. */
export function decodeMasterKey(text: string, origin: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES)
    throw new Error(`${origin} must be ${KEY_BYTES} random bytes, base64-encoded`);
  return key;
}

/**
 * The key every other key is wrapped with. Production passes it in
 * MASTER_KEY; the embedded default generates one into the data folder on
 * first start (and says that this is not for production: a key next to the
 * data it protects protects nothing in a stolen backup).
 */
export function loadMasterKey(options: {
  fromEnv?: string;
  previous?: string;
  dataDir: string;
  logger: Logger;
}): Buffer {
  const previous = (options.previous ?? '')
    .split(',')
    .filter((text) => text.trim())
    .map((text) => decodeMasterKey(text, 'MASTER_KEY_PREVIOUS'));
  return acceptingPrevious(loadCurrentMasterKey(options), previous);
}

function loadCurrentMasterKey(options: { fromEnv?: string; dataDir: string; logger: Logger }): Buffer {
  if (options.fromEnv) return decodeMasterKey(options.fromEnv, 'MASTER_KEY');
  const file = join(options.dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    options.logger.warn('generated a master key in the data folder; production must set MASTER_KEY', {
      file,
    });
  }
  return decodeMasterKey(readFileSync(file, 'utf8'), file);
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function wrapSecret(key: Buffer, plaintext: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/**
 * Other master keys a master key stands in for while a rotation rolls out
 * (MASTER_KEY_PREVIOUS): a secret wrapped under any of them still opens, so
 * an instance never fails on keys re-wrapped, or not yet re-wrapped, by
 * `keys:rotate-master` (docs/keys.md). New secrets are always wrapped under
 * the current key. Kept beside the key, not in every signature that
 * carries it.
 */
const previousKeys = new WeakMap<Buffer, readonly Buffer[]>();

export function acceptingPrevious(current: Buffer, previous: readonly Buffer[]): Buffer {
  if (previous.length > 0) previousKeys.set(current, previous);
  return current;
}

export function unwrapSecret(key: Buffer, wrapped: string): Buffer {
  try {
    return unwrapWith(key, wrapped);
  } catch (error) {
    for (const previous of previousKeys.get(key) ?? []) {
      try {
        return unwrapWith(previous, wrapped);
      } catch {
        // Not this one either.
      }
    }
    throw error;
  }
}

function unwrapWith(key: Buffer, wrapped: string): Buffer {
  const [version, iv, tag, body] = wrapped.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a wrapped secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}
