import { ZJobAlertInput, ZTalentPoolAddInput } from '@candor/schemas';
import { type MutationInput, trpc } from '../../trpc';

/** The talent pool's actions besides its list (see dataProvider.ts): parsed here first, so a bad pick is caught before a request. */
export const talentPoolActions = {
  addFromTalentPool: (input: MutationInput<typeof trpc.talentPool.addToJob>) =>
    trpc.talentPool.addToJob.mutate(ZTalentPoolAddInput.parse(input)),
  previewJobAlert: (input: MutationInput<typeof trpc.talentPool.previewJobAlert>) =>
    trpc.talentPool.previewJobAlert.mutate(ZJobAlertInput.parse(input)),
  sendJobAlert: (input: MutationInput<typeof trpc.talentPool.sendJobAlert>) =>
    trpc.talentPool.sendJobAlert.mutate(ZJobAlertInput.parse(input)),
};

export type TalentPoolActions = typeof talentPoolActions;
