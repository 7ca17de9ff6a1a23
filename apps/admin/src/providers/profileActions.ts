import { ZApplicationCorrectionInput, ZCandidateProfileUpdateInput } from '@candor/schemas';
import { type MutationInput, trpc } from '../trpc';

/**
 * The candidate's structured profile and staff corrections of what the
 * applicant wrote (rectification). On the dataProvider (see dataProvider.ts)
 * so their errors reach the authProvider's `checkError`.
 */
export const profileActions = {
  candidateProfile: (candidateId: string) => trpc.candidates.profile.query({ id: candidateId }),
  /** Replaces the whole profile: what the form left out is gone. */
  updateCandidateProfile: (input: MutationInput<typeof trpc.candidates.updateProfile>) =>
    trpc.candidates.updateProfile.mutate(ZCandidateProfileUpdateInput.parse(input)),
  /** Overwrites answers and the cover letter; audited, and search reads the new text. */
  correctApplication: (input: MutationInput<typeof trpc.applications.correct>) =>
    trpc.applications.correct.mutate(ZApplicationCorrectionInput.parse(input)),
};

export type ProfileActions = typeof profileActions;
