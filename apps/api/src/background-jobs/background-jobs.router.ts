import {
  ZBackgroundJobList,
  ZBackgroundJobRetryInput,
  ZFileAgainInput,
  ZUnfiledApplications,
} from '@candor/schemas';
import { z } from 'zod';
import { fileAgain, unfiledApplications } from '../careers/unfiled-applications.js';
import { roleProcedure, router } from '../trpc/init.js';

/**
 * The background jobs as the backoffice sees them: owners and admins, their tenant's jobs and the
 * global ones (never another tenant's). Without a running queue (some tests) the list is empty.
 */
export const backgroundJobsRouter = router({
  list: roleProcedure('settings.manage')
    .output(ZBackgroundJobList)
    .query(({ ctx }) =>
      ctx.deps.jobs
        ? ctx.deps.jobs.list(ctx.actor.tenantId)
        : { runner: 'off' as const, queues: [], jobs: [] },
    ),

  retry: roleProcedure('settings.manage')
    .input(ZBackgroundJobRetryInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.deps.jobs) return { ok: true as const };
      await ctx.deps.jobs.retry(ctx.actor.tenantId, input.id);
      return { ok: true as const };
    }),

  /** Applications received on the careers site and not filed yet, with those filing gave up on. */
  unfiledApplications: roleProcedure('settings.manage')
    .output(ZUnfiledApplications)
    .query(({ ctx }) => unfiledApplications(ctx.em)),

  fileAgain: roleProcedure('settings.manage')
    .input(ZFileAgainInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await fileAgain(ctx.em, ctx.actor, input.id);
      return { ok: true as const };
    }),
});
