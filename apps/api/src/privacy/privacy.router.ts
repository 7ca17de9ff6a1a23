import {
  ZCandidateIdInput,
  ZConsentEvent,
  ZNoticeDraftInput,
  ZNoticePublishInput,
  ZPrivacyNotice,
  ZPrivacySettings,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import {
  consentHistory,
  listNotices,
  publishNotice,
  saveNoticeDraft,
  updatePrivacySettings,
} from './privacy.service.js';
import { privacySettingsOf } from './privacy-settings.service.js';
import { recordOfProcessing, recordOfProcessingPdf } from './record-of-processing.js';

/** The privacy notice, the apply form's consent settings, and candidates' consent history. */
export const privacyRouter = router({
  // Art. 30 record, generated from the catalogue and the settings.
  recordOfProcessing: roleProcedure('settings.manage')
    .output(z.object({ markdown: z.string() }))
    .query(async ({ ctx }) => ({ markdown: await recordOfProcessing(ctx.em, ctx.actor.tenantId) })),

  recordOfProcessingPdf: roleProcedure('settings.manage')
    .output(z.object({ filename: z.string(), contentBase64: z.string() }))
    .query(async ({ ctx }) => ({
      filename: 'record-of-processing.pdf',
      contentBase64: (await recordOfProcessingPdf(ctx.em, ctx.actor.tenantId)).toString('base64'),
    })),

  settings: roleProcedure('settings.manage')
    .output(ZPrivacySettings)
    .query(({ ctx }) => privacySettingsOf(ctx.em, ctx.actor.tenantId)),

  // The apply form and the privacy page show these settings: republish the careers site.
  updateSettings: roleProcedure('settings.manage')
    .input(ZPrivacySettings)
    .output(ZPrivacySettings)
    .mutation(async ({ ctx, input }) => {
      const settings = await updatePrivacySettings(ctx.em, ctx.actor, input);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return settings;
    }),

  notices: roleProcedure('settings.manage')
    .output(z.array(ZPrivacyNotice))
    .query(({ ctx }) => listNotices(ctx.em)),

  // A draft is not on the careers site yet: nothing to republish.
  saveDraft: roleProcedure('settings.manage')
    .input(ZNoticeDraftInput)
    .output(ZPrivacyNotice)
    .mutation(({ ctx, input }) => saveNoticeDraft(ctx.em, ctx.actor, input)),

  publish: roleProcedure('settings.manage')
    .input(ZNoticePublishInput)
    .output(ZPrivacyNotice)
    .mutation(async ({ ctx, input }) => {
      const notice = await publishNotice(ctx.em, ctx.actor, input);
      await ctx.deps.publishCareers(ctx.actor.tenantId);
      return notice;
    }),

  consentHistory: roleProcedure('candidates.read')
    .input(ZCandidateIdInput)
    .output(z.array(ZConsentEvent))
    .query(({ ctx, input }) => consentHistory(ctx.em, ctx.actor, input.candidateId)),
});
