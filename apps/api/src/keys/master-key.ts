import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logging/logger.js';

const KEY_BYTES = 32;

/** A master key as written in MASTER_KEY or a key file: 32 bytes, base64. */
export function decodeMasterKey(text: string, origin: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${origin} must be ${KEY_BYTES} random bytes, base64-encoded`);
  return key;
}

/**
 * The key every other key is wrapped with. Production passes it in
 * MASTER_KEY; the embedded default generates one into the data folder on
 * first start (and says that this is not for production: a key next to the
 * data it protects protects nothing in a stolen backup).
 */
export function loadMasterKey(options: { fromEnv?: string; dataDir: string; logger: Logger }): Buffer {
  if (options.fromEnv) return decodeMasterKey(options.fromEnv, 'MASTER_KEY');
  const file = join(options.dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    options.logger.warn('generated a master key in the data folder; production must set MASTER_KEY', { file });
  }
  return decodeMasterKey(readFileSync(file, 'utf8'), file);
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function wrapSecret(key: Buffer, plaintext: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function unwrapSecret(key: Buffer, wrapped: string): Buffer {
  const [version, iv, tag, body] = wrapped.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a wrapped secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}
