import {
  type THiringSettings,
  ZApplicationCreateInput,
  ZApplicationMoveInput,
  ZApplicationRejectInput,
  ZApplicationTagsInput,
  ZApplicationWithdrawInput,
  ZBoardInput,
  ZCandidateMergeInput,
  ZHiringSettings,
  ZJobStagesInput,
  ZJobStatusInput,
  ZNoteInput,
} from '@candor/schemas';
import { trpc } from '../trpc';

/** What a mutation accepts, as the API declares it (zod input: defaults may be left out). */
type MutationInput<M extends { mutate: (input: never) => unknown }> = Parameters<M['mutate']>[0];

/**
 * The hiring actions that are no create/read/update of one record. They live
 * on the dataProvider (see dataProvider.ts) because react-admin's
 * `useDataProvider()` then sends their errors through the authProvider's
 * `checkError`, exactly like `getList` and friends.
 */
export const hiringActions = {
  hiringSettings: () => trpc.settings.hiring.query(),
  updateHiringSettings: (settings: THiringSettings) =>
    trpc.settings.updateHiring.mutate(ZHiringSettings.parse(settings)),

  setJobStatus: (input: MutationInput<typeof trpc.jobs.setStatus>) =>
    trpc.jobs.setStatus.mutate(ZJobStatusInput.parse(input)),
  setJobStages: (input: MutationInput<typeof trpc.jobs.setStages>) =>
    trpc.jobs.setStages.mutate(ZJobStagesInput.parse(input)),

  createApplication: (input: MutationInput<typeof trpc.applications.create>) =>
    trpc.applications.create.mutate(ZApplicationCreateInput.parse(input)),
  board: (input: Parameters<typeof trpc.applications.board.query>[0]) =>
    trpc.applications.board.query(ZBoardInput.parse(input)),
  moveApplications: (input: MutationInput<typeof trpc.applications.move>) =>
    trpc.applications.move.mutate(ZApplicationMoveInput.parse(input)),
  rejectApplications: (input: MutationInput<typeof trpc.applications.reject>) =>
    trpc.applications.reject.mutate(ZApplicationRejectInput.parse(input)),
  withdrawApplication: (input: MutationInput<typeof trpc.applications.withdraw>) =>
    trpc.applications.withdraw.mutate(ZApplicationWithdrawInput.parse(input)),
  setApplicationTags: (input: MutationInput<typeof trpc.applications.setTags>) =>
    trpc.applications.setTags.mutate(ZApplicationTagsInput.parse(input)),
  addApplicationNote: (input: MutationInput<typeof trpc.applications.addNote>) =>
    trpc.applications.addNote.mutate(ZNoteInput.parse(input)),

  mergeCandidates: (input: MutationInput<typeof trpc.candidates.merge>) =>
    trpc.candidates.merge.mutate(ZCandidateMergeInput.parse(input)),
};

export type HiringActions = typeof hiringActions;
