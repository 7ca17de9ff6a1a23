import { ZRequireSecondFactorInput, ZSignInRules } from '@candor/schemas';
import { roleProcedure, router } from '../../trpc/init.js';
import { setRequireSecondFactor, signInRulesOf } from './sign-in-rules.service.js';

/** How the organisation's members sign in: the owner's to see and decide (with single sign-on). */
export const signInRulesRouter = router({
  get: roleProcedure('sso.manage')
    .output(ZSignInRules)
    .query(({ ctx }) => signInRulesOf(ctx.em, ctx.actor.tenantId)),

  setRequireSecondFactor: roleProcedure('sso.manage')
    .input(ZRequireSecondFactorInput)
    .output(ZSignInRules)
    .mutation(({ ctx, input }) =>
      setRequireSecondFactor(ctx.em, ctx.actor, ctx.session.signedInWith, input.required),
    ),
});
