import {
  ZIdInput,
  ZJob,
  ZJobCreateInput,
  ZJobListParams,
  ZJobListResult,
  ZJobStagesInput,
  ZJobStatusInput,
  ZJobUpdateInput,
} from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { createJob, getJob, listJobs, setJobStages, setJobStatus, updateJob } from './jobs.service.js';

/** Jobs change what the careers site shows; republish after every change that succeeds. */
export const jobsRouter = router({
  list: roleProcedure('jobs.read')
    .input(ZJobListParams)
    .output(ZJobListResult)
    .query(({ ctx, input }) => listJobs(ctx.em, ctx.actor, input)),

  get: roleProcedure('jobs.read')
    .input(ZIdInput)
    .output(ZJob)
    .query(({ ctx, input }) => getJob(ctx.em, ctx.actor, input.id)),

  create: roleProcedure('jobs.manage')
    .input(ZJobCreateInput)
    .output(ZJob)
    .mutation(({ ctx, input }) => createJob(ctx.em, ctx.actor, input)),

  update: roleProcedure('jobs.manage')
    .input(ZJobUpdateInput)
    .output(ZJob)
    .mutation(async ({ ctx, input }) => {
      const job = await updateJob(ctx.em, ctx.actor, input);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return job;
    }),

  setStatus: roleProcedure('jobs.manage')
    .input(ZJobStatusInput)
    .output(ZJob)
    .mutation(async ({ ctx, input }) => {
      const job = await setJobStatus(ctx.em, ctx.actor, input.id, input.status);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return job;
    }),

  setStages: roleProcedure('jobs.manage')
    .input(ZJobStagesInput)
    .output(ZJob)
    .mutation(({ ctx, input }) => setJobStages(ctx.em, ctx.actor, input)),
});
