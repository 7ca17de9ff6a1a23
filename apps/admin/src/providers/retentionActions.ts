import { ZRetentionPolicy, ZRetentionPreviewInput, ZRetentionRunNowInput } from '@candor/schemas';
import { type MutationInput, type QueryInput, trpc } from '../trpc';

/**
 * The retention policy, its preview and the sweep's runs. On the
 * dataProvider (see dataProvider.ts) so their errors reach the
 * authProvider's `checkError`. Inputs are parsed here first, so a period of
 * 0 is reported at its field without a round trip, with the same paths the
 * API would use (`rules.2.period.amount`).
 */
export const retentionActions = {
  retentionPolicy: () => trpc.retention.policy.query(),
  saveRetentionPolicy: (input: MutationInput<typeof trpc.retention.savePolicy>) =>
    trpc.retention.savePolicy.mutate(ZRetentionPolicy.parse(input)),

  /** What the sweep would do at the end of `date`, for `policy` (unsaved) or the one in force. */
  previewRetention: (input: QueryInput<typeof trpc.retention.preview>) =>
    trpc.retention.preview.query(ZRetentionPreviewInput.parse(input)),

  /** The tenant's recent runs, newest first; `finishedAt` is null while one runs. */
  retentionRuns: (limit = 20) => trpc.retention.runs.query({ limit }),
  /** Runs the sweep for the tenant now and resolves when it is done. */
  runRetentionNow: (input: MutationInput<typeof trpc.retention.runNow>) =>
    trpc.retention.runNow.mutate(ZRetentionRunNowInput.parse(input)),
};

export type RetentionActions = typeof retentionActions;
