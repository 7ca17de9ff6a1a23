import {
  ZBranding,
  ZBrandingInput,
  ZEmailTemplate,
  ZEmailTemplateUpdateInput,
  ZHiringSettings,
  ZLanguageSettings,
} from '@candor/schemas';
import { z } from 'zod';
import { emailTemplatesOf, updateEmailTemplate } from '../mail/email-templates.service.js';
import { roleProcedure, router } from '../trpc/init.js';
import { brandingOf, updateBranding } from './branding.service.js';
import { languagesOf, updateLanguages } from './languages.service.js';
import { hiringSettingsOf, updateHiringSettings } from './settings.service.js';

export const settingsRouter = router({
  // Recruiters and hiring managers need the reasons, departments and template too.
  hiring: roleProcedure('jobs.read')
    .output(ZHiringSettings)
    .query(({ ctx }) => hiringSettingsOf(ctx.em, ctx.actor.tenantId)),

  updateHiring: roleProcedure('settings.manage')
    .input(ZHiringSettings)
    .output(ZHiringSettings)
    .mutation(({ ctx, input }) => updateHiringSettings(ctx.em, ctx.actor, input)),

  emailTemplates: roleProcedure('settings.manage')
    .output(z.array(ZEmailTemplate))
    .query(({ ctx }) => emailTemplatesOf(ctx.em, ctx.actor.tenantId)),

  updateEmailTemplate: roleProcedure('settings.manage')
    .input(ZEmailTemplateUpdateInput)
    .output(z.array(ZEmailTemplate))
    .mutation(({ ctx, input }) => updateEmailTemplate(ctx.em, ctx.actor, input)),

  branding: roleProcedure('settings.manage')
    .output(ZBranding)
    .query(({ ctx }) => brandingOf(ctx.em, ctx.actor.tenantId)),

  // Name, colour, about text and logo all show on the careers site: republish it.
  updateBranding: roleProcedure('settings.manage')
    .input(ZBrandingInput)
    .output(ZBranding)
    .mutation(async ({ ctx, input }) => {
      const branding = await updateBranding(ctx.em, ctx.actor, ctx.deps.files, input);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return branding;
    }),

  // Recruiters see which languages a job can be translated into.
  languages: roleProcedure('jobs.read')
    .output(ZLanguageSettings)
    .query(({ ctx }) => languagesOf(ctx.em, ctx.actor.tenantId)),

  // The careers site is built per language: republish it.
  updateLanguages: roleProcedure('settings.manage')
    .input(ZLanguageSettings)
    .output(ZLanguageSettings)
    .mutation(async ({ ctx, input }) => {
      const languages = await updateLanguages(ctx.em, ctx.actor, input);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return languages;
    }),
});
