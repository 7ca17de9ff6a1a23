import {
  ZApplication,
  ZApplicationCorrectionInput,
  ZApplicationCreateInput,
  ZApplicationListParams,
  ZApplicationListResult,
  ZApplicationMoveInput,
  ZApplicationRejectInput,
  ZApplicationTagsInput,
  ZApplicationWithdrawInput,
  ZBoard,
  ZBoardInput,
  ZBulkResult,
  ZHrExportResult,
  ZIdInput,
  ZMoveResult,
  ZNote,
  ZNoteInput,
} from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { getApplication } from './application-detail.js';
import { board } from './board.js';
import { correctApplication } from './correct-application.js';
import { createApplication } from './create-application.js';
import { exportHireToHr } from './hr-export.js';
import { revealIdentity } from './identity-reveal.js';
import { listApplications } from './list-applications.js';
import { addNote, setTags } from './notes-and-tags.js';
import { moveApplications, rejectApplications } from './stage-moves.js';
import { withdrawApplication } from './withdraw-application.js';

export const applicationsRouter = router({
  list: roleProcedure('applications.read')
    .input(ZApplicationListParams)
    .output(ZApplicationListResult)
    .query(({ ctx, input }) => listApplications(ctx.em, ctx.actor, input)),

  get: roleProcedure('applications.read')
    .input(ZIdInput)
    .output(ZApplication)
    .query(({ ctx, input }) => getApplication(ctx.em, ctx.actor, ctx.deps, input.id)),

  board: roleProcedure('applications.read')
    .input(ZBoardInput)
    .output(ZBoard)
    .query(({ ctx, input }) => board(ctx.em, ctx.actor, input)),

  create: roleProcedure('applications.manage')
    .input(ZApplicationCreateInput)
    .output(ZApplication)
    .mutation(({ ctx, input }) => createApplication(ctx.em, ctx.actor, ctx.deps, input)),

  move: roleProcedure('applications.decide')
    .input(ZApplicationMoveInput)
    .output(ZMoveResult)
    .mutation(({ ctx, input }) => moveApplications(ctx.em, ctx.actor, input, ctx.deps.publicUrl)),

  reject: roleProcedure('applications.decide')
    .input(ZApplicationRejectInput)
    .output(ZBulkResult)
    .mutation(({ ctx, input }) => rejectApplications(ctx.em, ctx.actor, ctx.deps, input, ctx.deps.publicUrl)),

  // Rectification of what the applicant wrote (answers, cover letter): overwritten, audited, re-indexed.
  correct: roleProcedure('candidates.manage')
    .input(ZApplicationCorrectionInput)
    .output(ZApplication)
    .mutation(({ ctx, input }) => correctApplication(ctx.em, ctx.actor, ctx.deps, input)),

  withdraw: roleProcedure('applications.manage')
    .input(ZApplicationWithdrawInput)
    .output(ZApplication)
    .mutation(({ ctx, input }) => withdrawApplication(ctx.em, ctx.actor, ctx.deps, input)),

  setTags: roleProcedure('applications.manage')
    .input(ZApplicationTagsInput)
    .output(ZApplication)
    .mutation(({ ctx, input }) => setTags(ctx.em, ctx.actor, ctx.deps, input)),

  exportToHr: roleProcedure('applications.manage')
    .input(ZIdInput)
    .output(ZHrExportResult)
    .mutation(({ ctx, input }) => exportHireToHr(ctx.em, ctx.actor, ctx.deps, input.id)),

  /** Ends blind review for one application: its reviewers see who the candidate is (audited). */
  revealIdentity: roleProcedure('applications.manage')
    .input(ZIdInput)
    .output(ZApplication)
    .mutation(({ ctx, input }) => revealIdentity(ctx.em, ctx.actor, ctx.deps, input.id)),

  addNote: roleProcedure('applications.note')
    .input(ZNoteInput)
    .output(ZNote)
    .mutation(({ ctx, input }) => addNote(ctx.em, ctx.actor, ctx.deps, input)),
});
