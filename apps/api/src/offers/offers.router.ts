import {
  ZApplicationIdInput,
  ZIdInput,
  ZOffer,
  ZOfferCreateInput,
  ZOfferRespondInput,
  ZOfferTokenInput,
  ZPublicOffer,
} from '@candor/schemas';
import { z } from 'zod';
import { AppError } from '../trpc/app-error.js';
import { publicProcedure, roleProcedure, router } from '../trpc/init.js';
import {
  approveOffer,
  createOffer,
  offersOf,
  publicOffer,
  respondToOffer,
  sendOffer,
  withdrawOffer,
} from './offers.service.js';

/** The candidate's link is a bearer token: limit guessing per IP. */
async function limitPublic(ctx: {
  deps: { limits: { publicPerIp: { hit(key: string): Promise<boolean> } } };
  ip: string;
}) {
  if (!(await ctx.deps.limits.publicPerIp.hit(ctx.ip))) {
    throw new AppError('TOO_MANY_REQUESTS', 'Too many attempts; wait a few minutes and try again');
  }
}

export const offersRouter = router({
  forApplication: roleProcedure('applications.read')
    .input(ZApplicationIdInput)
    .output(z.array(ZOffer))
    .query(({ ctx, input }) => offersOf(ctx.em, ctx.actor, input.applicationId)),

  create: roleProcedure('offers.manage')
    .input(ZOfferCreateInput)
    .output(ZOffer)
    .mutation(({ ctx, input }) => createOffer(ctx.em, ctx.actor, input)),

  approve: roleProcedure('offers.approve')
    .input(ZIdInput)
    .output(ZOffer)
    .mutation(({ ctx, input }) => approveOffer(ctx.em, ctx.actor, input.id)),

  send: roleProcedure('offers.manage')
    .input(ZIdInput)
    .output(ZOffer)
    .mutation(({ ctx, input }) => sendOffer(ctx.em, ctx.actor, ctx.deps, input.id, ctx.deps.publicUrl)),

  withdraw: roleProcedure('offers.manage')
    .input(ZIdInput)
    .output(ZOffer)
    .mutation(({ ctx, input }) => withdrawOffer(ctx.em, ctx.actor, input.id)),

  view: publicProcedure
    .input(ZOfferTokenInput)
    .output(ZPublicOffer)
    .query(async ({ ctx, input }) => {
      await limitPublic(ctx);
      return publicOffer(ctx.em, input.token, input.lang);
    }),

  respond: publicProcedure
    .input(ZOfferRespondInput)
    .output(ZPublicOffer)
    .mutation(async ({ ctx, input }) => {
      await limitPublic(ctx);
      return respondToOffer(ctx.em, input.token, input.decision, input.lang);
    }),
});
