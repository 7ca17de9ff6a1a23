import { z } from 'zod';
import type { TDataCategory } from './data-categories.js';
import type { TLegalBasis } from './legal-bases.js';
import type { TRetentionTrigger } from './retention.js';

/**
 * Why Candor processes personal data. Each purpose names its legal basis,
 * the categories it may use, whose data it is, when a tenant uses it and
 * which retention rules (by trigger) end its data; the record of processing
 * (Art. 30) and the careers site's privacy page are derived from this table
 * (see purposes-in-use.ts). The consent boxes on the apply form are the
 * tenant's own optional purposes (privacy settings), all based on consent.
 *
 * `inUseWhen`: `always`; `consent_purpose` when the tenant's privacy
 * settings have an enabled consent purpose with the same key; or
 * `diversity_survey` when the tenant turned its diversity survey on.
 */
export const PURPOSES = {
  recruitment: {
    label: 'Assessing your application for the job you applied to',
    legalBasis: 'gdpr.6.1.b',
    optional: false,
    subjects: 'applicants',
    inUseWhen: 'always',
    retention: ['application_decided', 'candidate_inactive', 'candidate_hired'],
    categories: [
      'user.name',
      'user.contact.email',
      'user.contact.phone_number',
      'user.contact.address',
      'user.contact.url',
      'user.professional.history',
      'user.education',
      'user.professional.right_to_work',
      'user.document.resume',
      'user.recruitment.application',
      'user.recruitment.evaluation',
      'user.financial.salary_expectation',
    ],
  },
  talent_pool: {
    label: 'Keeping your profile to contact you about future roles',
    legalBasis: 'gdpr.6.1.a',
    optional: true,
    subjects: 'applicants',
    inUseWhen: 'consent_purpose',
    retention: ['talent_pool_consent'],
    categories: ['user.name', 'user.contact.email', 'user.professional.history', 'user.document.resume'],
  },
  diversity_reporting: {
    label: 'Anonymous diversity reporting, never used in hiring decisions',
    legalBasis: 'gdpr.9.2.a',
    optional: true,
    subjects: 'applicants',
    inUseWhen: 'diversity_survey',
    retention: ['application_decided', 'candidate_inactive', 'candidate_hired'],
    categories: [
      'user.demographic.age_range',
      'user.demographic.gender',
      'user.demographic.race_ethnicity',
      'user.demographic.sexual_orientation',
      'user.demographic.veteran_status',
      'user.health_and_medical.disability',
    ],
  },
  background_check: {
    label: 'Background and reference checks before an offer',
    legalBasis: 'gdpr.6.1.a',
    optional: true,
    subjects: 'applicants',
    inUseWhen: 'consent_purpose',
    retention: ['application_decided', 'candidate_inactive', 'candidate_hired'],
    // In use as well when the tenant turned background checks on (its own authorization, not an apply-form box).
    categories: ['user.name', 'user.professional.history', 'user.education', 'user.criminal_history'],
  },
  marketing: {
    label: 'News about the company and its open roles',
    legalBasis: 'gdpr.6.1.a',
    optional: true,
    subjects: 'applicants',
    inUseWhen: 'consent_purpose',
    retention: ['candidate_inactive', 'talent_pool_consent', 'candidate_hired'],
    categories: ['user.name', 'user.contact.email'],
  },
  security: {
    label: 'Keeping Candor secure and accountable (staff accounts and audit trail)',
    legalBasis: 'gdpr.6.1.f',
    optional: false,
    subjects: 'staff',
    inUseWhen: 'always',
    retention: ['audit_event'],
    categories: [
      'user.name',
      'user.contact.email',
      'user.authorization.credentials',
      'user.device.ip_address',
      'user.device.user_agent',
      'user.behavior.activity',
    ],
  },
} as const satisfies Record<
  string,
  {
    label: string;
    legalBasis: TLegalBasis;
    optional: boolean;
    subjects: 'applicants' | 'staff';
    inUseWhen: 'always' | 'consent_purpose' | 'diversity_survey';
    /** The triggers of the retention rules that erase or anonymize this purpose's data. */
    retention: readonly TRetentionTrigger[];
    categories: readonly TDataCategory[];
  }
>;

export type TPurpose = keyof typeof PURPOSES;

/**
 * The purposes code names by key, from here only: the consent history, the
 * talent-pool rule and its renewals, the diversity survey, the apply form's
 * defaults and the careers portal all compare against these.
 */
export const RECRUITMENT_PURPOSE = 'recruitment' satisfies TPurpose;
/** The consent purpose whose expiry the talent-pool rule and the renewal emails follow. */
export const TALENT_POOL_PURPOSE = 'talent_pool' satisfies TPurpose;
/** The diversity survey's consent: its answers go when it is withdrawn, and staff never see it in the consent history. */
export const DIVERSITY_PURPOSE = 'diversity_reporting' satisfies TPurpose;
export const MARKETING_PURPOSE = 'marketing' satisfies TPurpose;
export const ZPurpose = z.enum(Object.keys(PURPOSES) as [TPurpose, ...TPurpose[]]);
