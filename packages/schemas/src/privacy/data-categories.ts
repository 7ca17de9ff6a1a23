import { z } from 'zod';

/**
 * Data categories in the fideslang dotted taxonomy (`user.*`), extended for
 * recruitment. `special` marks GDPR Art. 9 special categories, which need an
 * Art. 9(2) condition and are stored encrypted.
 */
export const DATA_CATEGORIES = {
  'user.name': { label: 'Name', special: false },
  'user.contact.email': { label: 'Email address', special: false },
  'user.contact.phone_number': { label: 'Phone number', special: false },
  'user.contact.address': { label: 'Postal address or location', special: false },
  'user.contact.url': { label: 'Profile links', special: false },
  'user.authorization.credentials': { label: 'Password hash and sign-in secrets', special: false },
  'user.device.ip_address': { label: 'IP address', special: false },
  'user.device.user_agent': { label: 'Browser user agent', special: false },
  'user.demographic.age_range': { label: 'Age band', special: false },
  'user.demographic.gender': { label: 'Gender', special: false },
  'user.demographic.race_ethnicity': { label: 'Racial or ethnic origin', special: true },
  'user.demographic.sexual_orientation': { label: 'Sexual orientation', special: true },
  'user.demographic.veteran_status': { label: 'Veteran status', special: false },
  'user.health_and_medical.disability': { label: 'Disability', special: true },
  'user.professional.history': { label: 'Work history', special: false },
  'user.education': { label: 'Education', special: false },
  'user.professional.right_to_work': { label: 'Right to work', special: false },
  'user.document.resume': { label: 'Resume and other documents', special: false },
  'user.recruitment.application': { label: 'Application answers and status', special: false },
  'user.recruitment.evaluation': { label: 'Evaluations, scorecards and notes', special: false },
  'user.financial.salary_expectation': { label: 'Salary expectation', special: false },
  'user.behavior.activity': { label: 'Activity in Candor (audit trail)', special: false },
  'user.privacy.consent': { label: 'Consent decisions and receipts', special: false },
  // GDPR Art. 10: not an Art. 9 special category, but only under official authority or law, sealed, few readers.
  'user.criminal_history': { label: 'Criminal records and background-check reports', special: false },
} as const satisfies Record<string, { label: string; special: boolean }>;

export type TDataCategory = keyof typeof DATA_CATEGORIES;
export const DATA_CATEGORY_NAMES = Object.keys(DATA_CATEGORIES) as [TDataCategory, ...TDataCategory[]];
export const ZDataCategory = z.enum(DATA_CATEGORY_NAMES);

export function isSpecialCategory(category: TDataCategory): boolean {
  return DATA_CATEGORIES[category].special;
}
