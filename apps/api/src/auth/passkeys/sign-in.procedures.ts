import { User } from '@candor/db';
import {
  ZMe,
  ZPasskeyAuthenticationOptions,
  ZPasskeySignInInput,
  ZPendingSignInInput,
} from '@candor/schemas';
import { recordAudit } from '../../audit/audit.service.js';
import { AppError } from '../../trpc/app-error.js';
import type { Context } from '../../trpc/context.js';
import { publicProcedure } from '../../trpc/init.js';
import { activeMemberships, buildMe } from '../auth.service.js';
import { deviceLabelOf } from '../device-label.js';
import { findPendingSignIn } from '../second-factor/pending-sign-in.js';
import { secondFactorOptions, signInOptions, verifyPasskeyAssertion } from './passkeys.service.js';
import { relyingPartyOf } from './relying-party.js';

/** One answer for an unknown passkey, a wrong signature, a used or expired challenge, a foreign origin, no membership. */
export const PASSKEY_REFUSED = 'This passkey cannot sign you in here; try again or use your password';

/** Every passkey ceremony of a sign-in counts against the client's sign-in budget, as passwords do. */
async function refuseTooManySignIns(ctx: Pick<Context, 'deps' | 'ip'>): Promise<void> {
  if (!(await ctx.deps.limits.signInPerIp.hit(ctx.ip))) {
    throw new AppError('TOO_MANY_REQUESTS', 'Too many sign-in attempts; wait a few minutes and try again');
  }
}

/**
 * Signing in with a passkey: without a password (the passkey says who, and
 * its user verification is the second factor), or as the second step after
 * one (the options of `passkeySecondFactorOptions`, answered through
 * auth.completeSignIn). Part of the `auth` router.
 */
export const passkeySignInProcedures = {
  passkeySignInOptions: publicProcedure.output(ZPasskeyAuthenticationOptions).mutation(async ({ ctx }) => {
    await refuseTooManySignIns(ctx);
    return signInOptions(ctx.em, relyingPartyOf(ctx.deps));
  }),

  signInWithPasskey: publicProcedure
    .input(ZPasskeySignInInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => {
      await refuseTooManySignIns(ctx);
      const verified = await verifyPasskeyAssertion(
        ctx.em,
        ctx.deps,
        relyingPartyOf(ctx.deps),
        input.response,
        { purpose: 'sign_in' },
      );
      if (!verified) throw new AppError('UNAUTHORIZED', PASSKEY_REFUSED);
      // The organisation as a password sign-in picks it: the one asked for, or the first.
      const memberships = await activeMemberships(ctx.em, verified.userId);
      const chosen = input.tenantSlug
        ? memberships.find((m) => m.tenant.slug === input.tenantSlug)
        : memberships[0];
      if (!chosen) throw new AppError('UNAUTHORIZED', PASSKEY_REFUSED);
      const tenantId = chosen.tenant.id;
      await ctx.em.nativeUpdate(User, { id: verified.userId }, { lastSignInAt: new Date() });
      recordAudit(
        ctx.em,
        { userId: verified.userId, tenantId, requestId: ctx.requestId },
        {
          action: 'auth.sign_in_passkey',
          targetType: 'User',
          targetId: verified.userId,
        },
      );
      await ctx.em.flush();
      const { cookie } = await ctx.deps.sessions.create(verified.userId, tenantId, {
        signedInWith: 'passkey',
        deviceLabel: deviceLabelOf(ctx.userAgent),
      });
      ctx.setCookie(cookie);
      return buildMe(ctx.em, verified.userId, tenantId, 'passkey');
    }),

  /** Options for the second step of a pending sign-in, limited to that user's passkeys. */
  passkeySecondFactorOptions: publicProcedure
    .input(ZPendingSignInInput)
    .output(ZPasskeyAuthenticationOptions)
    .mutation(async ({ ctx, input }) => {
      await refuseTooManySignIns(ctx);
      const pending = await findPendingSignIn(ctx.em, input.token);
      return secondFactorOptions(ctx.em, relyingPartyOf(ctx.deps), pending);
    }),
};
