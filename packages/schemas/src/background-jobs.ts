import { z } from 'zod';

/** Where background jobs run: pg-boss on PostgreSQL, timers inside the API process on SQLite, or nowhere here. */
export const BACKGROUND_JOB_RUNNERS = ['pg-boss', 'in-process', 'off'] as const;
export const ZBackgroundJobRunner = z.enum(BACKGROUND_JOB_RUNNERS);

/** A job's state; `retry` is a failed attempt waiting for its next one (after a back-off). */
export const BACKGROUND_JOB_STATES = [
  'created',
  'retry',
  'active',
  'completed',
  'failed',
  'cancelled',
] as const;
export const ZBackgroundJobState = z.enum(BACKGROUND_JOB_STATES);
export type TBackgroundJobState = z.infer<typeof ZBackgroundJobState>;

/** One kind of background job, with its counts (the caller's tenant's jobs and the global ones). */
export const ZBackgroundJobQueue = z.object({
  name: z.string(),
  label: z.string(),
  /** Seconds between scheduled runs, null when it runs only when something asks for it. */
  everySeconds: z.number().int().nullable(),
  /** One job per tenant (its failures are retried alone), else one for the whole installation. */
  perTenant: z.boolean(),
  retryLimit: z.number().int(),
  queued: z.number().int(),
  running: z.number().int(),
  failed: z.number().int(),
  lastCompletedAt: z.iso.datetime().nullable(),
});
export type TBackgroundJobQueue = z.infer<typeof ZBackgroundJobQueue>;

export const ZBackgroundJob = z.object({
  id: z.string(),
  name: z.string(),
  state: ZBackgroundJobState,
  /** True for a job of the caller's tenant, false for a global one (whose error shows only its kind). */
  ownTenant: z.boolean(),
  /** Attempts made after the first. */
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  /** When a queued or retrying job may start. */
  startAfter: z.iso.datetime().nullable(),
  /** Never personal data: an error's kind, or a message written for staff (JobFailure). */
  error: z.string().nullable(),
});
export type TBackgroundJob = z.infer<typeof ZBackgroundJob>;

export const ZBackgroundJobList = z.object({
  runner: ZBackgroundJobRunner,
  queues: z.array(ZBackgroundJobQueue),
  /** Queued, running and failed jobs, and the last few completed of each kind; newest first. */
  jobs: z.array(ZBackgroundJob),
});
export type TBackgroundJobList = z.infer<typeof ZBackgroundJobList>;

export const ZBackgroundJobRetryInput = z.strictObject({ id: z.uuid() });

/**
 * An application received on the careers site that filing gave up on after
 * its attempts (careers/file-applications.ts): it waits for a person, who
 * can have it filed again once the cause is fixed.
 */
export const ZUnfiledApplication = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  jobTitle: z.string(),
  /** The address as the applicant typed it, so staff can tell them. */
  email: z.string(),
  receivedAt: z.iso.datetime(),
  attempts: z.number().int(),
  /** The error's kind, never its message (which could quote the form). */
  lastError: z.string().nullable(),
});
export type TUnfiledApplication = z.infer<typeof ZUnfiledApplication>;

export const ZUnfiledApplications = z.object({
  /** Received and not filed yet, still being tried (usually filed within seconds). */
  waiting: z.number().int(),
  /** Given up on: each waits for a person. */
  stuck: z.array(ZUnfiledApplication),
});
export type TUnfiledApplications = z.infer<typeof ZUnfiledApplications>;

export const ZFileAgainInput = z.strictObject({ id: z.uuid() });
