import {
  ZCandidate,
  ZCandidateCreateInput,
  ZCandidateListParams,
  ZCandidateListResult,
  ZCandidateMergeInput,
  ZCandidateUpdateInput,
  ZIdInput,
} from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { createCandidate, getCandidate, listCandidates, mergeCandidates, updateCandidate } from './candidates.service.js';

export const candidatesRouter = router({
  list: roleProcedure('candidates.read')
    .input(ZCandidateListParams)
    .output(ZCandidateListResult)
    .query(({ ctx, input }) => listCandidates(ctx.em, ctx.actor, input)),

  get: roleProcedure('candidates.read')
    .input(ZIdInput)
    .output(ZCandidate)
    .query(({ ctx, input }) => getCandidate(ctx.em, ctx.actor, input.id)),

  create: roleProcedure('candidates.manage')
    .input(ZCandidateCreateInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => createCandidate(ctx.em, ctx.actor, input)),

  update: roleProcedure('candidates.manage')
    .input(ZCandidateUpdateInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => updateCandidate(ctx.em, ctx.actor, input)),

  merge: roleProcedure('candidates.manage')
    .input(ZCandidateMergeInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => mergeCandidates(ctx.em, ctx.actor, input)),
});
