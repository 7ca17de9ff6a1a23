import {
  ZSaveSingleSignOnInput,
  ZSingleSignOnButton,
  ZSingleSignOnOfInput,
  ZSingleSignOnSettings,
} from '@candor/schemas';
import { publicProcedure, roleProcedure } from '../../trpc/init.js';
import {
  removeSingleSignOn,
  saveSingleSignOn,
  singleSignOnButtonOf,
  singleSignOnSettings,
} from './connection.service.js';

/**
 * The tenant's single sign-on connection (owners only: it decides who signs
 * in), and the one public question the sign-in page asks about it.
 */
export const singleSignOnProcedures = {
  /** Never the secret: only whether one is kept. */
  singleSignOnSettings: roleProcedure('sso.manage')
    .output(ZSingleSignOnSettings)
    .query(({ ctx }) => singleSignOnSettings(ctx.em, ctx.actor, ctx.deps.publicUrl)),

  saveSingleSignOn: roleProcedure('sso.manage')
    .input(ZSaveSingleSignOnInput)
    .output(ZSingleSignOnSettings)
    .mutation(({ ctx, input }) => saveSingleSignOn(ctx.em, ctx.deps, ctx.actor, input)),

  removeSingleSignOn: roleProcedure('sso.manage')
    .output(ZSingleSignOnSettings)
    .mutation(({ ctx }) => removeSingleSignOn(ctx.em, ctx.actor, ctx.deps.publicUrl)),

  /** For `/#/login?org=<slug>`: the provider's name for the button, or null (unknown organisation alike). */
  singleSignOnOf: publicProcedure
    .input(ZSingleSignOnOfInput)
    .output(ZSingleSignOnButton)
    .query(({ ctx, input }) => singleSignOnButtonOf(ctx.em, input.org)),
};
