import { z } from 'zod';
import { checkJobScope, JOB_SCOPE_FIELDS } from '../job-scope.js';
import { ZId } from '../list.js';

/**
 * Assessments (docs/assessments.md): a questionnaire or a take-home task a
 * tenant writes once, attached to a stage of a job, sent to the candidate as
 * a link; reviewers score the answers against each question's rubric.
 */

export const ASSESSMENT_KINDS = ['questionnaire', 'take_home'] as const;
export const ZAssessmentKind = z.enum(ASSESSMENT_KINDS);
export type TAssessmentKind = z.infer<typeof ZAssessmentKind>;
export const ASSESSMENT_KIND_LABELS: Record<TAssessmentKind, string> = {
  questionnaire: 'Questionnaire',
  take_home: 'Take-home task',
};

export const ASSESSMENT_STATUSES = ['invited', 'started', 'submitted', 'scored', 'withdrawn'] as const;
export const ZAssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type TAssessmentStatus = z.infer<typeof ZAssessmentStatus>;

export const ASSESSMENT_ANSWER_MAX = 20_000;
export const ASSESSMENT_TIME_LIMIT_MAX = 7 * 24 * 60;

const ZLocalId = z.string().regex(/^[a-z0-9_-]{1,40}$/);

export const ZAssessmentCriterion = z.object({
  id: ZLocalId.optional(),
  name: z.string().trim().min(1, 'Name the criterion').max(200),
  maxPoints: z.number().int().min(1, 'At least 1 point').max(100),
});
export type TAssessmentCriterion = z.output<typeof ZAssessmentCriterion>;

export const ZAssessmentQuestion = z.object({
  id: ZLocalId.optional(),
  prompt: z.string().trim().min(1, 'Write the question').max(4000),
  /** What a good answer says, for the reviewers (never shown to the candidate). */
  modelAnswer: z.string().trim().max(4000).nullish(),
  /** How the answer is scored: at least one criterion with its most points. */
  criteria: z.array(ZAssessmentCriterion).min(1, 'Add at least one criterion').max(10),
});
export type TAssessmentQuestion = z.output<typeof ZAssessmentQuestion>;

export const ZAssessmentInput = z.object({
  title: z.string().trim().min(1, 'Give the assessment a title').max(200),
  kind: ZAssessmentKind,
  instructions: z.string().trim().max(8000).default(''),
  questions: z.array(ZAssessmentQuestion).min(1, 'Add at least one question').max(30),
  /** Minutes from the candidate's Start; null: no limit. */
  timeLimitMinutes: z.number().int().min(1).max(ASSESSMENT_TIME_LIMIT_MAX).nullable().default(null),
  allowAttachments: z.boolean().default(false),
  /** Who runs it: Candor's own page (null) or one of the tenant's external providers. */
  providerId: ZId.nullable().default(null),
});
export type TAssessmentInput = z.input<typeof ZAssessmentInput>;

export const ZAssessmentUpdateInput = ZAssessmentInput.extend({ id: ZId });
export const ZAssessmentIdInput = z.object({ id: ZId });

const ZStoredQuestion = z.object({
  id: z.string(),
  prompt: z.string(),
  modelAnswer: z.string().nullable(),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), maxPoints: z.number().int() })),
});

export const ZAssessment = z.object({
  id: ZId,
  title: z.string(),
  kind: ZAssessmentKind,
  instructions: z.string(),
  questions: z.array(ZStoredQuestion),
  timeLimitMinutes: z.number().int().nullable(),
  allowAttachments: z.boolean(),
  providerId: ZId.nullable(),
  maxPoints: z.number().int(),
  /** Stages of jobs that carry it, as "Job - Stage". */
  usedBy: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type TAssessment = z.infer<typeof ZAssessment>;

export const ZStageAssessmentInput = z.object({
  stageId: ZId,
  /** null detaches the stage's assessment. */
  assessmentId: ZId.nullable(),
  /** Send it by itself when an application enters the stage. */
  autoSend: z.boolean().default(true),
});

export const ZStageAssessment = z.object({
  stageId: ZId,
  stageName: z.string(),
  assessmentId: ZId.nullable(),
  assessmentTitle: z.string().nullable(),
  autoSend: z.boolean(),
});
export type TStageAssessment = z.infer<typeof ZStageAssessment>;
export const ZJobIdInputForAssessments = z.object({ jobId: ZId });

export const ZAssessmentSendInput = z.object({ applicationId: ZId, assessmentId: ZId });
export const ZAssessmentInvitationIdInput = z.object({ id: ZId });

export const ZAssessmentScoreInput = z.object({
  invitationId: ZId,
  scores: z
    .array(
      z.object({
        questionId: ZLocalId,
        criterionId: ZLocalId,
        points: z.number().int().min(0).max(100),
        comment: z.string().trim().max(2000).default(''),
      }),
    )
    .min(1)
    .max(300),
});

export const ZAssessmentScore = z.object({
  questionId: z.string(),
  criterionId: z.string(),
  points: z.number().int(),
  maxPoints: z.number().int(),
  comment: z.string(),
  byName: z.string().nullable(),
});

/** One sent assessment on the application page; answers already redacted for a blind reviewer. */
export const ZAssessmentInvitation = z.object({
  id: ZId,
  assessmentId: ZId,
  title: z.string(),
  kind: ZAssessmentKind,
  provider: z.string(),
  status: ZAssessmentStatus,
  invitedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  deadlineAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  timeLimitMinutes: z.number().int().nullable(),
  /** Whether the time limit ran out and what was saved was submitted. */
  submittedByDeadline: z.boolean(),
  questions: z.array(
    ZStoredQuestion.extend({
      answer: z.string().nullable(),
    }),
  ),
  attachments: z.array(z.object({ id: ZId, label: z.string() })),
  scores: z.array(ZAssessmentScore),
  totalPoints: z.number().int().nullable(),
  maxPoints: z.number().int(),
  externalResultUrl: z.string().nullable(),
});
export type TAssessmentInvitation = z.infer<typeof ZAssessmentInvitation>;

export const ZApplicationAssessments = z.object({
  /** Assessments that may be sent from this application (the tenant's). */
  available: z.array(z.object({ id: ZId, title: z.string() })),
  invitations: z.array(ZAssessmentInvitation),
});
export type TApplicationAssessments = z.infer<typeof ZApplicationAssessments>;

// ---- external providers ---------------------------------------------------

export const ZAssessmentProviderInput = z.object({
  name: z.string().trim().min(1, 'Name the provider').max(100),
  /** Where the candidate is sent; `{invitationId}` and `{email}`-free: only `{invitationId}` is filled in. */
  invitationUrlTemplate: z
    .string()
    .trim()
    .max(500)
    .refine((s) => /^https:\/\/[^\s]+$/.test(s) && s.includes('{invitationId}'), {
      message: 'An https address containing {invitationId}',
    }),
  /** The shared secret the provider signs result webhooks with (at least 32 characters). */
  webhookSecret: z.string().min(32, 'At least 32 characters').max(200),
});
export const ZAssessmentProvider = z.object({
  id: ZId,
  name: z.string(),
  invitationUrlTemplate: z.string(),
  webhookPath: z.string(),
  createdAt: z.iso.datetime(),
});
export type TAssessmentProvider = z.infer<typeof ZAssessmentProvider>;

/** A result as an external provider posts it (the body of the signed webhook). */
export const ZAssessmentResultWebhook = z.object({
  invitationId: ZId,
  status: z.enum(['submitted', 'scored']),
  score: z.number().int().min(0).max(100_000).nullable().default(null),
  maxScore: z.number().int().min(1).max(100_000).nullable().default(null),
  resultUrl: z
    .string()
    .max(500)
    .regex(/^https:\/\//)
    .nullable()
    .default(null),
});
export type TAssessmentResultWebhook = z.infer<typeof ZAssessmentResultWebhook>;

// ---- report ----------------------------------------------------------------

export const ZAssessmentReportInput = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    ...JOB_SCOPE_FIELDS,
    assessmentId: ZId.optional(),
  })
  .superRefine(checkJobScope);

export const ZAssessmentReport = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  k: z.number().int(),
  rows: z.array(
    z.object({
      assessmentId: ZId,
      assessmentTitle: z.string(),
      jobId: ZId,
      jobTitle: z.string(),
      /** Counts are null where hidden (fewer than k people). */
      invited: z.number().int().nullable(),
      completed: z.number().int().nullable(),
      completionRate: z.number().nullable(),
      /** Median share of the maximum, 0..1, over scored submissions; null when hidden. */
      medianScore: z.number().nullable(),
    }),
  ),
});
export type TAssessmentReport = z.infer<typeof ZAssessmentReport>;
