import { createHash, randomBytes } from 'node:crypto';

/** Tokens that stand for a secret (sessions, links) are stored only as their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
