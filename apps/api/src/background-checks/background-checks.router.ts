import {
  ZApplicationBackgroundChecks,
  ZApplicationIdInput,
  ZBackgroundCheck,
  ZBackgroundCheckIdInput,
  ZBackgroundCheckOrderInput,
  ZBackgroundCheckReport,
  ZBackgroundCheckReportUploadInput,
  ZBackgroundCheckResolveInput,
} from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import {
  cancelCheck,
  checksOf,
  clearCheck,
  orderCheck,
  readReport,
  requestCheck,
  resolveDispute,
  sendFinalNotice,
  sendPreAdverse,
  uploadReport,
} from './background-checks.service.js';

/** Background checks at the offer stage (docs/background-checks.md). Report access is checked in the service. */
export const backgroundChecksRouter = router({
  forApplication: roleProcedure('applications.read')
    .input(ZApplicationIdInput)
    .output(ZApplicationBackgroundChecks)
    .query(({ ctx, input }) => checksOf(ctx.em, ctx.actor, ctx.deps, input.applicationId)),

  /** Emails the candidate the standalone disclosure and authorization. */
  request: roleProcedure('offers.manage')
    .input(ZApplicationIdInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => requestCheck(ctx.em, ctx.actor, ctx.deps, input)),

  order: roleProcedure('offers.manage')
    .input(ZBackgroundCheckOrderInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => orderCheck(ctx.em, ctx.actor, ctx.deps, input)),

  uploadReport: roleProcedure('offers.manage')
    .input(ZBackgroundCheckReportUploadInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => uploadReport(ctx.em, ctx.actor, ctx.deps, input)),

  report: roleProcedure('applications.read')
    .input(ZBackgroundCheckIdInput)
    .output(ZBackgroundCheckReport)
    .query(({ ctx, input }) => readReport(ctx.em, ctx.actor, ctx.deps, input.id)),

  clear: roleProcedure('offers.manage')
    .input(ZBackgroundCheckIdInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => clearCheck(ctx.em, ctx.actor, ctx.deps, input.id)),

  preAdverse: roleProcedure('offers.manage')
    .input(ZBackgroundCheckIdInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => sendPreAdverse(ctx.em, ctx.actor, ctx.deps, input.id)),

  resolveDispute: roleProcedure('offers.manage')
    .input(ZBackgroundCheckResolveInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => resolveDispute(ctx.em, ctx.actor, ctx.deps, input)),

  finalNotice: roleProcedure('offers.manage')
    .input(ZBackgroundCheckIdInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => sendFinalNotice(ctx.em, ctx.actor, ctx.deps, input.id)),

  cancel: roleProcedure('offers.manage')
    .input(ZBackgroundCheckIdInput)
    .output(ZBackgroundCheck)
    .mutation(({ ctx, input }) => cancelCheck(ctx.em, ctx.actor, ctx.deps, input.id)),
});
