import {
  ZApplicationAssessments,
  ZApplicationIdInput,
  ZAssessment,
  ZAssessmentIdInput,
  ZAssessmentInput,
  ZAssessmentInvitationIdInput,
  ZAssessmentProvider,
  ZAssessmentProviderInput,
  ZAssessmentReport,
  ZAssessmentReportInput,
  ZAssessmentScoreInput,
  ZAssessmentSendInput,
  ZAssessmentUpdateInput,
  ZJobIdInputForAssessments,
  ZStageAssessment,
  ZStageAssessmentInput,
} from '@candor/schemas';
import { z } from 'zod';
import { roleProcedure, router } from '../trpc/init.js';
import { createProvider, listProviders } from './assessment-providers.service.js';
import { assessmentReport } from './assessment-report.js';
import {
  assessmentsOf,
  createAssessment,
  getAssessment,
  listAssessments,
  scoreAssessment,
  sendAssessment,
  setStageAssessment,
  stageAssessmentsOf,
  updateAssessment,
  withdrawInvitation,
} from './assessments.service.js';

/** Assessments (docs/assessments.md): written by recruiters, sent per application, scored by reviewers. */
export const assessmentsRouter = router({
  list: roleProcedure('jobs.manage')
    .output(z.array(ZAssessment))
    .query(({ ctx }) => listAssessments(ctx.em)),

  get: roleProcedure('jobs.manage')
    .input(ZAssessmentIdInput)
    .output(ZAssessment)
    .query(({ ctx, input }) => getAssessment(ctx.em, input.id)),

  create: roleProcedure('jobs.manage')
    .input(ZAssessmentInput)
    .output(ZAssessment)
    .mutation(({ ctx, input }) => createAssessment(ctx.em, ctx.actor, input)),

  update: roleProcedure('jobs.manage')
    .input(ZAssessmentUpdateInput)
    .output(ZAssessment)
    .mutation(({ ctx, input }) => updateAssessment(ctx.em, ctx.actor, input)),

  stagesOfJob: roleProcedure('jobs.manage')
    .input(ZJobIdInputForAssessments)
    .output(z.array(ZStageAssessment))
    .query(({ ctx, input }) => stageAssessmentsOf(ctx.em, ctx.actor, input.jobId)),

  /** Attaches an assessment to a stage (or detaches it with `assessmentId: null`). */
  setStage: roleProcedure('jobs.manage')
    .input(ZStageAssessmentInput)
    .output(z.array(ZStageAssessment))
    .mutation(({ ctx, input }) => setStageAssessment(ctx.em, ctx.actor, input)),

  forApplication: roleProcedure('applications.read')
    .input(ZApplicationIdInput)
    .output(ZApplicationAssessments)
    .query(({ ctx, input }) => assessmentsOf(ctx.em, ctx.actor, ctx.deps, input.applicationId)),

  send: roleProcedure('applications.manage')
    .input(ZAssessmentSendInput)
    .output(ZApplicationAssessments)
    .mutation(({ ctx, input }) => sendAssessment(ctx.em, ctx.actor, ctx.deps.publicUrl, ctx.deps, input)),

  withdraw: roleProcedure('applications.manage')
    .input(ZAssessmentInvitationIdInput)
    .output(ZApplicationAssessments)
    .mutation(({ ctx, input }) => withdrawInvitation(ctx.em, ctx.actor, ctx.deps, input.id)),

  score: roleProcedure('scorecards.submit')
    .input(ZAssessmentScoreInput)
    .output(ZApplicationAssessments)
    .mutation(({ ctx, input }) => scoreAssessment(ctx.em, ctx.actor, ctx.deps, input)),

  report: roleProcedure('reports.read')
    .input(ZAssessmentReportInput)
    .output(ZAssessmentReport)
    .query(({ ctx, input }) => assessmentReport(ctx.em, ctx.actor, input)),

  providers: roleProcedure('settings.manage')
    .output(z.array(ZAssessmentProvider))
    .query(({ ctx }) => listProviders(ctx.em)),

  addProvider: roleProcedure('settings.manage')
    .input(ZAssessmentProviderInput)
    .output(ZAssessmentProvider)
    .mutation(({ ctx, input }) => createProvider(ctx.em, ctx.actor, ctx.deps.masterKey, input)),
});
