import { Passkey } from '@candor/db';
import { ZRecoveryCodes, ZTotpCodeInput, ZTotpEnrolment, ZTwoFactorStatus } from '@candor/schemas';
import { z } from 'zod';
import { enrolmentProcedure, ownFactorProcedure, router } from '../../trpc/init.js';
import { noticeSignInChange } from '../sign-in-change-notice.js';
import { keepARequiredFactor } from '../sign-in-rules/member-factors.js';
import { refuseCodeGuessing } from './code-guessing.js';
import { signInAsOnlySession } from './only-session.js';
import {
  confirmTotpEnrolment,
  disableTotp,
  startTotpEnrolment,
  twoFactorStatus,
} from './two-factor.service.js';

const ZOk = z.object({ ok: z.literal(true) });

/** The signed-in user's own second factors (the Account page); nobody can see or change another's. */
export const twoFactorRouter = router({
  status: enrolmentProcedure.output(ZTwoFactorStatus).query(({ ctx }) => twoFactorStatus(ctx.em, ctx.userId)),

  startTotp: enrolmentProcedure
    .output(ZTotpEnrolment)
    .mutation(({ ctx }) => startTotpEnrolment(ctx.em, ctx.deps, ctx.userId)),

  confirmTotp: enrolmentProcedure
    .input(ZTotpCodeInput)
    .output(ZRecoveryCodes)
    .mutation(async ({ ctx, input }) => {
      await refuseCodeGuessing(ctx.deps.limits, { userId: ctx.userId });
      const recoveryCodes = await confirmTotpEnrolment(ctx.em, ctx.deps, ctx.actor, input.code);
      await noticeSignInChange(
        ctx.em,
        { userId: ctx.userId, userAgent: ctx.userAgent, publicUrl: ctx.deps.publicUrl },
        'totp_enabled',
      );
      // Enrolling proves the code just now: this session counts as signed in with a second factor.
      await signInAsOnlySession(ctx, ctx.userId, ctx.actor.tenantId, 'second_factor');
      return { recoveryCodes };
    }),

  disableTotp: ownFactorProcedure
    .input(ZTotpCodeInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await refuseCodeGuessing(ctx.deps.limits, { userId: ctx.userId });
      await keepARequiredFactor(ctx.em, ctx.userId, await ctx.em.count(Passkey, { user: ctx.userId }));
      await disableTotp(ctx.em, ctx.deps, ctx.actor, input.code);
      await noticeSignInChange(
        ctx.em,
        { userId: ctx.userId, userAgent: ctx.userAgent, publicUrl: ctx.deps.publicUrl },
        'totp_disabled',
      );
      return { ok: true as const };
    }),
});
