import type { AppDeps } from '../../deps.js';
import { AppError } from '../../trpc/app-error.js';

/**
 * A six-digit code is guessable by volume, so tries are counted per user
 * (across sign-ins and the Account page) and per pending sign-in; a pending
 * sign-in over its budget is given up by the caller.
 */
export async function refuseCodeGuessing(
  limits: AppDeps['limits'],
  who: { userId: string; pendingSignInId?: string },
): Promise<void> {
  const perSignIn =
    who.pendingSignInId === undefined || (await limits.secondFactorPerSignIn.hit(who.pendingSignInId));
  const perUser = await limits.secondFactorPerUser.hit(who.userId);
  if (!perSignIn || !perUser)
    throw new AppError('TOO_MANY_REQUESTS', 'Too many codes tried; wait a few minutes and try again');
}
