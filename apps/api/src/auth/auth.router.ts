import {
  ZMe,
  ZRequestPasswordResetInput,
  ZSetPasswordInput,
  ZSignInInput,
  ZSignInResult,
  ZSwitchTenantInput,
} from '@candor/schemas';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import { authedProcedure, ownAccountProcedure, publicProcedure, router } from '../trpc/init.js';
import { accountProcedures } from './account.procedures.js';
import { assertCanSwitch, buildMe, checkCredentials, setPasswordWithToken } from './auth.service.js';
import { deviceLabelOf } from './device-label.js';
import { singleSignOnProcedures } from './oidc/single-sign-on.procedures.js';
import { passkeySignInProcedures } from './passkeys/sign-in.procedures.js';
import { requestPasswordReset } from './password-reset.js';
import { startPendingSignIn } from './second-factor/pending-sign-in.js';
import { secondFactorSignInProcedures } from './second-factor/sign-in.procedures.js';
import { secondFactorMethods } from './second-factor/two-factor.service.js';
import { throttledSignIn } from './sign-in-throttle.js';
import { hashToken } from './token-hash.js';

const ZOk = z.object({ ok: z.literal(true) });

export const authRouter = router({
  ...accountProcedures,

  signIn: publicProcedure
    .input(ZSignInInput)
    .output(ZSignInResult)
    .mutation(async ({ ctx, input }) => {
      const { limits } = ctx.deps;
      if (!(await limits.signInPerIp.hit(ctx.ip))) {
        throw new AppError(
          'TOO_MANY_REQUESTS',
          'Too many sign-in attempts; wait a few minutes and try again',
        );
      }
      // Throttled per (account, client), never per account alone: see sign-in-throttle.ts.
      const { userId, tenantId } = await throttledSignIn(ctx.deps.signInThrottle, input.email, ctx.ip, () =>
        checkCredentials(ctx.em, input, ctx.requestId),
      );
      // A second factor set up: no session yet, a short-lived pending sign-in instead.
      const methods = await secondFactorMethods(ctx.em, userId);
      if (methods.length > 0) return startPendingSignIn(ctx.em, { userId, tenantId }, methods);
      const { cookie } = await ctx.deps.sessions.create(userId, tenantId, {
        signedInWith: 'password',
        deviceLabel: deviceLabelOf(ctx.userAgent),
      });
      ctx.setCookie(cookie);
      return buildMe(ctx.em, userId, tenantId, 'password');
    }),

  ...secondFactorSignInProcedures,

  ...singleSignOnProcedures,
  ...passkeySignInProcedures,

  signOut: authedProcedure.output(ZOk).mutation(async ({ ctx }) => {
    await ctx.deps.sessions.invalidate(ctx.session.token);
    ctx.setCookie(ctx.deps.sessions.blankCookie());
    return { ok: true as const };
  }),

  me: authedProcedure
    .output(ZMe)
    .query(({ ctx }) => buildMe(ctx.em, ctx.userId, ctx.session.activeTenantId, ctx.session.signedInWith)),

  // Not from a single sign-on session: its provider vouches for one organisation only.
  switchTenant: ownAccountProcedure
    .input(ZSwitchTenantInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => {
      await assertCanSwitch(ctx.em, ctx.userId, input.tenantId);
      await ctx.deps.sessions.setActiveTenant(ctx.session.token, input.tenantId);
      recordAudit(
        ctx.em,
        { userId: ctx.userId, tenantId: input.tenantId, requestId: ctx.requestId },
        {
          action: 'auth.switch_tenant',
          targetType: 'Tenant',
          targetId: input.tenantId,
        },
      );
      await ctx.em.flush();
      return buildMe(ctx.em, ctx.userId, input.tenantId, ctx.session.signedInWith);
    }),

  setPassword: publicProcedure
    .input(ZSetPasswordInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.deps.limits.publicPerIp.hit(ctx.ip))) {
        throw new AppError('TOO_MANY_REQUESTS', 'Too many attempts; wait a few minutes and try again');
      }
      await setPasswordWithToken(ctx.em, input, ctx.requestId, (userId) =>
        ctx.deps.sessions.invalidateForUser(userId),
      );
      return { ok: true as const };
    }),

  // "Forgot password?": the same answer for every address, known or not (see requestPasswordReset).
  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const { limits } = ctx.deps;
      // Each request can cost someone an email: a few per address, more per network (a shared office).
      // The address is counted by its hash, so the limiter never holds addresses.
      if (
        !(await limits.passwordResetPerIp.hit(ctx.ip)) ||
        !(await limits.passwordResetPerEmail.hit(hashToken(input.email)))
      ) {
        throw new AppError('TOO_MANY_REQUESTS', 'Too many reset requests; wait a few minutes and try again');
      }
      await requestPasswordReset(ctx.em, input.email, ctx.deps.publicUrl);
      return { ok: true as const };
    }),
});
