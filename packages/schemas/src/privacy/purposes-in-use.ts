import { z } from 'zod';
import { type TDataCategory, ZDataCategory } from './data-categories.js';
import { type TLegalBasis, ZLegalBasis } from './legal-bases.js';
import { type TConsentPurpose, type TRecipient, ZRecipient } from './privacy-settings.js';
import { PURPOSES, type TPurpose, ZPurpose } from './purposes.js';
import {
  type TRetentionPolicy,
  type TRetentionTrigger,
  ZRetentionAction,
  ZRetentionPeriod,
  ZRetentionTrigger,
} from './retention.js';

/**
 * The purposes one tenant actually processes for, derived from the catalogue
 * (PURPOSES), its privacy settings (consent purposes), whether its diversity
 * survey is on, and its retention policy in force. The record of processing
 * and the careers site's privacy page both read this, so what the company
 * declares and what applicants are told cannot differ.
 */

/** One enabled retention rule as it bears on a purpose: what it does after how long, and where a country changes that. */
export const ZPurposeRetention = z.object({
  ruleId: z.string(),
  trigger: ZRetentionTrigger,
  action: ZRetentionAction,
  period: ZRetentionPeriod,
  overrides: z.array(z.object({ country: z.string(), period: ZRetentionPeriod })),
  renewalNoticeDays: z.number().int(),
});
export type TPurposeRetention = z.output<typeof ZPurposeRetention>;

export const ZPurposeInUse = z.object({
  /** The catalogue key, or the key of a consent purpose the tenant defined itself. */
  key: z.string(),
  /** The catalogue purpose, or null for a consent purpose the tenant defined itself. */
  catalogue: ZPurpose.nullable(),
  /** For consent purposes in use: the tenant's own wording (what the applicant ticks); else the catalogue's. */
  label: z.string(),
  description: z.string(),
  legalBasis: ZLegalBasis,
  categories: z.array(ZDataCategory),
  optional: z.boolean(),
  subjects: z.enum(['applicants', 'staff']),
  /** False for an optional catalogue purpose this tenant does not use. */
  inUse: z.boolean(),
  /** The enabled rules of the policy in force that end this purpose's data; consent purposes also end on withdrawal. */
  retention: z.array(ZPurposeRetention),
});
export type TPurposeInUse = z.output<typeof ZPurposeInUse>;

/**
 * What a consent purpose the tenant defined itself (not in the catalogue)
 * uses and how long: its name and email, as the consent receipt lists,
 * kept as long as the candidate's record.
 */
export const CUSTOM_CONSENT_PURPOSE = {
  legalBasis: 'gdpr.6.1.a',
  categories: ['user.name', 'user.contact.email'],
  retention: ['candidate_inactive', 'talent_pool_consent', 'candidate_hired'],
} as const satisfies {
  legalBasis: TLegalBasis;
  categories: readonly TDataCategory[];
  retention: readonly TRetentionTrigger[];
};

/** The policy's enabled rules with one of `triggers`, in the policy's order, with their per-country periods. */
export function retentionOf(
  policy: TRetentionPolicy,
  triggers: readonly TRetentionTrigger[],
): TPurposeRetention[] {
  return policy.rules
    .filter((rule) => rule.enabled && triggers.includes(rule.trigger))
    .map((rule) => ({
      ruleId: rule.id,
      trigger: rule.trigger,
      action: rule.action,
      period: rule.period,
      overrides: policy.overrides
        .filter((o) => o.ruleId === rule.id)
        .map(({ country, period }) => ({ country, period })),
      renewalNoticeDays: rule.renewalNoticeDays,
    }));
}

/**
 * Every catalogue purpose (marked `inUse` or not for this tenant), then the
 * tenant's own enabled consent purposes that the catalogue does not name.
 * A catalogue purpose offered as a consent purpose is shown by the tenant's
 * label, with the catalogue's basis, data and retention.
 */
export function purposesInUse(input: {
  consentPurposes: readonly TConsentPurpose[];
  diversitySurvey: boolean;
  /** The tenant turned background checks on: the background_check purpose is in use without a consent box. */
  backgroundChecks?: boolean;
  policy: TRetentionPolicy;
}): TPurposeInUse[] {
  const enabled = input.consentPurposes.filter((p) => p.enabled);
  const offered = (key: string) => enabled.find((p) => p.key === key);
  const fromCatalogue = (Object.keys(PURPOSES) as TPurpose[]).map((key): TPurposeInUse => {
    const purpose = PURPOSES[key];
    const consent = purpose.inUseWhen === 'consent_purpose' ? offered(key) : undefined;
    const inUse =
      purpose.inUseWhen === 'always' ||
      (purpose.inUseWhen === 'consent_purpose' && consent !== undefined) ||
      (purpose.inUseWhen === 'diversity_survey' && input.diversitySurvey) ||
      (key === 'background_check' && input.backgroundChecks === true);
    return {
      key,
      catalogue: key,
      label: consent?.label ?? purpose.label,
      description: consent?.description ?? '',
      legalBasis: purpose.legalBasis,
      categories: [...purpose.categories],
      optional: purpose.optional,
      subjects: purpose.subjects,
      inUse,
      retention: retentionOf(input.policy, purpose.retention),
    };
  });
  const catalogued = new Set<string>(
    (Object.keys(PURPOSES) as TPurpose[]).filter((key) => PURPOSES[key].inUseWhen === 'consent_purpose'),
  );
  const custom = enabled
    .filter((p) => !catalogued.has(p.key))
    .map(
      (p): TPurposeInUse => ({
        key: p.key,
        catalogue: null,
        label: p.label,
        description: p.description,
        legalBasis: CUSTOM_CONSENT_PURPOSE.legalBasis,
        categories: [...CUSTOM_CONSENT_PURPOSE.categories],
        optional: true,
        subjects: 'applicants',
        inUse: true,
        retention: retentionOf(input.policy, CUSTOM_CONSENT_PURPOSE.retention),
      }),
    );
  return [...fromCatalogue, ...custom];
}

/** What the careers site's privacy page says about one tenant: its purposes for applicants and who receives their data. */
export const ZCareersPrivacy = z.object({
  purposes: z.array(ZPurposeInUse),
  recipients: z.array(
    ZRecipient.pick({ name: true, role: true, purpose: true, country: true, safeguard: true }),
  ),
});
export type TCareersPrivacy = z.output<typeof ZCareersPrivacy>;

export function careersPrivacyOf(input: {
  consentPurposes: readonly TConsentPurpose[];
  recipients: readonly TRecipient[];
  diversitySurvey: boolean;
  backgroundChecks?: boolean;
  policy: TRetentionPolicy;
}): TCareersPrivacy {
  return {
    purposes: purposesInUse(input).filter((p) => p.inUse && p.subjects === 'applicants'),
    // Only what the applicant needs (who, why, where, under which safeguard); not where the company's notices go.
    recipients: input.recipients.map(({ name, role, purpose, country, safeguard }) => ({
      name,
      role,
      purpose,
      country,
      safeguard,
    })),
  };
}
