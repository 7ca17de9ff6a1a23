import type { TSignInMethod } from '@candor/schemas';
import type { Context } from '../../trpc/context.js';
import { deviceLabelOf } from '../device-label.js';

/**
 * Ends every session of the user and signs this browser in afresh: after a
 * second factor is proven or turned on, a session opened before (by whoever
 * knew the password) must not outlive it, and this browser gets a new token.
 */
export async function signInAsOnlySession(
  ctx: Pick<Context, 'deps' | 'setCookie' | 'userAgent'>,
  userId: string,
  tenantId: string,
  signedInWith: TSignInMethod,
): Promise<void> {
  await ctx.deps.sessions.invalidateForUser(userId);
  const { cookie } = await ctx.deps.sessions.create(userId, tenantId, {
    signedInWith,
    deviceLabel: deviceLabelOf(ctx.userAgent),
  });
  ctx.setCookie(cookie);
}
