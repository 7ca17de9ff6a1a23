import { z } from 'zod';

export const ZPurposeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use lowercase letters, digits and underscores, like talent_pool');

/**
 * An optional purpose the tenant asks applicants to consent to. Applying
 * itself is never one of them (its basis is steps before a contract).
 * `marketing` purposes are the ones a Global Privacy Control signal declines.
 */
export const ZConsentPurpose = z.object({
  key: ZPurposeKey,
  label: z.string().trim().min(1, 'Say what the applicant agrees to').max(160),
  description: z.string().trim().max(500).default(''),
  marketing: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type TConsentPurpose = z.output<typeof ZConsentPurpose>;

/** Every field is required: a save states the whole settings (DEFAULT_PRIVACY_SETTINGS fills what was never saved). */
export const ZPrivacySettings = z
  .object({
    /** Applicants confirm they are at least this old. */
    minimumAge: z.number().int().min(14).max(21),
    /** Ask for a salary expectation (never for salary history). */
    askSalaryExpectation: z.boolean(),
    consentPurposes: z.array(ZConsentPurpose).max(10),
    /** Who applicants contact about their data; named in consent receipts. */
    contactEmail: z.union([z.literal(''), z.email('Enter a valid email address')]),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.consentPurposes.forEach((purpose, i) => {
      if (seen.has(purpose.key)) ctx.addIssue({ code: 'custom', path: ['consentPurposes', i, 'key'], message: 'Used twice' });
      seen.add(purpose.key);
    });
  });
export type TPrivacySettings = z.output<typeof ZPrivacySettings>;

export const DEFAULT_PRIVACY_SETTINGS: TPrivacySettings = {
  minimumAge: 18,
  askSalaryExpectation: false,
  contactEmail: '',
  consentPurposes: [
    {
      key: 'talent_pool',
      label: 'Keep my profile in the talent pool and contact me about future roles',
      description: 'We keep your profile for 24 months and ask you before that ends.',
      marketing: false,
      enabled: true,
    },
    {
      key: 'marketing',
      label: 'Send me news about the company and new roles by email',
      description: 'At most once a month; every email has a link to stop it.',
      marketing: true,
      enabled: true,
    },
  ],
};
