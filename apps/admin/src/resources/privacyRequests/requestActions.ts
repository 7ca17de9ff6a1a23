import {
  ZRequestAssignInput,
  ZRequestExtendInput,
  ZRequestJurisdictionInput,
  ZRequestNoteInput,
  ZRequestProofInput,
  ZRequestTransitionInput,
} from '@candor/schemas';
import { type MutationInput, trpc } from '../../trpc';

/**
 * The privacy-request queue's actions beyond list, show and create. On the
 * dataProvider (see dataProvider.ts) so their errors reach `checkError`.
 */
export const requestActions = {
  transitionRequest: (input: MutationInput<typeof trpc.requests.transition>) =>
    trpc.requests.transition.mutate(ZRequestTransitionInput.parse(input)),
  extendRequest: (input: MutationInput<typeof trpc.requests.extend>) =>
    trpc.requests.extend.mutate(ZRequestExtendInput.parse(input)),
  setRequestJurisdiction: (input: MutationInput<typeof trpc.requests.setJurisdiction>) =>
    trpc.requests.setJurisdiction.mutate(ZRequestJurisdictionInput.parse(input)),
  assignRequest: (input: MutationInput<typeof trpc.requests.assign>) =>
    trpc.requests.assign.mutate(ZRequestAssignInput.parse(input)),
  addRequestNote: (input: MutationInput<typeof trpc.requests.addNote>) =>
    trpc.requests.addNote.mutate(ZRequestNoteInput.parse(input)),
  executeErasure: (id: string) => trpc.requests.executeErasure.mutate({ id }),
  requestExport: (id: string) => trpc.requests.export.query({ id }),
  acknowledgeRequest: (id: string) => trpc.requests.acknowledge.mutate({ id }),
  attachAgentProof: (input: MutationInput<typeof trpc.requests.attachAgentProof>) =>
    trpc.requests.attachAgentProof.mutate(ZRequestProofInput.parse(input)),
  agentProof: (id: string) => trpc.requests.agentProof.query({ id }),
  /** A referee's own data, or its erasure, by the address they were named under (docs/reference-checks.md). */
  refereeExport: (email: string) => trpc.references.refereeExport.mutate({ email }),
  refereeErase: (email: string) => trpc.references.refereeErase.mutate({ email }),
};

export type RequestActions = typeof requestActions;
