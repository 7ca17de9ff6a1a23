import { z } from 'zod';
import { ZId } from '../list.js';
import { ZRole } from '../roles.js';

/**
 * Background checks (docs/background-checks.md): at the offer stage, only for
 * tenants that turned them on, only after the candidate signed a standalone
 * disclosure and authorization; the US FCRA adverse action steps (pre-adverse
 * notice with the report and a summary of rights, a waiting period of
 * business days, final notice); reports are criminal-offence data (GDPR Art. 10).
 */

/** A calendar date, `YYYY-MM-DD`. */
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-24')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Not a date',
  );

/** The tenant's background-check settings, part of its privacy settings. Off by default. */
export const ZBackgroundCheckSettings = z.object({
  enabled: z.boolean(),
  /** Who may read reports (criminal-offence data): never a role that reviews blind while it does. */
  viewerRoles: z.array(ZRole).max(4),
  /** The FCRA waiting period between the pre-adverse and the final notice, in business days. */
  waitingDays: z.number().int().min(1).max(30),
  /** Days that are not business days besides weekends. */
  holidays: z.array(ZCalendarDate).max(60),
  /** Reports are erased this many months after the decision (final notice, or the check cleared). */
  retentionMonths: z.number().int().min(1).max(60),
});
export type TBackgroundCheckSettings = z.output<typeof ZBackgroundCheckSettings>;

export const DEFAULT_BACKGROUND_CHECK_SETTINGS: TBackgroundCheckSettings = {
  enabled: false,
  viewerRoles: ['owner', 'admin'],
  waitingDays: 5,
  holidays: [],
  retentionMonths: 6,
};

const DAY = 24 * 60 * 60 * 1000;
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** Whether `date` (YYYY-MM-DD, UTC) is a business day: not Saturday, Sunday or one of `holidays`. */
export function isBusinessDay(date: string, holidays: readonly string[]): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(date);
}

/**
 * The last day of a waiting period of `days` business days that starts the
 * day after `from` (the day a notice was sent), skipping weekends and the
 * tenant's holidays. The final notice may go from the day after it.
 */
export function waitingPeriodEnd(from: string, days: number, holidays: readonly string[]): string {
  let t = Date.parse(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    t += DAY;
    if (isBusinessDay(dateOf(new Date(t)), holidays)) left--;
  }
  return dateOf(new Date(t));
}

/** Whether the waiting period that ended on `waitUntil` is over on `now` (UTC). */
export function waitingPeriodOver(waitUntil: string, now: Date): boolean {
  return dateOf(now) > waitUntil;
}

export const BACKGROUND_CHECK_STATUSES = [
  'requested', // the candidate has the link to the disclosure
  'authorized', // signed, not yet ordered
  'ordered',
  'report_received',
  'clear', // staff decided: no adverse action
  'pre_adverse', // pre-adverse notice sent, waiting
  'disputed', // the candidate disputes; the workflow waits for staff
  'adverse_final', // final adverse action notice sent
  'withdrawn', // the candidate withdrew their authorization
  'cancelled',
] as const;
export const ZBackgroundCheckStatus = z.enum(BACKGROUND_CHECK_STATUSES);
export type TBackgroundCheckStatus = z.infer<typeof ZBackgroundCheckStatus>;

/** What a provider reports through its status webhook. */
export const ZProviderStatus = z.enum(['pending', 'in_progress', 'complete', 'cancelled']);

export const ZBackgroundCheckEvent = z.object({
  kind: z.enum([
    'requested',
    'disclosure_signed',
    'ordered',
    'provider_status',
    'report_received',
    'cleared',
    'pre_adverse_sent',
    'disputed',
    'dispute_resolved',
    'final_notice_sent',
    'withdrawn',
    'cancelled',
  ]),
  at: z.string(),
  detail: z.string(),
});
export type TBackgroundCheckEvent = z.infer<typeof ZBackgroundCheckEvent>;

export const ZBackgroundCheck = z.object({
  id: z.string(),
  status: ZBackgroundCheckStatus,
  provider: z.string(),
  providerStatus: z.string().nullable(),
  /** Signed at, and the name the candidate typed. */
  signedAt: z.string().nullable(),
  signedName: z.string().nullable(),
  report: z
    .object({ filename: z.string(), contentType: z.string(), size: z.number(), receivedAt: z.string() })
    .nullable(),
  /** Whether this actor may read the report (the tenant's named roles). */
  canReadReport: z.boolean(),
  waitUntil: z.string().nullable(),
  /** The final notice may be sent (the waiting period is over and no dispute is open). */
  finalNoticeAllowed: z.boolean(),
  dispute: z
    .object({
      text: z.string(),
      at: z.string(),
      resolvedAt: z.string().nullable(),
      resolution: z.string().nullable(),
    })
    .nullable(),
  events: z.array(ZBackgroundCheckEvent),
  createdAt: z.string(),
});
export type TBackgroundCheck = z.infer<typeof ZBackgroundCheck>;

export const ZApplicationBackgroundChecks = z.object({
  /** Nothing is shown to a blind reviewer, or when the tenant has checks off. */
  hidden: z.boolean(),
  enabled: z.boolean(),
  /** Whether a check may be requested now (offer stage, enabled, none open). */
  canRequest: z.boolean(),
  reason: z.string().nullable(),
  checks: z.array(ZBackgroundCheck),
});
export type TApplicationBackgroundChecks = z.infer<typeof ZApplicationBackgroundChecks>;

export const ZBackgroundCheckIdInput = z.object({ id: ZId });

/** Ordering: the built-in manual provider unless another is named. */
export const ZBackgroundCheckOrderInput = z.object({
  id: ZId,
  provider: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
});

export const ZBackgroundCheckReportUploadInput = z.object({
  id: ZId,
  filename: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(14_000_000),
});

export const ZBackgroundCheckResolveInput = z.object({
  id: ZId,
  resolution: z.string().trim().min(1, 'Say how the dispute was resolved').max(2000),
});

export const ZBackgroundCheckReport = z.object({
  filename: z.string(),
  contentType: z.string(),
  contentBase64: z.string(),
});

/** The candidate's dispute from their page. */
export const BACKGROUND_DISPUTE_MAX = 4000;
export const ZBackgroundDispute = z
  .string()
  .trim()
  .min(1, 'Say what in the report is wrong or incomplete')
  .max(BACKGROUND_DISPUTE_MAX, `Keep it under ${BACKGROUND_DISPUTE_MAX} characters`);

/** The candidate's signature on the authorization: their full name, typed. */
export const ZBackgroundSignature = z.object({
  name: z.string().trim().min(2, 'Type your full name to sign').max(200),
  agree: z.literal('yes', { error: 'Tick the box to authorize the check' }),
});
