import { ZThreadOfApplicationInput, ZThreadOfCandidateInput } from '@candor/schemas';
import { trpc } from '../../trpc';

/** A candidate's conversation: every email sent to them and every reply, in order. */
export const threadActions = {
  threadOfCandidate: (candidateId: string) =>
    trpc.threads.ofCandidate.query(ZThreadOfCandidateInput.parse({ candidateId })),
  threadOfApplication: (applicationId: string) =>
    trpc.threads.ofApplication.query(ZThreadOfApplicationInput.parse({ applicationId })),
};

export type ThreadActions = typeof threadActions;
