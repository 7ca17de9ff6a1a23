import { ZBackgroundJobList, ZBackgroundJobRetryInput } from '@candor/schemas';
import { z } from 'zod';
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
});
