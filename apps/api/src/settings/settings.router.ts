import { ZEmailTemplate, ZEmailTemplateUpdateInput, ZHiringSettings } from '@candor/schemas';
import { z } from 'zod';
import { emailTemplatesOf, updateEmailTemplate } from '../mail/email-templates.service.js';
import { roleProcedure, router } from '../trpc/init.js';
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
});
