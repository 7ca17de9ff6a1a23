import { z } from 'zod';
import { listParams, listResult, ZId } from '../list.js';

/**
 * The talent pool: candidates whose talent-pool consent is live (their
 * latest decision on it is "given" and its term, set by the retention
 * policy, has not ended), who have not restricted processing and whose data
 * was not erased. Recruiters find people there for a new job; members who
 * also consented to news about open roles (a marketing purpose) can be sent
 * a job alert.
 */
export const ZTalentPoolMember = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  /** When they joined (or last renewed) the pool. */
  joinedAt: z.iso.datetime(),
  /** The day their consent ends under the retention policy; null when no rule ends it. */
  endsOn: z.iso.date().nullable(),
  /** Whether they also consented to news about open roles: job alerts may go to them. */
  jobAlerts: z.boolean(),
  /** The job they applied to most recently, if any. */
  latestJobTitle: z.string().nullable(),
  /** Where that job is (ISO country), which sets how long their consent lasts. */
  country: z.string().nullable(),
});
export type TTalentPoolMember = z.infer<typeof ZTalentPoolMember>;

export const ZTalentPoolListParams = listParams(
  ['joinedAt', 'name'] as const,
  z.object({
    q: z.string().trim().max(120).optional(),
    /** Only members who may get job alerts. */
    jobAlerts: z.boolean().optional(),
    /** Only members who have not applied to this job yet (the "add to job" view). */
    notAppliedTo: ZId.optional(),
  }),
);
export type TTalentPoolListParams = z.input<typeof ZTalentPoolListParams>;
export const ZTalentPoolListResult = listResult(ZTalentPoolMember);

/** Adds pool members to a job's first stage, as sourced from the talent pool. */
export const ZTalentPoolAddInput = z.object({
  jobId: ZId,
  candidateIds: z
    .array(ZId)
    .min(1, 'Pick at least one candidate')
    .max(200, 'At most 200 candidates at a time'),
});
export const ZTalentPoolAddResult = z.object({
  added: z.number().int().min(0),
  /** Already applied to the job: left as they are. */
  alreadyApplied: z.number().int().min(0),
  /** No longer in the pool (consent withdrawn or ended, restricted, erased) or not found. */
  notInPool: z.number().int().min(0),
});
export type TTalentPoolAddResult = z.infer<typeof ZTalentPoolAddResult>;

export const ZJobAlertInput = z.object({ jobId: ZId });

/** What a job alert would do now: who it goes to and what they read. */
export const ZJobAlertPreview = z.object({
  jobTitle: z.string(),
  /** Members it would go to now. */
  recipients: z.number().int().min(0),
  /** When an alert for this job last went out; a new one goes only to members who joined since. */
  lastSentAt: z.iso.datetime().nullable(),
  subject: z.string(),
  /** The text, with "(their own one-click unsubscribe link)" in place of each member's link. */
  text: z.string(),
});
export type TJobAlertPreview = z.infer<typeof ZJobAlertPreview>;

export const ZJobAlertResult = z.object({ queued: z.number().int().min(0) });
export type TJobAlertResult = z.infer<typeof ZJobAlertResult>;
