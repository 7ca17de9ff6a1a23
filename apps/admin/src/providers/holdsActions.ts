import { ZDisclosureRecordInput, ZLegalHoldPlaceInput } from '@candor/schemas';
import { type MutationInput, trpc } from '../trpc';

/**
 * Legal holds on a candidate's data, and the log of who received it. On the dataProvider (see
 * dataProvider.ts) so their errors reach the authProvider's `checkError`.
 */
export const holdsActions = {
  /** Every hold on the candidate, released and ended ones included, newest first. */
  legalHolds: (candidateId: string) => trpc.holds.list.query({ candidateId, activeOnly: false }),
  placeLegalHold: (input: MutationInput<typeof trpc.holds.place>) =>
    trpc.holds.place.mutate(ZLegalHoldPlaceInput.parse(input)),
  releaseLegalHold: (id: string) => trpc.holds.release.mutate({ id }),

  /** The candidate's disclosure log: who outside the company received their data. */
  disclosures: (candidateId: string) => trpc.candidates.disclosures.query({ id: candidateId }),
  recordDisclosure: (input: MutationInput<typeof trpc.candidates.recordDisclosure>) =>
    trpc.candidates.recordDisclosure.mutate(ZDisclosureRecordInput.parse(input)),
};

export type HoldsActions = typeof holdsActions;
