import { ZDiversityReport, ZDiversityReportInput, ZDiversitySettings } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { diversityReport } from './report.service.js';
import { saveSurveySettings, surveySettings } from './survey.service.js';

/** The diversity survey's settings (and, with them, its reports): tenant admins only. */
export const diversityRouter = router({
  settings: roleProcedure('diversity.manage')
    .output(ZDiversitySettings)
    .query(({ ctx }) => surveySettings(ctx.em, ctx.actor)),

  saveSettings: roleProcedure('diversity.manage')
    .input(ZDiversitySettings)
    .output(ZDiversitySettings)
    .mutation(({ ctx, input }) => saveSurveySettings(ctx.em, ctx.actor, input)),

  /** Counts by answer and stage with every small group hidden; never one person's answers. */
  report: roleProcedure('diversity.manage')
    .input(ZDiversityReportInput)
    .output(ZDiversityReport)
    .query(({ ctx, input }) => diversityReport(ctx.em, ctx.actor, ctx.deps, input)),
});
