import { type MutationInput, trpc } from '../trpc';

/**
 * The candidate's structured profile and staff corrections of what the
 * applicant wrote (rectification). On the dataProvider (see dataProvider.ts)
 * so their errors reach the authProvider's `checkError`. Their schemas are
 * not imported here: the dataProvider is part of the dashboard's first load
 * (issue 16's budget), so the profile form validates with them itself
 * (resources/candidates/Profile.tsx) and the API validates every input.
 */
export const profileActions = {
  candidateProfile: (candidateId: string) => trpc.candidates.profile.query({ id: candidateId }),
  /** Replaces the whole profile: what the form left out is gone. */
  updateCandidateProfile: (input: MutationInput<typeof trpc.candidates.updateProfile>) =>
    trpc.candidates.updateProfile.mutate(input),
  /** Overwrites answers, cover letter or salary expectation; audited, and search reads the new text. */
  correctApplication: (input: MutationInput<typeof trpc.applications.correct>) =>
    trpc.applications.correct.mutate(input),
};

export type ProfileActions = typeof profileActions;
