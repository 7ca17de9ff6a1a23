import { z } from 'zod';
import { ZCountryCode } from '../hiring/job.js';

/**
 * Retention: when data leaves Candor without anyone remembering to delete
 * it. A policy is a list of rules (what, from when, how long, then what)
 * and per-country overrides of their periods; the tenant's versions are
 * stored, the highest is in force, and a tenant that never saved one runs
 * DEFAULT_RETENTION_POLICY.
 */

/**
 * What starts a rule's clock, and so what it acts on:
 * - `application_decided`: a rejected or withdrawn application, from its decision;
 * - `candidate_inactive`: a candidate without talent-pool consent, from their last activity;
 * - `talent_pool_consent`: a candidate's talent-pool consent, from when it was given (not renewed since);
 * - `candidate_hired`: a hired candidate's recruiting data, from the hire;
 * - `request_completed`: a completed or refused privacy request, from its completion;
 * - `email_sent`: an email in the outbox, from when it was sent (or finally failed), and a candidate's reply, from when it came;
 * - `audit_event`: an audit event, from when it was recorded.
 */
export const RETENTION_TRIGGERS = [
  'application_decided',
  'candidate_inactive',
  'talent_pool_consent',
  'candidate_hired',
  'request_completed',
  'email_sent',
  'audit_event',
] as const;
export const ZRetentionTrigger = z.enum(RETENTION_TRIGGERS);
export type TRetentionTrigger = z.infer<typeof ZRetentionTrigger>;

export const RETENTION_SCOPES = [
  'application',
  'candidate',
  'privacy_request',
  'email',
  'audit_event',
] as const;
export type TRetentionScope = (typeof RETENTION_SCOPES)[number];

/** The record each trigger's rule acts on. */
export const RETENTION_TRIGGER_SCOPE: Record<TRetentionTrigger, TRetentionScope> = {
  application_decided: 'application',
  candidate_inactive: 'candidate',
  talent_pool_consent: 'candidate',
  candidate_hired: 'candidate',
  request_completed: 'privacy_request',
  email_sent: 'email',
  audit_event: 'audit_event',
};

export const RETENTION_ACTIONS = ['anonymize', 'erase'] as const;
export const ZRetentionAction = z.enum(RETENTION_ACTIONS);
export type TRetentionAction = z.infer<typeof ZRetentionAction>;

/** Which actions make sense on what each trigger acts on. */
export const RETENTION_TRIGGER_ACTIONS: Record<TRetentionTrigger, readonly TRetentionAction[]> = {
  application_decided: ['anonymize'],
  candidate_inactive: ['erase'],
  talent_pool_consent: ['erase'],
  candidate_hired: ['erase'],
  request_completed: ['erase'],
  email_sent: ['erase'],
  audit_event: ['erase'],
};

export const ZRetentionPeriod = z.object({
  amount: z.number().int().min(1, 'At least 1').max(1200, 'At most 1200'),
  unit: z.enum(['days', 'months']),
});
export type TRetentionPeriod = z.infer<typeof ZRetentionPeriod>;

/** "24 months", "1 day". */
export function periodLabel(period: TRetentionPeriod): string {
  return `${period.amount} ${period.amount === 1 ? period.unit.replace(/s$/, '') : period.unit}`;
}

export const ZRetentionRuleId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{1,39}$/,
    'Use lowercase letters, digits and underscores, like rejected_applications',
  );

export const ZRetentionRule = z.object({
  /** Stable key: overrides, runs and audit events refer to the rule by it. */
  id: ZRetentionRuleId,
  label: z.string().trim().min(1, 'Name the rule').max(120),
  trigger: ZRetentionTrigger,
  period: ZRetentionPeriod,
  action: ZRetentionAction,
  enabled: z.boolean().default(true),
  /** talent_pool_consent only: ask the candidate to renew this many days before the consent runs out (0: never ask). */
  renewalNoticeDays: z.number().int().min(0).max(365).default(0),
});
export type TRetentionRule = z.output<typeof ZRetentionRule>;

/** A different period for one rule where the job (or the request) is in this country. */
export const ZRetentionOverride = z.object({
  country: ZCountryCode,
  ruleId: ZRetentionRuleId,
  period: ZRetentionPeriod,
});
export type TRetentionOverride = z.output<typeof ZRetentionOverride>;

export const ZRetentionPolicy = z
  .object({
    rules: z.array(ZRetentionRule).min(1, 'Keep at least one rule').max(20),
    overrides: z.array(ZRetentionOverride).max(100, 'At most 100 overrides'),
  })
  .superRefine((policy, ctx) => {
    const ids = new Set<string>();
    policy.rules.forEach((rule, i) => {
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'Used twice' });
      ids.add(rule.id);
      if (!RETENTION_TRIGGER_ACTIONS[rule.trigger].includes(rule.action)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'action'],
          message: `Allowed for this trigger: ${RETENTION_TRIGGER_ACTIONS[rule.trigger].join(', ')}`,
        });
      }
    });
    const seen = new Set<string>();
    policy.overrides.forEach((o, i) => {
      if (!ids.has(o.ruleId))
        ctx.addIssue({ code: 'custom', path: ['overrides', i, 'ruleId'], message: 'No rule with this id' });
      const key = `${o.country}/${o.ruleId}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', i, 'country'],
          message: 'This country already overrides this rule',
        });
      seen.add(key);
    });
  });
export type TRetentionPolicy = z.output<typeof ZRetentionPolicy>;

export const DEFAULT_RETENTION_POLICY: TRetentionPolicy = {
  rules: [
    {
      id: 'rejected_applications',
      label: 'Rejected or withdrawn applications: anonymize 6 months after the decision',
      trigger: 'application_decided',
      period: { amount: 6, unit: 'months' },
      action: 'anonymize',
      enabled: true,
      renewalNoticeDays: 0,
    },
    {
      id: 'inactive_candidates',
      label: 'Candidates without talent-pool consent: erase after 12 months without activity',
      trigger: 'candidate_inactive',
      period: { amount: 12, unit: 'months' },
      action: 'erase',
      enabled: true,
      renewalNoticeDays: 0,
    },
    {
      id: 'talent_pool',
      label: 'Talent-pool consent lasts 24 months: ask for renewal 30 days before, erase if not renewed',
      trigger: 'talent_pool_consent',
      period: { amount: 24, unit: 'months' },
      action: 'erase',
      enabled: true,
      renewalNoticeDays: 30,
    },
    {
      id: 'hired_candidates',
      label: 'Hired candidates: erase the recruiting data 90 days after the hire (after export to HR)',
      trigger: 'candidate_hired',
      period: { amount: 90, unit: 'days' },
      action: 'erase',
      enabled: true,
      renewalNoticeDays: 0,
    },
    {
      id: 'privacy_requests',
      label: 'Completed privacy requests: keep 3 years as proof, then erase',
      trigger: 'request_completed',
      period: { amount: 36, unit: 'months' },
      action: 'erase',
      enabled: true,
      renewalNoticeDays: 0,
    },
    {
      id: 'sent_emails',
      label: 'Sent emails: delete the outbox copy 30 days after sending',
      trigger: 'email_sent',
      period: { amount: 30, unit: 'days' },
      action: 'erase',
      enabled: true,
      renewalNoticeDays: 0,
    },
    {
      id: 'audit_events',
      label: 'Audit events: keep 6 years, then delete (the hash chain records the cut)',
      trigger: 'audit_event',
      period: { amount: 72, unit: 'months' },
      action: 'erase',
      enabled: true,
      renewalNoticeDays: 0,
    },
  ],
  overrides: [],
};

/** The period of a rule where the job (or request) is in `country` (ISO-2, or null when unknown). */
export function periodFor(
  policy: TRetentionPolicy,
  rule: TRetentionRule,
  country: string | null,
): TRetentionPeriod {
  if (!country) return rule.period;
  return (
    policy.overrides.find((o) => o.ruleId === rule.id && o.country === country.toUpperCase())?.period ??
    rule.period
  );
}

/**
 * How long a talent-pool consent lasts where the candidate's latest job is
 * in `country`, and how many days before its end they are asked to renew:
 * the enabled talent-pool rule of the policy (country override applied).
 * Null when no rule ends it (then it lasts until withdrawn). The retention
 * sweep, the renewal emails, the consent receipt and every text telling an
 * applicant how long the talent pool lasts read this one function.
 */
export function talentPoolTerm(
  policy: TRetentionPolicy,
  country: string | null,
): { period: TRetentionPeriod; noticeDays: number } | null {
  const rule = policy.rules.find((r) => r.trigger === 'talent_pool_consent' && r.enabled);
  return rule ? { period: periodFor(policy, rule, country), noticeDays: rule.renewalNoticeDays } : null;
}

const DAY_MS = 86_400_000;

/**
 * The instant a period before `now`: something whose clock started before
 * it is due. Months are calendar months, keeping the time of day; a day
 * that does not exist in the target month becomes its last day.
 */
export function retentionCutoff(now: Date, period: TRetentionPeriod): Date {
  if (period.unit === 'days') return new Date(now.getTime() - period.amount * DAY_MS);
  const target = new Date(now.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - period.amount);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

/** The policy as stored, with who saved it and when. */
export const ZRetentionPolicyVersion = z.object({
  /** 0: the built-in defaults (never saved). */
  version: z.number().int().min(0),
  policy: ZRetentionPolicy,
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime().nullable(),
});
export type TRetentionPolicyVersion = z.output<typeof ZRetentionPolicyVersion>;

export const ZRetentionPolicyResult = z.object({
  current: ZRetentionPolicyVersion,
  defaults: ZRetentionPolicy,
});
export type TRetentionPolicyResult = z.output<typeof ZRetentionPolicyResult>;

export const ZRetentionPreviewInput = z.object({
  /** The day to look at (YYYY-MM-DD); the sweep of that day, at its end. */
  date: z.iso.date('Use a date like 2027-06-30'),
  /** An unsaved policy to try; absent: the one in force. */
  policy: ZRetentionPolicy.optional(),
});

/**
 * What a run counted, per rule and in total. `found`: items this worker
 * confirmed due inside their own transaction (an item another worker was
 * processing at the time is left to it and not counted here), so over
 * concurrent workers the counts add up. In a dry run, what would happen.
 */
export const ZRetentionCounts = z.object({
  found: z.number().int(),
  done: z.number().int(),
  skippedHold: z.number().int(),
  failed: z.number().int(),
});
export type TRetentionCounts = z.output<typeof ZRetentionCounts>;

export const ZRetentionPreview = z.object({
  date: z.string(),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      label: z.string(),
      action: ZRetentionAction,
      enabled: z.boolean(),
      count: z.number().int(),
      /** Of `count`, how many are under a legal hold today and would be skipped. */
      held: z.number().int(),
    }),
  ),
  /** Talent-pool consents that run out within the renewal notice (renewal emails would go out). */
  renewalsDue: z.number().int(),
  /** Hired candidates past the hired rule's period whose record HR has not received: kept until it is exported. */
  awaitingHrExport: z.number().int(),
  /** The first affected candidates, by rule. */
  candidates: z.array(
    z.object({
      candidateId: z.string(),
      name: z.string(),
      ruleId: z.string(),
      action: ZRetentionAction,
      /** The application (anonymize) or request (erase) the rule acts on, when not the candidate. */
      targetId: z.string().nullable(),
    }),
  ),
});
export type TRetentionPreview = z.output<typeof ZRetentionPreview>;

export const ZRetentionRun = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  dryRun: z.boolean(),
  workerId: z.string(),
  policyVersion: z.number().int(),
  found: z.number().int(),
  done: z.number().int(),
  skippedHold: z.number().int(),
  failed: z.number().int(),
  /** Per rule id. */
  rules: z.record(z.string(), ZRetentionCounts),
});
export type TRetentionRun = z.output<typeof ZRetentionRun>;

// Strict: its one field has a default, so unknown keys would otherwise pass as a run.
export const ZRetentionRunNowInput = z.strictObject({ dryRun: z.boolean().default(true) });
