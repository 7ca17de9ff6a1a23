import { ZDiversitySettings } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
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
});
