import { createHmac, timingSafeEqual } from 'node:crypto';
import { dayOf } from '@candor/schemas';
import type { z } from 'zod';

/**
 * Signed link parameters: a claim (JSON, base64url) and its HMAC under a key
 * for this purpose only, derived from the hash key (hash-key.ts), so a leaked
 * link key opens nothing else. Each claim carries its last valid day `e`.
 * Used where an email must let its reader do one thing without signing in
 * (renew a consent, answer the diversity survey).
 */

/** A key for one purpose only, derived from the hash key: also keys the reply addresses' tokens (inbound/reply-address.ts). */
export function linkKey(hashKey: Buffer, purpose: string): Buffer {
  return createHmac('sha256', hashKey).update(`candor/${purpose}/v1`).digest();
}

function mac(hashKey: Buffer, purpose: string, payload: string): Buffer {
  return createHmac('sha256', linkKey(hashKey, purpose)).update(payload).digest();
}

export function signLink(
  hashKey: Buffer,
  purpose: string,
  claim: { e: string } & Record<string, string>,
): string {
  const payload = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${payload}.${mac(hashKey, purpose, payload).toString('base64url')}`;
}

/** The claim when the signature holds, it parses and it has not expired; null otherwise. */
export function readLink<T extends { e: string }>(
  hashKey: Buffer,
  purpose: string,
  token: string,
  schema: z.ZodType<T>,
  today: string = dayOf(),
): T | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = mac(hashKey, purpose, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claim = schema.safeParse(parsed);
  if (!claim.success || claim.data.e < today) return null;
  return claim.data;
}
