import { ZIdInput, ZLegalHold, ZLegalHoldPlaceInput } from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import { listHolds, placeHold, releaseHold } from './holds.service.js';

/** Legal holds: data under one is neither erased on request nor, later, by retention. */
export const holdsRouter = router({
  list: roleProcedure('holds.manage')
    .input(z.strictObject({ candidateId: z.uuid().optional(), activeOnly: z.boolean().default(true) }))
    .output(z.array(ZLegalHold))
    .query(({ ctx, input }) => listHolds(ctx.em, input)),

  place: roleProcedure('holds.manage')
    .input(ZLegalHoldPlaceInput)
    .output(ZLegalHold)
    .mutation(({ ctx, input }) => placeHold(ctx.em, ctx.actor, input)),

  release: roleProcedure('holds.manage')
    .input(ZIdInput)
    .output(ZLegalHold)
    .mutation(({ ctx, input }) => releaseHold(ctx.em, ctx.actor, input.id)),
});
