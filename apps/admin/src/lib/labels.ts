import {
  EMAIL_TEMPLATES,
  EMPLOYMENT_TYPE_LABELS,
  type OUTBOX_STATUSES,
  SOURCE_LABELS,
  STAGE_KIND_LABELS,
  type TApplicationStatus,
  type TJob,
  type TJobStatus,
  type TSalaryRange,
} from '@candor/schemas';

export type Choice = { id: string; name: string };

/**
 * What staff are told about their notes, scorecards and rejection notes: the
 * careers site never shows them, but they are the candidate's personal data,
 * so the copy the candidate may ask for (GDPR Art. 15) includes them.
 */
export const IN_CANDIDATE_COPY =
  'Not shown to the candidate on the careers site, but the candidate can ask for a copy of their data, which includes this.';

type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

function choicesOf(labels: Record<string, string>): Choice[] {
  return Object.entries(labels).map(([id, name]) => ({ id, name }));
}

export const JOB_STATUS_LABELS: Record<TJobStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  archived: 'Archived',
};
export const JOB_STATUS_COLORS: Record<TJobStatus, ChipColor> = {
  draft: 'default',
  open: 'success',
  closed: 'warning',
  archived: 'default',
};
export const JOB_STATUS_CHOICES = choicesOf(JOB_STATUS_LABELS);

/** The button that moves a job to a status, named for what the recruiter means. */
export function jobTransitionLabel(from: TJobStatus, to: TJobStatus): string {
  if (to === 'open') return from === 'draft' ? 'Publish' : 'Reopen';
  if (to === 'closed') return 'Close';
  if (to === 'archived') return 'Archive';
  return JOB_STATUS_LABELS[to];
}

export const WORKPLACE_LABELS: Record<TJob['workplace'], string> = {
  onsite: 'On-site',
  hybrid: 'Hybrid',
  remote: 'Remote',
};
export const WORKPLACE_CHOICES = choicesOf(WORKPLACE_LABELS);
export const EMPLOYMENT_TYPE_CHOICES = choicesOf(EMPLOYMENT_TYPE_LABELS);

export const SALARY_PERIOD_LABELS: Record<TSalaryRange['period'], string> = {
  year: 'per year',
  month: 'per month',
  hour: 'per hour',
};
export const SALARY_PERIOD_CHOICES = choicesOf(SALARY_PERIOD_LABELS);

export const HIRING_TEAM_ROLE_LABELS: Record<TJob['hiringTeam'][number]['role'], string> = {
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  interviewer: 'Interviewer',
};
export const HIRING_TEAM_ROLE_CHOICES = choicesOf(HIRING_TEAM_ROLE_LABELS);

export const QUESTION_KIND_LABELS: Record<TJob['questions'][number]['kind'], string> = {
  short_text: 'Short answer',
  long_text: 'Long answer',
  yes_no: 'Yes / no',
  single_choice: 'Single choice',
};
export const QUESTION_KIND_CHOICES = choicesOf(QUESTION_KIND_LABELS);

export const STAGE_KIND_CHOICES = choicesOf(STAGE_KIND_LABELS);
export const SOURCE_CHOICES = choicesOf(SOURCE_LABELS);

export const APPLICATION_STATUS_LABELS: Record<TApplicationStatus, string> = {
  active: 'Active',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  hired: 'Hired',
};
export const APPLICATION_STATUS_COLORS: Record<TApplicationStatus, ChipColor> = {
  active: 'info',
  rejected: 'error',
  withdrawn: 'default',
  hired: 'success',
};
export const APPLICATION_STATUS_CHOICES = choicesOf(APPLICATION_STATUS_LABELS);

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
};
export const OUTBOX_STATUS_COLORS: Record<OutboxStatus, ChipColor> = {
  pending: 'warning',
  sent: 'success',
  failed: 'error',
};
export const OUTBOX_STATUS_CHOICES = choicesOf(OUTBOX_STATUS_LABELS);

/** Emails the tenant cannot edit, which the outbox shows too. */
const SYSTEM_EMAIL_LABELS: Record<string, string> = {
  'user.invite': 'Invitation',
  'user.password_reset': 'Password reset link',
  'portal.code': 'Privacy portal code',
  'portal.consent_withdrawal': 'Consent withdrawal receipt',
  privacy_request: 'Privacy request',
  privacy_request_digest: 'Privacy requests due',
  recipient_notice: 'Notice to a recipient (Art. 19)',
};

export const EMAIL_TEMPLATE_CHOICES: Choice[] = [
  ...Object.entries(EMAIL_TEMPLATES).map(([id, template]) => ({ id, name: template.label })),
  ...Object.entries(SYSTEM_EMAIL_LABELS).map(([id, name]) => ({ id, name })),
];

/** "Rejection" for "rejection"; an unknown template shows as its key. */
export function emailTemplateLabel(template: string): string {
  if (Object.hasOwn(EMAIL_TEMPLATES, template))
    return EMAIL_TEMPLATES[template as keyof typeof EMAIL_TEMPLATES].label;
  return SYSTEM_EMAIL_LABELS[template] ?? template;
}

/** "Berlin, DE · Hybrid" or "Remote". */
export function locationLabel(job: Pick<TJob, 'city' | 'country' | 'workplace'>): string {
  const place = [job.city, job.country].filter(Boolean).join(', ');
  const workplace = WORKPLACE_LABELS[job.workplace];
  return place ? `${place} · ${workplace}` : workplace;
}

/** "EUR 60,000–75,000 per year", in the reader's number format. */
export function salaryLabel(salary: TSalaryRange | null, locale?: string): string {
  if (!salary) return 'Not stated';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return `${salary.currency} ${number.format(salary.min)}–${number.format(salary.max)} ${SALARY_PERIOD_LABELS[salary.period]}`;
}
