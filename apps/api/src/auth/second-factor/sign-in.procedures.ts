import { ZCompleteSignInInput, ZMe } from '@candor/schemas';
import { recordAudit } from '../../audit/audit.service.js';
import { publicProcedure } from '../../trpc/init.js';
import { buildMe } from '../auth.service.js';
import { refuseCodeGuessing } from './code-guessing.js';
import { signInAsOnlySession } from './only-session.js';
import { consumePendingSignIn, dropPendingSignIn, findPendingSignIn } from './pending-sign-in.js';
import { passkeyNotAccepted, verifySecondFactor, wrongCode } from './two-factor.service.js';

/**
 * The second step of a sign-in (after auth.signIn answered `secondFactor`):
 * one procedure for every method, so a passkey assertion becomes one more
 * case of ZCompleteSignInInput and of verifySecondFactor.
 */
export const secondFactorSignInProcedures = {
  completeSignIn: publicProcedure
    .input(ZCompleteSignInInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => {
      const pending = await findPendingSignIn(ctx.em, input.token);
      try {
        await refuseCodeGuessing(ctx.deps.limits, { userId: pending.userId, pendingSignInId: pending.id });
      } catch (refusal) {
        await dropPendingSignIn(ctx.em, pending);
        throw refusal;
      }
      if (!(await verifySecondFactor(ctx.em, ctx.deps, pending, input)))
        throw input.method === 'passkey' ? passkeyNotAccepted() : wrongCode();
      await consumePendingSignIn(ctx.em, pending);
      recordAudit(
        ctx.em,
        { userId: pending.userId, tenantId: pending.tenantId, requestId: ctx.requestId },
        {
          action:
            input.method === 'recovery_code' ? 'auth.sign_in_recovery_code' : 'auth.sign_in_second_factor',
          targetType: 'User',
          targetId: pending.userId,
        },
      );
      await ctx.em.flush();
      await signInAsOnlySession(ctx, pending.userId, pending.tenantId, 'second_factor');
      return buildMe(ctx.em, pending.userId, pending.tenantId, 'second_factor');
    }),
};
