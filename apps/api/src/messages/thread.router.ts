import { ZThread, ZThreadOfApplicationInput, ZThreadOfCandidateInput } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { threadOfApplication, threadOfCandidate } from './thread.service.js';

export const threadsRouter = router({
  /** Every email to the candidate and every reply from them, in order (the candidate page). */
  ofCandidate: roleProcedure('candidates.read')
    .input(ZThreadOfCandidateInput)
    .output(ZThread)
    .query(({ ctx, input }) => threadOfCandidate(ctx.em, ctx.actor, ctx.deps, input.candidateId)),

  /** The same, narrowed to this application and messages about no application (the application page). */
  ofApplication: roleProcedure('applications.read')
    .input(ZThreadOfApplicationInput)
    .output(ZThread)
    .query(({ ctx, input }) => threadOfApplication(ctx.em, ctx.actor, ctx.deps, input.applicationId)),
});
