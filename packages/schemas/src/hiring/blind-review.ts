import { z } from 'zod';
import { ZId } from '../list.js';

/**
 * Blind review (per job, for chosen stages): while an application sits in a
 * blind stage and its candidate's identity has not been revealed, hiring
 * managers and interviewers get it through these shapes. They are strict
 * objects, so an identifying field a service adds by mistake fails the
 * response instead of reaching the reviewer.
 */
export const ZBlindCandidateRef = z.strictObject({
  blind: z.literal(true),
  /** A label for this application only ("Candidate 7F3K"); it does not link the person's other applications. */
  alias: z.string(),
  /** Reviewers never see restricted candidates, so this is always null; it keeps one shape for the UI. */
  restrictedAt: z.null(),
});
export type TBlindCandidateRef = z.infer<typeof ZBlindCandidateRef>;

export { candidateLabel } from '../labels.js';

/** An application's blind-review state, for the banner and the recruiter's reveal button. */
export const ZBlindReviewState = z.object({
  /** The application's current stage is a blind-review stage. */
  stageIsBlind: z.boolean(),
  /** Identity revealed to the reviewers (audited); blind review no longer applies to this application. */
  revealed: z
    .object({ at: z.iso.datetime(), by: z.object({ id: ZId, name: z.string() }).nullable() })
    .nullable(),
});
export type TBlindReviewState = z.infer<typeof ZBlindReviewState>;

/** A document's text with what identifies the candidate (or reveals their age) replaced by placeholders. */
export const ZRedactedText = z.object({ text: z.string(), redactions: z.number().int() });
export type TRedactedText = z.infer<typeof ZRedactedText>;
