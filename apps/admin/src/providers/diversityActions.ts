import { ZDiversityReportInput, ZDiversitySettings } from '@candor/schemas';
import { type MutationInput, trpc } from '../trpc';

/**
 * The diversity survey's settings. On the dataProvider (see dataProvider.ts)
 * so their errors reach the authProvider's `checkError`; parsed here first,
 * so k below 5 is reported at its field without a round trip.
 */
export const diversityActions = {
  diversitySettings: () => trpc.diversity.settings.query(),
  saveDiversitySettings: (input: MutationInput<typeof trpc.diversity.saveSettings>) =>
    trpc.diversity.saveSettings.mutate(ZDiversitySettings.parse(input)),
  /** A suppressed report (hidden counts are null). */
  diversityReport: (input: Parameters<typeof trpc.diversity.report.query>[0]) =>
    trpc.diversity.report.query(ZDiversityReportInput.parse(input)),
};

export type DiversityActions = typeof diversityActions;
