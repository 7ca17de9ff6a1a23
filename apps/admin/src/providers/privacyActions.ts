import { ZBrandingInput, ZNoticeDraftInput, ZNoticePublishInput, ZPrivacySettings } from '@candor/schemas';
import { type MutationInput, trpc } from '../trpc';

/**
 * The privacy notice, the apply form's consent settings, candidates' consent
 * history and the careers site's branding. On the dataProvider (see
 * dataProvider.ts) so their errors reach the authProvider's `checkError`.
 */
export const privacyActions = {
  privacySettings: () => trpc.privacy.settings.query(),
  updatePrivacySettings: (input: MutationInput<typeof trpc.privacy.updateSettings>) =>
    trpc.privacy.updateSettings.mutate(ZPrivacySettings.parse(input)),

  notices: () => trpc.privacy.notices.query(),
  saveNoticeDraft: (input: MutationInput<typeof trpc.privacy.saveDraft>) =>
    trpc.privacy.saveDraft.mutate(ZNoticeDraftInput.parse(input)),
  publishNotice: (input: MutationInput<typeof trpc.privacy.publish>) =>
    trpc.privacy.publish.mutate(ZNoticePublishInput.parse(input)),

  recordOfProcessing: () => trpc.privacy.recordOfProcessing.query(),
  recordOfProcessingPdf: () => trpc.privacy.recordOfProcessingPdf.query(),

  consentHistory: (candidateId: string) => trpc.privacy.consentHistory.query({ candidateId }),

  branding: () => trpc.settings.branding.query(),
  updateBranding: (input: MutationInput<typeof trpc.settings.updateBranding>) =>
    trpc.settings.updateBranding.mutate(ZBrandingInput.parse(input)),
};

export type PrivacyActions = typeof privacyActions;
