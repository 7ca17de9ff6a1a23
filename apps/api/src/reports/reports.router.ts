import { ZReports, ZReportsCsv, ZReportsCsvInput, ZReportsFilter } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { hiringReports } from './reports.service.js';
import { reportCsv } from './reports-csv.js';

/** Hiring reports: counts and timings with small groups hidden; owners, admins and recruiters (reports.read). */
export const reportsRouter = router({
  all: roleProcedure('reports.read')
    .input(ZReportsFilter)
    .output(ZReports)
    .query(({ ctx, input }) => hiringReports(ctx.deps, ctx.em, ctx.actor, input)),

  /** One report as CSV text, the same numbers as `all` (hidden counts stay hidden). */
  csv: roleProcedure('reports.read')
    .input(ZReportsCsvInput)
    .output(ZReportsCsv)
    .query(async ({ ctx, input }) =>
      reportCsv(await hiringReports(ctx.deps, ctx.em, ctx.actor, input.filter), input.report),
    ),
});
