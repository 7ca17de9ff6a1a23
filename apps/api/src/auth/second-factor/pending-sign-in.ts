import { type Em, PendingSignIn } from '@candor/db';
import type { TSecondFactorChallenge, TSecondFactorMethod } from '@candor/schemas';
import { AppError } from '../../trpc/app-error.js';
import { hashToken, newToken } from '../token-hash.js';

/** Long enough to open an authenticator app, short enough to be of little use to a thief. */
const PENDING_SIGN_IN_MS = 5 * 60_000;
const EXPIRED = 'This sign-in has expired; enter your email and password again';

/**
 * A password was right and a second factor is due: remembers that for a few
 * minutes under a random token (only its hash is stored). It is no session:
 * it opens nothing but the second step, once.
 */
export async function startPendingSignIn(
  em: Em,
  who: { userId: string; tenantId: string },
  methods: TSecondFactorMethod[],
): Promise<TSecondFactorChallenge> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_MS);
  // Leftovers of this user's abandoned sign-ins go as a new one starts.
  await em.nativeDelete(PendingSignIn, { user: who.userId, expiresAt: { $lt: new Date() } });
  await em.insert(PendingSignIn, {
    id: hashToken(token),
    user: who.userId,
    tenant: who.tenantId,
    expiresAt,
    createdAt: new Date(),
  });
  return { secondFactor: { token, methods, expiresAt: expiresAt.toISOString() } };
}

export interface PendingSignInRef {
  id: string;
  userId: string;
  tenantId: string;
}

/** The unexpired pending sign-in behind `token`. */
export async function findPendingSignIn(em: Em, token: string): Promise<PendingSignInRef> {
  const pending = await em.findOne(PendingSignIn, { id: hashToken(token), expiresAt: { $gt: new Date() } });
  if (!pending) throw new AppError('UNAUTHORIZED', EXPIRED);
  return { id: pending.id, userId: pending.user.id, tenantId: pending.tenant.id };
}

/** Uses the pending sign-in up; of two requests racing with it, only one succeeds. */
export async function consumePendingSignIn(em: Em, pending: PendingSignInRef): Promise<void> {
  if ((await em.nativeDelete(PendingSignIn, { id: pending.id, expiresAt: { $gt: new Date() } })) !== 1) {
    throw new AppError('UNAUTHORIZED', EXPIRED);
  }
}

/** Ends a pending sign-in that had too many wrong codes, so its token is worth nothing. */
export async function dropPendingSignIn(em: Em, pending: PendingSignInRef): Promise<void> {
  await em.nativeDelete(PendingSignIn, { id: pending.id });
}
