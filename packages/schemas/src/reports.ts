import { z } from 'zod';
import { ZApplicationSource } from './hiring/candidate.js';
import { checkJobScope, JOB_SCOPE_FIELDS } from './job-scope.js';
import { ZId } from './list.js';

/** Default period of the hiring reports: the last 90 days up to today. */
export const REPORTS_DEFAULT_DAYS = 90;
/** Longest period a report may cover, in days (about three years). */
export const REPORTS_MAX_DAYS = 1100;

const DAY_MS = 86_400_000;

/** The default period, as `{ from, to }` dates (UTC), ending on `today`. */
export function defaultReportPeriod(today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - (REPORTS_DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * Which applications the reports count: a job, a department or every job,
 * over a period of whole days (inclusive, UTC; default the last 90 days).
 */
export const ZReportsFilter = z
  .strictObject({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    ...JOB_SCOPE_FIELDS,
    /** Count now rather than serve the last count kept (the page's "Count again"). */
    fresh: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    checkJobScope(input, ctx);
    if (input.from && input.to) {
      const days = (Date.parse(input.to) - Date.parse(input.from)) / DAY_MS + 1;
      if (days < 1)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts' });
      else if (days > REPORTS_MAX_DAYS)
        ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${REPORTS_MAX_DAYS} days` });
    }
  });
export type TReportsFilter = z.infer<typeof ZReportsFilter>;

export const REPORT_IDS = [
  'funnel',
  'timing',
  'sources',
  'offers',
  'rejections',
  'openJobs',
  'interviewers',
] as const;
export const ZReportId = z.enum(REPORT_IDS);
export type TReportId = z.infer<typeof ZReportId>;

export const REPORT_TITLES: Record<TReportId, string> = {
  funnel: 'Pipeline funnel',
  timing: 'Time to hire and time in stage',
  sources: 'Source effectiveness',
  offers: 'Offer acceptance',
  rejections: 'Rejections by reason',
  openJobs: 'Open jobs aging',
  interviewers: 'Interviewer load and feedback',
};

export const ZReportsCsvInput = z.strictObject({ report: ZReportId, filter: ZReportsFilter });
export type TReportsCsvInput = z.infer<typeof ZReportsCsvInput>;

/** The funnel's steps, by stage kind, in pipeline order; each counts applications that reached it or a later one. */
export const FUNNEL_STEPS = ['applied', 'screening', 'interview', 'offer', 'hired'] as const;

/** A count, or null where it is hidden because it could single out fewer than k people. */
const ZCount = z.number().int().nullable();
/** A share from 0 to 1, or null where a count it is built from is hidden (or there is nothing to divide by). */
const ZRate = z.number().nullable();

const ZDurationStats = z.object({
  /** How many durations were measured; null when hidden. */
  count: ZCount,
  /** In days; null when fewer than k were measured. */
  median: z.number().nullable(),
  p75: z.number().nullable(),
});
export type TDurationStats = z.infer<typeof ZDurationStats>;

/** Every hiring report for one filter, counted live; hidden values are null. */
export const ZReports = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** When these numbers were counted: the last count kept may be served (apps/api/src/reports/report-cache.ts). */
  computedAt: z.iso.datetime(),
  /** The tenant changed something since (or the count is a few minutes old): a newer count is on its way. */
  recounting: z.boolean(),
  scopeLabel: z.string(),
  /** The tenant's smallest group shown (the diversity survey's k). */
  k: z.number().int(),
  funnel: z.array(
    z.object({
      step: z.enum(FUNNEL_STEPS),
      label: z.string(),
      count: ZCount,
      /** Share of the step before (the first step: null). */
      rate: ZRate,
    }),
  ),
  timeToHire: ZDurationStats,
  timeInStage: z.array(ZDurationStats.extend({ kind: z.string(), label: z.string() })),
  sources: z.array(
    z.object({
      source: ZApplicationSource,
      label: z.string(),
      applications: ZCount,
      hires: ZCount,
      conversion: ZRate,
    }),
  ),
  offers: z.object({
    sent: ZCount,
    outcomes: z.array(z.object({ outcome: z.string(), label: z.string(), count: ZCount })),
    /** Accepted of those answered (accepted + declined). */
    acceptanceRate: ZRate,
  }),
  rejections: z.object({
    total: ZCount,
    reasons: z.array(z.object({ reasonId: z.string(), label: z.string(), count: ZCount })),
  }),
  openJobs: z.array(
    z.object({
      jobId: ZId,
      title: z.string(),
      department: z.string(),
      openedAt: z.iso.datetime(),
      daysOpen: z.number().int(),
      applications: z.number().int(),
    }),
  ),
  interviewers: z.array(
    z.object({
      userId: ZId,
      name: z.string(),
      interviews: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      missing: z.number().int(),
      /** Hours from the interview's end to the scorecard; null without any scorecard. */
      medianHoursToFeedback: z.number().nullable(),
    }),
  ),
});
export type TReports = z.infer<typeof ZReports>;

export const ZReportsCsv = z.object({ filename: z.string(), csv: z.string() });
export type TReportsCsv = z.infer<typeof ZReportsCsv>;
