import {
  ZApplicationIdInput,
  ZApplicationReferences,
  ZRefereeExport,
  ZRefereeExportInput,
  ZRefereeIdInput,
  ZRefereesAddInput,
  ZReferenceRequestInput,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import {
  addReferees,
  eraseReferee,
  refereeExport,
  referencesOf,
  requestReferences,
  withdrawReferee,
} from './references.service.js';

export const referencesRouter = router({
  forApplication: roleProcedure('applications.read')
    .input(ZApplicationIdInput)
    .output(ZApplicationReferences)
    .query(({ ctx, input }) => referencesOf(ctx.em, ctx.actor, input.applicationId)),

  /** Emails the candidate a link to name their referees. */
  request: roleProcedure('applications.manage')
    .input(ZReferenceRequestInput)
    .output(ZApplicationReferences)
    .mutation(({ ctx, input }) => requestReferences(ctx.em, ctx.actor, ctx.deps.publicUrl, input)),

  /** Staff enter referees the candidate gave them (with the candidate's word that each agreed). */
  add: roleProcedure('applications.manage')
    .input(ZRefereesAddInput)
    .output(ZApplicationReferences)
    .mutation(({ ctx, input }) => addReferees(ctx.em, ctx.actor, ctx.deps.publicUrl, input)),

  withdraw: roleProcedure('applications.manage')
    .input(ZRefereeIdInput)
    .output(ZApplicationReferences)
    .mutation(({ ctx, input }) => withdrawReferee(ctx.em, ctx.actor, input.id)),

  /** A referee's request of access: everything held under their email address, as JSON. */
  refereeExport: roleProcedure('requests.manage')
    .input(ZRefereeExportInput)
    .output(ZRefereeExport)
    .mutation(({ ctx, input }) => refereeExport(ctx.em, ctx.actor, input.email)),

  /** A referee's erasure request: the references under their email address are deleted. */
  refereeErase: roleProcedure('requests.manage')
    .input(ZRefereeExportInput)
    .output(z.object({ erased: z.number().int(), held: z.number().int() }))
    .mutation(({ ctx, input }) => eraseReferee(ctx.em, ctx.actor, input.email)),
});
