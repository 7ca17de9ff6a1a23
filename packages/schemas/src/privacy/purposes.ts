import { z } from 'zod';
import type { TDataCategory } from './data-categories.js';
import type { TLegalBasis } from './legal-bases.js';

/**
 * Why Candor processes personal data. Each purpose names its legal basis and
 * the categories it may use; the record of processing (Art. 30) is derived
 * from this table. The consent boxes on the apply form are the tenant's own
 * optional purposes (privacy settings), all based on consent.
 */
export const PURPOSES = {
  recruitment: {
    label: 'Assessing your application for the job you applied to',
    legalBasis: 'gdpr.6.1.b',
    optional: false,
    categories: [
      'user.name',
      'user.contact.email',
      'user.contact.phone_number',
      'user.contact.address',
      'user.contact.url',
      'user.professional.history',
      'user.education',
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
    categories: ['user.name', 'user.contact.email', 'user.professional.history', 'user.document.resume'],
  },
  diversity_reporting: {
    label: 'Anonymous diversity reporting, never used in hiring decisions',
    legalBasis: 'gdpr.9.2.a',
    optional: true,
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
    categories: ['user.name', 'user.professional.history', 'user.education'],
  },
  marketing: {
    label: 'News about the company and its open roles',
    legalBasis: 'gdpr.6.1.a',
    optional: true,
    categories: ['user.name', 'user.contact.email'],
  },
  security: {
    label: 'Keeping Candor secure and accountable (staff accounts and audit trail)',
    legalBasis: 'gdpr.6.1.f',
    optional: false,
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
  { label: string; legalBasis: TLegalBasis; optional: boolean; categories: readonly TDataCategory[] }
>;

export type TPurpose = keyof typeof PURPOSES;
export const ZPurpose = z.enum(Object.keys(PURPOSES) as [TPurpose, ...TPurpose[]]);
