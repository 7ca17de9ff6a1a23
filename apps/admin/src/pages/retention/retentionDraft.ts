import {
  RETENTION_TRIGGER_ACTIONS,
  type TRetentionAction,
  type TRetentionPeriod,
  type TRetentionPolicy,
  type TRetentionPolicyVersion,
  type TRetentionTrigger,
} from '@candor/schemas';
import { newRowKey } from '../../lib/listEditing';
import { toHttpError } from '../../providers/errors';

export const RETENTION_POLICY_KEY = ['retention', 'policy'] as const;
export const RETENTION_RUNS_KEY = ['retention', 'runs'] as const;

/** Field errors by path ("rules.2.period.amount"), one line each; `form` for the rest. */
export type Errors = Record<string, string | undefined>;

/** What starts each trigger's clock, for people rather than code. */
export const TRIGGER_TEXT: Record<TRetentionTrigger, string> = {
  application_decided: 'A rejected or withdrawn application, from the decision',
  candidate_inactive: 'A candidate without talent-pool consent, from their last activity',
  talent_pool_consent: 'A talent-pool consent, from when it was given (unless renewed)',
  candidate_hired: 'A hired candidate’s recruiting data, from the hire',
  request_completed: 'A completed or refused privacy request, from its completion',
  email_sent:
    'An email to or from a candidate: ours from when it was sent (or finally failed), their replies from when they came',
  audit_event: 'An audit event, from when it was recorded',
};

export const ACTION_TEXT: Record<TRetentionAction, string> = {
  anonymize: 'Anonymize',
  erase: 'Erase',
};

export const UNIT_TEXT: Record<TRetentionPeriod['unit'], string> = { days: 'days', months: 'months' };

export function allowedActions(trigger: TRetentionTrigger): readonly TRetentionAction[] {
  return RETENTION_TRIGGER_ACTIONS[trigger];
}

/** Numbers as typed, so an empty or odd value reaches validation and is reported at its field. */
export type DraftPeriod = { amount: string; unit: TRetentionPeriod['unit'] };

export type DraftRule = {
  id: string;
  label: string;
  trigger: TRetentionTrigger;
  period: DraftPeriod;
  action: TRetentionAction;
  enabled: boolean;
  renewalNoticeDays: string;
  /** The period the label names while the one typed is not a number yet (see withPeriod). */
  labelPeriod?: DraftPeriod;
};

export type DraftOverride = { rowKey: string; country: string; ruleId: string; period: DraftPeriod };

export type RetentionDraft = { rules: DraftRule[]; overrides: DraftOverride[] };

const draftPeriod = (period: TRetentionPeriod): DraftPeriod => ({
  amount: String(period.amount),
  unit: period.unit,
});

export function toRetentionDraft(policy: TRetentionPolicy): RetentionDraft {
  return {
    rules: policy.rules.map((rule) => ({
      ...rule,
      period: draftPeriod(rule.period),
      renewalNoticeDays: String(rule.renewalNoticeDays),
    })),
    overrides: policy.overrides.map((o) => ({ rowKey: newRowKey(), ...o, period: draftPeriod(o.period) })),
  };
}

/** "" stays NaN rather than 0: validation then says the field needs a number. */
const toNumber = (typed: string): number => (typed.trim() === '' ? Number.NaN : Number(typed));

const toPeriod = (period: DraftPeriod): TRetentionPeriod => ({
  amount: toNumber(period.amount),
  unit: period.unit,
});

/** The policy to save or preview; only the talent-pool rule keeps a renewal notice. */
export function toRetentionPolicy(draft: RetentionDraft): TRetentionPolicy {
  return {
    rules: draft.rules.map((rule) => ({
      id: rule.id,
      label: rule.label.trim(),
      trigger: rule.trigger,
      period: toPeriod(rule.period),
      action: rule.action,
      enabled: rule.enabled,
      renewalNoticeDays: rule.trigger === 'talent_pool_consent' ? toNumber(rule.renewalNoticeDays) : 0,
    })),
    overrides: draft.overrides.map((o) => ({
      country: o.country.trim().toUpperCase(),
      ruleId: o.ruleId,
      period: toPeriod(o.period),
    })),
  };
}

/** Whether the form differs from what is saved (row keys aside). */
export function isDirty(draft: RetentionDraft, saved: TRetentionPolicy): boolean {
  return (
    JSON.stringify(toRetentionPolicy(draft)) !== JSON.stringify(toRetentionPolicy(toRetentionDraft(saved)))
  );
}

export function newOverride(draft: RetentionDraft): DraftOverride {
  const rule = draft.rules[0];
  return {
    rowKey: newRowKey(),
    country: '',
    ruleId: rule?.id ?? '',
    period: rule ? { ...rule.period } : { amount: '', unit: 'months' },
  };
}

/** "Version 3, saved by Ada Admin on 12 Mar 2026, 14:05", or that the built-in defaults apply. */
export function versionLine(current: TRetentionPolicyVersion, formatDate: (iso: string) => string): string {
  if (current.version === 0) return 'Defaults, never saved';
  const by = current.createdBy ? ` by ${current.createdBy}` : '';
  const on = current.createdAt ? ` on ${formatDate(current.createdAt)}` : '';
  return `Version ${current.version}, saved${by}${on}`;
}

/** The paths this editor shows next to a field; any other error goes to the form's alert. */
const SHOWN_AT_A_FIELD =
  /^(rules\.\d+\.(label|period\.amount|period\.unit|action|renewalNoticeDays)|overrides\.\d+\.(country|ruleId|period\.amount|period\.unit))$/;

export function errorsNotAtAField(errors: Errors): string[] {
  return Object.entries(errors).flatMap(([path, message]) =>
    path !== 'form' && message && !SHOWN_AT_A_FIELD.test(path) ? [message] : [],
  );
}

/** The server's (or the browser's) field errors, with one line above them for the form. */
export function errorsOf(error: unknown, prefix = ''): Errors {
  const httpError = toHttpError(error);
  const all: Record<string, string> = httpError.body?.errors ?? {};
  // The preview's input wraps the policy: its paths start with "policy.".
  const fields: Errors = Object.fromEntries(
    Object.entries(all).flatMap(([path, message]) =>
      path.startsWith(prefix) ? [[path.slice(prefix.length), message]] : [],
    ),
  );
  const elsewhere = errorsNotAtAField(fields);
  const form =
    Object.keys(fields).length === 0
      ? httpError.message
      : ['Some rules are not valid; see the messages at the fields.', ...elsewhere].join(' ');
  return { ...fields, form };
}

/** Every way a label may write `period`: "6 months", "1 month", and "3 years" for 36 months. */
function periodWordings(period: DraftPeriod): string[] {
  const amount = Number(period.amount);
  if (!Number.isInteger(amount) || amount <= 0) return [];
  const singular = period.unit === 'days' ? 'day' : 'month';
  const wordings = [`${amount} ${amount === 1 ? singular : period.unit}`];
  if (period.unit === 'months' && amount % 12 === 0) {
    const years = amount / 12;
    wordings.push(`${years} ${years === 1 ? 'year' : 'years'}`);
  }
  return wordings;
}

/** How a label should write `period`: in years when it is whole years, else as given. */
function periodWording(period: DraftPeriod): string | null {
  const wordings = periodWordings(period);
  return wordings.at(-1) ?? null;
}

/**
 * The rule with its new period, its label following: a label that names the
 * old period ("… anonymize 6 months after the decision") names the new one,
 * so the list never says one thing while the rule does another. A label
 * written without the period stays as it is.
 */
export function withPeriod(rule: DraftRule, period: DraftPeriod): DraftRule {
  // Cleared on the way from "24" to "3": the label still names the last whole period.
  const named = rule.labelPeriod ?? rule.period;
  const old = periodWordings(named).find((wording) => new RegExp(`\\b${wording}\\b`).test(rule.label));
  const next = periodWording(period);
  if (!old) return { ...rule, period, labelPeriod: undefined };
  if (!next) return { ...rule, period, labelPeriod: named };
  return {
    ...rule,
    period,
    labelPeriod: undefined,
    label: rule.label.replace(new RegExp(`\\b${old}\\b`), next),
  };
}
