import { ZSchedulingLink, ZSchedulingLinkCreateInput } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { offerTimes } from './self-scheduling.service.js';

/** Self-scheduling: interview times offered to a candidate, who books one on the careers site. */
export const schedulingRouter = router({
  /** Emails the candidate a one-time link to pick one of the offered times (from calendar.freeSlots). */
  offer: roleProcedure('interviews.manage')
    .input(ZSchedulingLinkCreateInput)
    .output(ZSchedulingLink)
    .mutation(({ ctx, input }) => offerTimes(ctx.em, ctx.actor, ctx.deps, input)),
});
