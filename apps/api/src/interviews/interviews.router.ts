import {
  ZApplicationIdInput,
  ZIdInput,
  ZInterview,
  ZInterviewRescheduleInput,
  ZInterviewScheduleInput,
  ZScorecard,
  ZScorecardInput,
  ZScorecardSummary,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import {
  cancelInterview,
  interviewsOf,
  rescheduleInterview,
  scheduleInterview,
  scorecardSummary,
  submitScorecard,
} from './interviews.service.js';

export const interviewsRouter = router({
  forApplication: roleProcedure('applications.read')
    .input(ZApplicationIdInput)
    .output(z.array(ZInterview))
    .query(({ ctx, input }) => interviewsOf(ctx.em, ctx.actor, ctx.deps, input.applicationId)),

  schedule: roleProcedure('interviews.manage')
    .input(ZInterviewScheduleInput)
    .output(ZInterview)
    .mutation(({ ctx, input }) => scheduleInterview(ctx.em, ctx.actor, input, ctx.deps)),

  reschedule: roleProcedure('interviews.manage')
    .input(ZInterviewRescheduleInput)
    .output(ZInterview)
    .mutation(({ ctx, input }) => rescheduleInterview(ctx.em, ctx.actor, ctx.deps, input)),

  cancel: roleProcedure('interviews.manage')
    .input(ZIdInput)
    .output(ZInterview)
    .mutation(({ ctx, input }) => cancelInterview(ctx.em, ctx.actor, ctx.deps, input.id)),

  submitScorecard: roleProcedure('scorecards.submit')
    .input(ZScorecardInput)
    .output(ZScorecard)
    .mutation(({ ctx, input }) => submitScorecard(ctx.em, ctx.actor, ctx.deps, input)),

  scorecards: roleProcedure('applications.read')
    .input(ZApplicationIdInput)
    .output(ZScorecardSummary)
    .query(({ ctx, input }) => scorecardSummary(ctx.em, ctx.actor, ctx.deps, input.applicationId)),
});
