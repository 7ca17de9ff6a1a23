import { z } from 'zod';
import { DEFAULT_BACKGROUND_CHECK_SETTINGS, ZBackgroundCheckSettings } from '../hiring/background-check.js';
import { ZCountryCode } from '../hiring/job.js';
import { MARKETING_PURPOSE, TALENT_POOL_PURPOSE } from './purposes.js';
import { ZSourcedNoticeMode } from './sourced-notice.js';

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

/** The European Economic Area (EU members, Iceland, Liechtenstein, Norway): data may flow here without a Chapter V safeguard. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);

export const RECIPIENT_ROLES = ['processor', 'controller'] as const;
export const ZRecipientRole = z.enum(RECIPIENT_ROLES);
export type TRecipientRole = z.infer<typeof ZRecipientRole>;

/** The GDPR Chapter V mechanism a transfer outside the EEA relies on; `none` only for recipients inside it. */
export const TRANSFER_SAFEGUARDS = ['none', 'adequacy', 'scc', 'bcr', 'derogation'] as const;
export const ZTransferSafeguard = z.enum(TRANSFER_SAFEGUARDS);
export type TTransferSafeguard = z.infer<typeof ZTransferSafeguard>;

/** How the record of processing and the backoffice name each safeguard. */
export const TRANSFER_SAFEGUARD_LABELS: Record<TTransferSafeguard, string> = {
  none: 'None (inside the EEA)',
  adequacy: 'Adequacy decision (Art. 45)',
  scc: 'Standard contractual clauses (Art. 46(2)(c))',
  bcr: 'Binding corporate rules (Art. 47)',
  derogation: 'Derogation for a specific situation (Art. 49)',
};

const ZOptionalEmail = z.union([z.literal(''), z.email('Enter a valid email address')]);

/**
 * Someone outside the company the data is disclosed to (Art. 30(1)(d)):
 * a processor working for the company, or a controller in its own right
 * (e.g. a background-check company). Art. 19 notices go to `notifyEmail`.
 */
export const ZRecipient = z.object({
  name: z.string().trim().min(1, 'Name the recipient').max(120),
  role: ZRecipientRole,
  purpose: z.string().trim().min(1, 'Say what they receive the data for').max(200),
  country: ZCountryCode,
  safeguard: ZTransferSafeguard,
  /** Where rectification, erasure and restriction notices go (Art. 19); '' sends none. */
  notifyEmail: ZOptionalEmail,
  /** The HR system hires go to with "Export to HR": each export is logged as a disclosure to it. */
  hrExport: z.boolean().default(false),
});
export type TRecipient = z.output<typeof ZRecipient>;

/** Whether disclosing to this recipient is a transfer to a third country (GDPR Chapter V). */
export function isTransfer(recipient: Pick<TRecipient, 'country'>): boolean {
  return !EEA_COUNTRIES.has(recipient.country.trim().toUpperCase());
}

/** Every field is required: a save states the whole settings (DEFAULT_PRIVACY_SETTINGS fills what was never saved). */
export const ZPrivacySettings = z
  .object({
    /** Applicants confirm they are at least this old. */
    minimumAge: z.number().int().min(14).max(21),
    /** Ask for a salary expectation (never for salary history). */
    askSalaryExpectation: z.boolean(),
    consentPurposes: z.array(ZConsentPurpose).max(10),
    /** Who applicants contact about their data; named in consent receipts. */
    contactEmail: ZOptionalEmail,
    /** The controller's postal address, for the record of processing. */
    controllerAddress: z.string().trim().max(300),
    /** The data protection officer, if one is designated (Art. 37). */
    dpo: z.object({
      name: z.string().trim().max(120),
      email: ZOptionalEmail,
    }),
    recipients: z.array(ZRecipient).max(20, 'At most 20 recipients'),
    /** The company's own organisational measures, listed after Candor's built-in ones. */
    securityMeasures: z
      .array(z.string().trim().min(1, 'Describe the measure or remove it').max(300))
      .max(20, 'At most 20 measures'),
    /** Subject exports name the staff who wrote scorecards and notes; by default they show the author's role only. */
    exportStaffNames: z.boolean().default(false),
    /** When people added by staff are told where their data came from (Art. 14): see sourced-notice.ts. */
    sourcedNotice: ZSourcedNoticeMode.default('when_added'),
    /** Background checks at the offer stage (docs/background-checks.md): off unless the tenant turns them on. */
    backgroundChecks: ZBackgroundCheckSettings.default(DEFAULT_BACKGROUND_CHECK_SETTINGS),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.consentPurposes.forEach((purpose, i) => {
      if (seen.has(purpose.key))
        ctx.addIssue({ code: 'custom', path: ['consentPurposes', i, 'key'], message: 'Used twice' });
      seen.add(purpose.key);
    });
    settings.recipients.forEach((recipient, i) => {
      if (recipient.safeguard === 'none' && isTransfer(recipient)) {
        ctx.addIssue({
          code: 'custom',
          path: ['recipients', i, 'safeguard'],
          message: 'Name the safeguard for a transfer outside the EEA',
        });
      }
    });
  });
export type TPrivacySettings = z.output<typeof ZPrivacySettings>;

export const DEFAULT_PRIVACY_SETTINGS: TPrivacySettings = {
  minimumAge: 18,
  askSalaryExpectation: false,
  contactEmail: '',
  controllerAddress: '',
  dpo: { name: '', email: '' },
  recipients: [],
  securityMeasures: [],
  exportStaffNames: false,
  sourcedNotice: 'when_added',
  backgroundChecks: DEFAULT_BACKGROUND_CHECK_SETTINGS,
  consentPurposes: [
    {
      key: TALENT_POOL_PURPOSE,
      label: 'Keep my profile in the talent pool and contact me about future roles',
      // How long it lasts is not written here: the form adds it from the retention policy in force.
      description:
        'We contact you only about roles that fit you; you can leave at any time in the privacy portal.',
      marketing: false,
      enabled: true,
    },
    {
      key: MARKETING_PURPOSE,
      label: 'Send me news about the company and new roles by email',
      description: 'At most once a month; every email has a link to stop it.',
      marketing: true,
      enabled: true,
    },
  ],
};
