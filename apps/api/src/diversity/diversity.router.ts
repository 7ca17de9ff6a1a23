import { ZDiversityReport, ZDiversityReportInput, ZDiversitySettings } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { diversityReport } from './report.service.js';
import { saveSurveySettings, surveySettings } from './survey.service.js';

/** The diversity survey's settings (and, with them, its reports): tenant admins only. */
export const diversityRouter = router({
  settings: roleProcedure('diversity.manage')
    .output(ZDiversitySettings)
    .query(({ ctx }) => surveySettings(ctx.em, ctx.actor)),

  // The careers site's privacy page lists the survey only while it is on: republish it.
  saveSettings: roleProcedure('diversity.manage')
    .input(ZDiversitySettings)
    .output(ZDiversitySettings)
    .mutation(async ({ ctx, input }) => {
      const settings = await saveSurveySettings(ctx.em, ctx.actor, input);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return settings;
    }),

  /** Counts by answer and stage with every small group hidden; never one person's answers. */
  report: roleProcedure('diversity.manage')
    .input(ZDiversityReportInput)
    .output(ZDiversityReport)
    .query(({ ctx, input }) => diversityReport(ctx.em, ctx.actor, ctx.deps, input)),
});
