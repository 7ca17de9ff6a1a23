import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { type Em, PortalCode, PortalSession } from '@candor/db';
import { PORTAL_SESSION } from '@candor/schemas';
import { hashToken, newToken } from '../auth/token-hash.js';

export const CODE_TTL_MS = 15 * 60_000;
export const CODE_MAX_TRIES = 5;
export const SESSION_TTL_MS = PORTAL_SESSION.minutes * 60_000;

/**
 * The key email addresses and codes are hashed with, derived from the hash
 * key (stored only wrapped under the master key): a copy of the database
 * alone cannot test which addresses asked for a code, nor try the million
 * codes against a stored hash.
 */
function portalKey(hashKey: Buffer): Buffer {
  return createHmac('sha256', hashKey).update('candor/privacy-portal/v1').digest();
}

export function emailHashOf(hashKey: Buffer, tenantId: string, email: string): string {
  return createHmac('sha256', portalKey(hashKey)).update(`${tenantId}\n${email}`).digest('hex');
}

function codeHashOf(hashKey: Buffer, emailHash: string, code: string): string {
  return createHmac('sha256', portalKey(hashKey)).update(`${emailHash}\n${code}`).digest('hex');
}

/** Six random digits. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The network a code was asked from, as a keyed hash: enough to tell
 * networks apart, useless for finding out which address asked.
 */
export function networkHashOf(hashKey: Buffer, network: string): string {
  return createHmac('sha256', portalKey(hashKey)).update(`network\n${network}`).digest('hex');
}

/**
 * Stores a new code for the address (its hash only), replacing an earlier one
 * asked from the same network but not one asked from elsewhere: a stranger
 * asking for someone's codes cannot cancel the code they were sent. Each code
 * gets 5 tries. Runs in the caller's transaction, with the email that carries
 * the code.
 */
export async function issueCode(
  tx: Em,
  input: { tenantId: string; email: string; network: string; hashKey: Buffer },
): Promise<string> {
  const now = new Date();
  const emailHash = emailHashOf(input.hashKey, input.tenantId, input.email);
  const requestedFrom = networkHashOf(input.hashKey, input.network);
  await tx.nativeDelete(PortalCode, {
    tenant: input.tenantId,
    $or: [{ emailHash, requestedFrom }, { expiresAt: { $lt: now } }],
  });
  const code = newCode();
  tx.create(PortalCode, {
    tenant: input.tenantId,
    emailHash,
    codeHash: codeHashOf(input.hashKey, emailHash, code),
    requestedFrom,
    attempts: 0,
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    usedAt: null,
  });
  return code;
}

export type CodeCheck = { kind: 'ok' } | { kind: 'wrong'; triesLeft: number } | { kind: 'dead' };

/**
 * Checks a code for the address against each of its live codes (one per
 * network that asked) and, when one matches, uses it up. Each try is claimed
 * on the newest live code with a compare-and-set on its attempt counter, so
 * guesses sent at the same moment cannot share a try.
 */
export async function checkCode(
  em: Em,
  input: { tenantId: string; email: string; code: string; hashKey: Buffer },
): Promise<CodeCheck> {
  const emailHash = emailHashOf(input.hashKey, input.tenantId, input.email);
  const expected = Buffer.from(codeHashOf(input.hashKey, emailHash, input.code), 'hex');
  for (let round = 0; round < 3; round++) {
    const now = new Date();
    const live = await em.find(
      PortalCode,
      {
        tenant: input.tenantId,
        emailHash,
        usedAt: null,
        expiresAt: { $gt: now },
        attempts: { $lt: CODE_MAX_TRIES },
      },
      { orderBy: { createdAt: 'desc' }, limit: 10, refresh: true },
    );
    const newest = live[0];
    if (!newest) return { kind: 'dead' };
    const claimed = await em.nativeUpdate(
      PortalCode,
      { id: newest.id, attempts: newest.attempts, usedAt: null },
      { attempts: newest.attempts + 1 },
    );
    if (claimed !== 1) continue; // another try got there first: look again
    const match = live.find((row) => timingSafeEqual(Buffer.from(row.codeHash, 'hex'), expected));
    if (!match) {
      // The tries left on every live code of the address, this one included.
      const triesLeft = live.reduce((left, row) => left + CODE_MAX_TRIES - row.attempts, 0) - 1;
      return triesLeft > 0 ? { kind: 'wrong', triesLeft } : { kind: 'dead' };
    }
    const used = await em.nativeUpdate(PortalCode, { id: match.id, usedAt: null }, { usedAt: now });
    return used === 1 ? { kind: 'ok' } : { kind: 'dead' };
  }
  return { kind: 'dead' };
}

/** A new portal session for the address; the browser gets the token, the database its hash. */
export async function startPortalSession(
  em: Em,
  tenantId: string,
  email: string,
): Promise<{ token: string; expiresAt: Date }> {
  const now = new Date();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await em.nativeDelete(PortalSession, { tenant: tenantId, expiresAt: { $lt: now } });
  em.create(PortalSession, { id: hashToken(token), tenant: tenantId, email, expiresAt });
  await em.flush();
  return { token, expiresAt };
}

/** The email address a live session token stands for at this tenant, or null. */
export async function portalSessionEmail(
  em: Em,
  tenantId: string,
  token: string | undefined,
): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const session = await em.findOne(PortalSession, { id: hashToken(token), tenant: tenantId });
  if (!session) return null;
  if (session.expiresAt <= new Date()) {
    await em.nativeDelete(PortalSession, { id: session.id });
    return null;
  }
  return session.email;
}

export async function endPortalSession(em: Em, tenantId: string, token: string | undefined): Promise<void> {
  if (token) await em.nativeDelete(PortalSession, { id: hashToken(token), tenant: tenantId });
}
