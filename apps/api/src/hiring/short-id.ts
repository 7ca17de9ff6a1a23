import { randomBytes } from 'node:crypto';

/** A short random id for items inside JSON columns (questions, criteria). */
export function shortId(): string {
  return randomBytes(6).toString('base64url');
}
