import { ZDashboard, ZDashboardInput, ZNudgeInput, ZNudgeResult } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { myDashboard } from './dashboard.service.js';
import { nudgeInterviewer } from './nudge.js';

export const dashboardRouter = router({
  /** Every member has a dashboard; what is in it depends on the role (see myDashboard). */
  mine: roleProcedure('tenant.read')
    .input(ZDashboardInput)
    .output(ZDashboard)
    .query(({ ctx, input }) => myDashboard(ctx.em, ctx.actor, input.timeZone)),

  nudge: roleProcedure('interviews.manage')
    .input(ZNudgeInput)
    .output(ZNudgeResult)
    .mutation(({ ctx, input }) => nudgeInterviewer(ctx.em, ctx.actor, input)),
});
