import { z } from 'zod';
import { ZEmail } from '../auth.js';
import { ZId } from '../list.js';

/**
 * Reference checks: the candidate names referees (each of whom agreed to be
 * contacted), or staff enter the referees the candidate gave them; each
 * referee answers a short form behind a link of their own.
 */

export const REFEREE_STATUSES = ['invited', 'answered', 'declined', 'expired', 'withdrawn'] as const;
export const ZRefereeStatus = z.enum(REFEREE_STATUSES);
export type TRefereeStatus = z.infer<typeof ZRefereeStatus>;

/** One question of the referee's form; `id` ties an answer to it when the wording changes later. */
export const ZReferenceQuestion = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  label: z.string().min(1).max(300),
  kind: z.enum(['text', 'yesno']),
  required: z.boolean(),
});
export type TReferenceQuestion = z.infer<typeof ZReferenceQuestion>;

/** The questions a referee is asked when the tenant has not written its own. */
export const DEFAULT_REFERENCE_QUESTIONS: readonly TReferenceQuestion[] = [
  {
    id: 'relationship',
    label: 'How do you know the candidate, and for how long did you work together?',
    kind: 'text',
    required: true,
  },
  { id: 'strengths', label: 'What are their main strengths?', kind: 'text', required: true },
  { id: 'growth', label: 'In which areas could they grow?', kind: 'text', required: false },
  { id: 'again', label: 'Would you work with them again?', kind: 'yesno', required: true },
  { id: 'other', label: 'Anything else we should know?', kind: 'text', required: false },
];

export const REFERENCE_ANSWER_MAX = 4000;

/** A referee as the candidate names them, or as staff enter the ones the candidate gave. */
export const ZRefereeInput = z.object({
  name: z.string().trim().min(1, 'Enter the referee’s name').max(200),
  email: ZEmail,
  relationship: z.string().trim().min(1, 'Say how the candidate knows this referee').max(200),
  /** The candidate confirmed this referee agreed to be contacted: nobody is emailed without it. */
  consented: z.literal(true, { error: 'Confirm that this referee agreed to be contacted' }),
});
export type TRefereeInput = z.infer<typeof ZRefereeInput>;

export const ZReferenceRequestInput = z.object({
  applicationId: ZId,
  /** How many referees the candidate is asked to name. */
  count: z.number().int().min(1).max(5).default(2),
});

export const ZRefereesAddInput = z.object({
  applicationId: ZId,
  referees: z.array(ZRefereeInput).min(1).max(5),
});

/** A referee's answers as the form posts them: question id -> text (or `yes` / `no`). */
export const ZReferenceAnswers = z.record(
  z.string().regex(/^[a-z0-9_]{1,40}$/),
  z.string().trim().max(REFERENCE_ANSWER_MAX, `Keep each answer under ${REFERENCE_ANSWER_MAX} characters`),
);

export const ZRefereeExportInput = z.object({ email: ZEmail });
export const ZRefereeIdInput = z.object({ id: ZId });

export const ZReferenceAnswer = z.object({
  questionId: z.string(),
  question: z.string(),
  answer: z.string(),
});

/** A referee and their answers, as staff see them on the application. */
export const ZReferee = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  relationship: z.string(),
  /** Who recorded the candidate's consent to contact them: the candidate on their page, or staff. */
  consentRecordedBy: z.enum(['candidate', 'staff']),
  status: ZRefereeStatus,
  expiresAt: z.iso.datetime(),
  answers: z.array(ZReferenceAnswer),
  respondedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TReferee = z.infer<typeof ZReferee>;

export const ZApplicationReferences = z.object({
  /** Hidden from a blind reviewer while the application is in blind review: references name the candidate. */
  hiddenForBlindReview: z.boolean(),
  /** A link sent to the candidate to name referees, still open. */
  pendingRequest: z.object({ count: z.number().int(), expiresAt: z.iso.datetime() }).nullable(),
  referees: z.array(ZReferee),
});
export type TApplicationReferences = z.infer<typeof ZApplicationReferences>;

/** What Candor holds about one referee (their request of access), from every application they were named on. */
export const ZRefereeExport = z.object({
  email: z.string(),
  generatedAt: z.iso.datetime(),
  references: z.array(
    z.object({
      name: z.string(),
      email: z.string(),
      relationship: z.string(),
      jobTitle: z.string(),
      status: ZRefereeStatus,
      invitedAt: z.iso.datetime(),
      respondedAt: z.iso.datetime().nullable(),
      answers: z.array(ZReferenceAnswer),
    }),
  ),
});
export type TRefereeExport = z.infer<typeof ZRefereeExport>;
