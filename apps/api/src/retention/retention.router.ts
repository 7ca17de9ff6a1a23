import {
  ZRetentionPolicy,
  ZRetentionPolicyResult,
  ZRetentionPreview,
  ZRetentionPreviewInput,
  ZRetentionRun,
  ZRetentionRunNowInput,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import { retentionPolicyOf, saveRetentionPolicy } from './retention-policy.service.js';
import { previewRetention } from './retention-preview.js';
import { listRetentionRuns, runRetentionNow } from './retention-runs.js';

/** Retention policy, its preview and the sweep's runs: tenant admins only. */
export const retentionRouter = router({
  policy: roleProcedure('settings.manage')
    .output(ZRetentionPolicyResult)
    .query(({ ctx }) => retentionPolicyOf(ctx.em, ctx.actor)),

  // The careers site tells applicants how long their data is kept: republish it.
  savePolicy: roleProcedure('settings.manage')
    .input(ZRetentionPolicy)
    .output(ZRetentionPolicyResult)
    .mutation(async ({ ctx, input }) => {
      const result = await saveRetentionPolicy(ctx.em, ctx.actor, input);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return result;
    }),

  preview: roleProcedure('settings.manage')
    .input(ZRetentionPreviewInput)
    .output(ZRetentionPreview)
    .query(({ ctx, input }) => previewRetention(ctx.em, ctx.actor, input)),

  runs: roleProcedure('settings.manage')
    .input(z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
    .output(z.array(ZRetentionRun))
    .query(({ ctx, input }) => listRetentionRuns(ctx.em, ctx.actor, input.limit)),

  runNow: roleProcedure('settings.manage')
    .input(ZRetentionRunNowInput)
    .output(ZRetentionRun)
    .mutation(({ ctx, input }) => runRetentionNow(ctx.em, ctx.actor, ctx.deps, input)),
});
