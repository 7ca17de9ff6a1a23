import {
  ZJobAlertInput,
  ZJobAlertPreview,
  ZJobAlertResult,
  ZTalentPoolAddInput,
  ZTalentPoolAddResult,
  ZTalentPoolListParams,
  ZTalentPoolListResult,
} from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { addFromTalentPool, listTalentPool, previewJobAlert, sendJobAlert } from './talent-pool.service.js';

/** The talent pool is the recruiters': it spans every job, so hiring managers (who see only theirs) have no part in it. */
export const talentPoolRouter = router({
  list: roleProcedure('candidates.manage')
    .input(ZTalentPoolListParams)
    .output(ZTalentPoolListResult)
    .query(({ ctx, input }) => listTalentPool(ctx.em, ctx.actor, input)),

  addToJob: roleProcedure('candidates.manage')
    .input(ZTalentPoolAddInput)
    .output(ZTalentPoolAddResult)
    .mutation(({ ctx, input }) => addFromTalentPool(ctx.em, ctx.actor, input)),

  // A mutation, like the message preview: it is asked for on demand, not cached.
  previewJobAlert: roleProcedure('candidates.manage')
    .input(ZJobAlertInput)
    .output(ZJobAlertPreview)
    .mutation(({ ctx, input }) => previewJobAlert(ctx.em, ctx.actor, ctx.deps, input.jobId)),

  sendJobAlert: roleProcedure('candidates.manage')
    .input(ZJobAlertInput)
    .output(ZJobAlertResult)
    .mutation(({ ctx, input }) => sendJobAlert(ctx.em, ctx.actor, ctx.deps, input.jobId)),
});
