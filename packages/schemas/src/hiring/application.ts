import { z } from 'zod';
import { listParams, listResult, ZId } from '../list.js';
import { ZBlindCandidateRef, ZBlindReviewState } from './blind-review.js';
import { ZApplicationSource } from './candidate.js';
import { ZUserRef } from './job.js';
import { ZStageKind } from './settings.js';

export const APPLICATION_STATUSES = ['active', 'rejected', 'withdrawn', 'hired'] as const;
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);
export type TApplicationStatus = z.infer<typeof ZApplicationStatus>;

export const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'Use letters, digits, spaces, - or _');

export const ZStageRef = z.object({
  id: ZId,
  name: z.string(),
  kind: ZStageKind,
  /** Hiring managers review applications in this stage blind (see blind-review.ts). */
  blindReview: z.boolean(),
});
export type TStageRef = z.infer<typeof ZStageRef>;

/** Who applied; `restrictedAt` is set while they restrict processing (only admins see such candidates). */
export const ZIdentifiedCandidateRef = z.object({
  blind: z.literal(false),
  id: ZId,
  name: z.string(),
  email: z.string(),
  restrictedAt: z.iso.datetime().nullable(),
});

/** Who applied, or under blind review only an alias (see blind-review.ts). */
export const ZApplicationCandidateRef = z.discriminatedUnion('blind', [
  ZIdentifiedCandidateRef,
  ZBlindCandidateRef,
]);

export const ZApplicationListItem = z.object({
  id: ZId,
  candidate: ZApplicationCandidateRef,
  job: z.object({ id: ZId, title: z.string() }),
  stage: ZStageRef,
  status: ZApplicationStatus,
  source: ZApplicationSource,
  tags: z.array(z.string()),
  appliedAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
  /** When the application entered its current stage ("5 days in stage"). */
  stageEnteredAt: z.iso.datetime(),
});
export type TApplicationListItem = z.infer<typeof ZApplicationListItem>;

export const ZApplicationListParams = listParams(
  ['appliedAt', 'lastActivityAt'] as const,
  z.object({
    q: z.string().trim().max(120).optional(),
    jobId: ZId.optional(),
    stageId: ZId.optional(),
    status: ZApplicationStatus.optional(),
    tag: ZTag.optional(),
    source: ZApplicationSource.optional(),
    appliedFrom: z.iso.date().optional(),
    appliedTo: z.iso.date().optional(),
    candidateId: ZId.optional(),
    /** Applications with activity at or after this time (the REST API's incremental sync). */
    updatedSince: z.iso.datetime({ offset: true }).optional(),
  }),
);
export type TApplicationListParams = z.input<typeof ZApplicationListParams>;
export const ZApplicationListResult = listResult(ZApplicationListItem);

export const ZStageChange = z.object({
  id: ZId,
  from: ZStageRef.nullable(),
  to: ZStageRef,
  by: ZUserRef.nullable(),
  at: z.iso.datetime(),
});

export const ZNote = z.object({
  id: ZId,
  body: z.string(),
  author: ZUserRef.nullable(),
  createdAt: z.iso.datetime(),
});
export type TNote = z.infer<typeof ZNote>;

export const ZApplication = ZApplicationListItem.extend({
  candidate: z.discriminatedUnion('blind', [
    ZIdentifiedCandidateRef.extend({ phone: z.string().nullable() }),
    ZBlindCandidateRef,
  ]),
  blindReview: ZBlindReviewState,
  answers: z.array(z.object({ questionId: z.string(), label: z.string(), answer: z.string() })),
  stageHistory: z.array(ZStageChange),
  notes: z.array(ZNote),
  rejection: z
    .object({
      reasonId: z.string(),
      reasonLabel: z.string(),
      note: z.string(),
      at: z.iso.datetime(),
      by: ZUserRef.nullable(),
    })
    .nullable(),
  /** Stages of the job, in order, for the move menu. */
  jobStages: z.array(ZStageRef),
  /** The privacy notice version the applicant was shown; null when staff added the application. */
  noticeVersion: z.number().int().nullable(),
  coverLetter: z.string().nullable(),
  salaryExpectation: z.string().nullable(),
  /** A hire handed to HR: when and by whom (the hired-candidates retention rule counts from it). */
  hrExport: z.object({ at: z.iso.datetime(), by: ZUserRef.nullable() }).nullable(),
});
export type TApplication = z.infer<typeof ZApplication>;

/** A hire's record for the HR system, as a zip (hire.json, the candidate's files, the signed offer letter). */
export const ZHrExportResult = z.object({ filename: z.string(), contentBase64: z.string() });
export type THrExportResult = z.infer<typeof ZHrExportResult>;

export const ZApplicationCreateInput = z.object({
  candidateId: ZId,
  jobId: ZId,
  source: ZApplicationSource.default('sourced'),
});

const ZIds = z.array(ZId).min(1, 'Select at least one application').max(500);

export const ZApplicationMoveInput = z.object({ ids: ZIds, stageId: ZId });

export const ZApplicationRejectInput = z.object({
  ids: ZIds,
  reasonId: z.string().min(1, 'Pick a reason').max(40),
  note: z.string().trim().max(2000).default(''),
  /** Send the tenant's rejection email after this many hours; null sends none. */
  emailDelayHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .nullable()
    .default(null),
});

export const ZApplicationWithdrawInput = z.object({ id: ZId, note: z.string().trim().max(2000).default('') });

export const ZNoteInput = z.object({
  applicationId: ZId,
  body: z.string().trim().min(1, 'Write a note').max(10_000),
});

export const ZApplicationTagsInput = z.object({ id: ZId, tags: z.array(ZTag).max(20) });

export const ZBulkResult = z.object({ updated: z.number().int(), skipped: z.number().int() });
/** A move: also how many rejection emails, still waiting to go out, were taken back because their rejection was undone. */
export const ZMoveResult = ZBulkResult.extend({ rejectionEmailsWithdrawn: z.number().int() });

/** The pipeline board of one job: one column per stage, with its count and first cards. */
export const ZBoardInput = z.object({ jobId: ZId, perColumn: z.number().int().min(1).max(200).default(50) });
export const ZBoard = z.object({
  job: z.object({ id: ZId, title: z.string(), status: z.string() }),
  columns: z.array(
    z.object({
      stage: ZStageRef,
      count: z.number().int(),
      cards: z.array(ZApplicationListItem),
    }),
  ),
});
export type TBoard = z.infer<typeof ZBoard>;
