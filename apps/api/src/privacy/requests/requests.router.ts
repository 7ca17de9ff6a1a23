import {
  ZIdInput,
  ZPrivacyRequest,
  ZRequestAssignInput,
  ZRequestCounts,
  ZRequestCreateInput,
  ZRequestExtendInput,
  ZRequestJurisdictionInput,
  ZRequestListParams,
  ZRequestNoteInput,
  ZRequestProofInput,
  ZRequestTransitionInput,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../../trpc/init.js';
import { requestExport } from './access-export.js';
import { attachAgentProof, openAgentProof } from './agent-proof.js';
import { addRequestNote, assignRequest, extendRequest, setJurisdiction } from './case-handling.js';
import { executeErasure } from './erasure.js';
import { acknowledgeRequest, createRequest } from './intake.js';
import { getRequest, listRequests, requestCounts } from './request-queue.js';
import { transitionRequest } from './status-transitions.js';

/** The privacy-request (DSAR) queue of the tenant's admins. */
export const requestsRouter = router({
  list: roleProcedure('requests.manage')
    .input(ZRequestListParams)
    .output(z.array(ZPrivacyRequest))
    .query(({ ctx, input }) => listRequests(ctx.em, input)),

  counts: roleProcedure('requests.manage')
    .output(ZRequestCounts)
    .query(({ ctx }) => requestCounts(ctx.em)),

  get: roleProcedure('requests.manage')
    .input(ZIdInput)
    .output(ZPrivacyRequest)
    .query(({ ctx, input }) => getRequest(ctx.em, ctx.actor, input.id)),

  create: roleProcedure('requests.manage')
    .input(ZRequestCreateInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => createRequest(ctx.em, ctx.actor, ctx.deps, input)),

  acknowledge: roleProcedure('requests.manage')
    .input(ZIdInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => acknowledgeRequest(ctx.em, ctx.actor, input.id, ctx.deps.publicUrl)),

  attachAgentProof: roleProcedure('requests.manage')
    .input(ZRequestProofInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => attachAgentProof(ctx.em, ctx.actor, ctx.deps, input)),

  agentProof: roleProcedure('requests.manage')
    .input(ZIdInput)
    .output(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
    .query(({ ctx, input }) => openAgentProof(ctx.em, ctx.actor, ctx.deps, input.id)),

  transition: roleProcedure('requests.manage')
    .input(ZRequestTransitionInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => transitionRequest(ctx.em, ctx.actor, input, ctx.deps.publicUrl)),

  extend: roleProcedure('requests.manage')
    .input(ZRequestExtendInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => extendRequest(ctx.em, ctx.actor, input, ctx.deps.publicUrl)),

  setJurisdiction: roleProcedure('requests.manage')
    .input(ZRequestJurisdictionInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => setJurisdiction(ctx.em, ctx.actor, input)),

  assign: roleProcedure('requests.manage')
    .input(ZRequestAssignInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => assignRequest(ctx.em, ctx.actor, input)),

  addNote: roleProcedure('requests.manage')
    .input(ZRequestNoteInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => addRequestNote(ctx.em, ctx.actor, input)),

  executeErasure: roleProcedure('requests.manage')
    .input(ZIdInput)
    .output(ZPrivacyRequest)
    .mutation(({ ctx, input }) => executeErasure(ctx.em, ctx.actor, ctx.deps, input.id)),

  export: roleProcedure('requests.manage')
    .input(ZIdInput)
    .output(z.object({ filename: z.string(), contentBase64: z.string() }))
    .query(({ ctx, input }) => requestExport(ctx.em, ctx.actor, ctx.deps, input.id)),
});
