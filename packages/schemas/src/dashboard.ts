import { z } from 'zod';
import { ZTimeZone } from './calendar.js';
import { ZOfferStatus } from './hiring/offer.js';
import { ZId } from './list.js';
import { ZRequestType } from './privacy/requests.js';

/** The caller's time zone decides what "today" and "this week" mean. */
export const ZDashboardInput = z.strictObject({ timeZone: ZTimeZone.default('UTC') });

/**
 * One line of a dashboard list about an application. `who` is the candidate's
 * name, or their blind-review alias for a reviewer who must not see it.
 */
const ZAppLine = z.object({ applicationId: ZId, who: z.string(), jobTitle: z.string() });

const ZInterviewLine = ZAppLine.extend({
  interviewId: ZId,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});

const ZOverdueScorecard = ZAppLine.extend({
  interviewId: ZId,
  endsAt: z.iso.datetime(),
  interviewer: z.object({ id: ZId, name: z.string() }),
});

/** A count and its first few items: lists on the dashboard are short, the count says how many in all. */
function counted<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), items: z.array(item) });
}

export const ZRecruiterPanels = z.object({
  /** Active applications still in their job's entry stage: nobody has moved them on yet. */
  newApplications: counted(
    z.object({ jobId: ZId, jobTitle: z.string(), count: z.number().int(), latestAt: z.iso.datetime() }),
  ),
  /** Active applications with no activity for longer than their stage's target; counted up to a cap (`atLeast`: there are more). */
  stuck: counted(
    ZAppLine.extend({ stageName: z.string(), days: z.number().int(), targetDays: z.number().int() }),
  ).extend({ atLeast: z.boolean() }),
  interviews: z.object({
    today: z.number().int(),
    week: z.number().int(),
    items: z.array(ZInterviewLine),
  }),
  overdueScorecards: counted(ZOverdueScorecard),
  offers: z.object({
    awaitingApproval: z.number().int(),
    awaitingAnswer: z.number().int(),
    items: z.array(ZAppLine.extend({ offerId: ZId, status: ZOfferStatus })),
  }),
});

export const ZManagerPanels = z.object({
  /** Interviews the caller sits on, from today on. */
  interviews: z.object({ today: z.number().int(), items: z.array(ZInterviewLine) }),
  /** Interviews the caller sat on that ended without their scorecard. */
  scorecardsOwed: counted(ZInterviewLine),
  /** Applications on the caller's jobs in an interview stage whose interviews are over with feedback in. */
  awaitingDecision: counted(ZAppLine.extend({ stageName: z.string() })),
  /** Whether the tenant lets hiring managers move and reject on their jobs. */
  mayDecide: z.boolean(),
});

export const ZPrivacyPanel = z.object({
  open: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  items: z.array(z.object({ id: ZId, type: ZRequestType, dueOn: z.string(), overdue: z.boolean() })),
});

export const SETUP_STEPS = [
  'branding',
  'privacy_notice',
  'retention',
  'consent_purposes',
  'first_job',
  'your_second_factor',
  'team',
] as const;

export const ZAdminPanels = z.object({
  usersWithoutSecondFactor: counted(z.object({ id: ZId, name: z.string() })),
  retentionRuns: z.array(
    z.object({
      id: ZId,
      startedAt: z.iso.datetime(),
      finishedAt: z.iso.datetime().nullable(),
      dryRun: z.boolean(),
      done: z.number().int(),
      failed: z.number().int(),
    }),
  ),
  /** When someone last checked the audit chain from the backoffice, and whether it was intact. */
  audit: z.object({ lastVerifiedAt: z.iso.datetime().nullable(), intact: z.boolean().nullable() }),
  setup: z.array(z.object({ step: z.enum(SETUP_STEPS), done: z.boolean() })),
});

/** The caller's dashboard: only the panels their role may see are present. */
export const ZDashboard = z.object({
  recruiting: ZRecruiterPanels.nullable(),
  manager: ZManagerPanels.nullable(),
  privacy: ZPrivacyPanel.nullable(),
  admin: ZAdminPanels.nullable(),
});
export type TDashboard = z.infer<typeof ZDashboard>;

export const ZNudgeInput = z.object({ interviewId: ZId, userId: ZId });
export const ZNudgeResult = z.object({ notified: z.number().int() });
