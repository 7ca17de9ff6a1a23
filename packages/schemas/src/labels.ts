/**
 * The constants and labels a page shows before it validates anything: role
 * and request-type names, the single sign-on refusals, a candidate's label.
 * No Zod here, so the backoffice's sign-in page and dashboard can import them
 * (`@candor/schemas/labels`) without downloading Zod and every schema (issue
 * 16's first-load budget). The schema modules build their enums from these
 * lists and re-export them, so `@candor/schemas` offers the same names.
 */

export const ROLES = ['owner', 'admin', 'recruiter', 'hiring_manager'] as const;
export type TRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<TRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
};

/** What an applicant (or someone for them) asks of the company about their data. */
export const REQUEST_TYPES = [
  'access',
  'portability',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'consent_withdrawal',
  'opt_out',
] as const;
export type TRequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<TRequestType, string> = {
  access: 'Access (a copy of the data)',
  portability: 'Portability (machine-readable export)',
  rectification: 'Rectification (correct the data)',
  erasure: 'Erasure',
  restriction: 'Restriction of processing',
  objection: 'Objection',
  consent_withdrawal: 'Consent withdrawal',
  opt_out: 'Opt-out of sale or sharing',
};

/**
 * The legal regime a request's deadlines follow: GDPR-style (EEA, UK,
 * Switzerland), CCPA/CPRA (California), or `other`, which gets the stricter
 * GDPR clock because no one should wait longer for lack of a rule.
 */
export const JURISDICTIONS = ['eea_uk_ch', 'california', 'other'] as const;
export type TJurisdiction = (typeof JURISDICTIONS)[number];

/**
 * Why a single sign-on did not sign in: the callback sends the sign-in page
 * one of these (never the provider's own text), which it turns into a message.
 */
export const SINGLE_SIGN_ON_ERRORS = [
  'not_available',
  'choose_organisation',
  'expired',
  'other_browser',
  'provider_refused',
  'failed',
  'email_not_verified',
  'domain_not_allowed',
  'not_a_member',
  'too_many_attempts',
] as const;
export type TSingleSignOnError = (typeof SINGLE_SIGN_ON_ERRORS)[number];

export function isSingleSignOnError(value: unknown): value is TSingleSignOnError {
  return (SINGLE_SIGN_ON_ERRORS as readonly unknown[]).includes(value);
}

/** What the UI calls the candidate: their name, or the alias under blind review. */
export function candidateLabel(
  candidate: { blind: false; name: string } | { blind: true; alias: string },
): string {
  return candidate.blind ? candidate.alias : candidate.name;
}

/** What a staff notification is about; `candidate_replied` is raised by the inbound mail. */
export const NOTIFICATION_KINDS = [
  'new_application',
  'scorecard_due',
  'interview_tomorrow',
  'candidate_replied',
  'offer_accepted',
  'offer_declined',
  'reference_received',
  'mention',
  'request_due',
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<TNotificationKind, string> = {
  new_application: 'New application',
  scorecard_due: 'Scorecard due',
  interview_tomorrow: 'Interview tomorrow',
  candidate_replied: 'Candidate replied',
  offer_accepted: 'Offer accepted',
  offer_declined: 'Offer declined',
  reference_received: 'Reference received',
  mention: 'Mentioned you',
  request_due: 'Privacy request due',
};
