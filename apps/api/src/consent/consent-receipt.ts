import {
  CUSTOM_CONSENT_PURPOSE,
  isSpecialCategory,
  LEGAL_BASES,
  PURPOSES,
  periodLabel,
  RECRUITMENT_PURPOSE,
  TALENT_POOL_PURPOSE,
  type TConsentReceiptPayload,
  type TPurpose,
} from '@candor/schemas';
import type { TalentPoolTerm } from './talent-pool-term.js';

export interface ReceiptDecision {
  purpose: string;
  label: string;
  given: boolean;
}

/** A consent purpose's basis and data: the catalogue's for a purpose it names (diversity: Art. 9(2)(a)), else a tenant purpose's. */
function consentTermsOf(purpose: string) {
  const catalogue = Object.hasOwn(PURPOSES, purpose) ? PURPOSES[purpose as TPurpose] : null;
  return catalogue?.optional ? catalogue : CUSTOM_CONSENT_PURPOSE;
}

/**
 * How long a consent lasts, as the receipt states it: the talent pool by
 * the tenant's retention policy in force (the same term the sweep and the
 * renewal emails follow); others until withdrawn.
 */
export function terminationOf(purpose: string, talentPool: TalentPoolTerm | null): string {
  if (purpose !== TALENT_POOL_PURPOSE || !talentPool) return 'Until withdrawn in the privacy portal';
  const asked = talentPool.noticeDays > 0 ? ` (renewal is asked ${talentPool.noticeDays} days before)` : '';
  return `${periodLabel(talentPool.period)} from this consent, then the profile is erased unless the consent is renewed${asked}; it can be withdrawn at any time in the privacy portal`;
}

/**
 * The Kantara Consent Receipt (v1.1) payload for one set of decisions. The
 * application itself is listed as the primary purpose with its real legal
 * basis (steps before a contract), marked NOT_CONSENT, so the receipt shows
 * the whole picture without pretending applying was a consent.
 */
export function consentReceiptPayload(input: {
  receiptId: string;
  issuedAt: Date;
  email: string;
  company: { name: string; contactEmail: string };
  siteUrl: string;
  noticeVersion: number;
  decisions: ReceiptDecision[];
  gpc: boolean;
  channel: string;
  /** The talent-pool term in force for this candidate; null when no retention rule ends it. */
  talentPool: TalentPoolTerm | null;
}): TConsentReceiptPayload {
  const seconds = Math.floor(input.issuedAt.getTime() / 1000);
  const recruitment = PURPOSES.recruitment;
  const special = [
    ...new Set(
      input.decisions
        .filter((d) => d.given)
        .flatMap((d) => consentTermsOf(d.purpose).categories.filter(isSpecialCategory)),
    ),
  ];
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'EU GDPR',
    consentTimestamp: seconds,
    collectionMethod:
      input.channel === 'careers_apply' ? 'Web form: job application' : `Web form: ${input.channel}`,
    consentReceiptID: input.receiptId,
    language: 'en',
    piiPrincipalId: input.email,
    piiControllers: [
      {
        piiController: input.company.name,
        contact: `${input.company.name} privacy contact`,
        email: input.company.contactEmail,
        piiControllerUrl: input.siteUrl,
        onBehalf: false,
      },
    ],
    policyUrl: `${input.siteUrl}privacy/versions/${input.noticeVersion}/`,
    services: [
      {
        service: `Recruitment at ${input.company.name}`,
        purposes: [
          {
            purpose: recruitment.label,
            purposeCategory: [RECRUITMENT_PURPOSE],
            consentType: 'NOT_CONSENT',
            consented: true,
            legalBasis: LEGAL_BASES[recruitment.legalBasis].article,
            piiCategory: [...recruitment.categories],
            primaryPurpose: true,
            termination: 'Until the hiring decision, then as the retention policy in the notice says',
            thirdPartyDisclosure: false,
          },
          ...input.decisions.map((d) => ({
            purpose: d.label,
            purposeCategory: [d.purpose],
            consentType: 'EXPLICIT' as const,
            consented: d.given,
            legalBasis: LEGAL_BASES[consentTermsOf(d.purpose).legalBasis].article,
            piiCategory: [...consentTermsOf(d.purpose).categories],
            primaryPurpose: false,
            termination: terminationOf(d.purpose, input.talentPool),
            thirdPartyDisclosure: false,
          })),
        ],
      },
    ],
    sensitive: special.length > 0,
    spiCat: special,
    noticeVersion: input.noticeVersion,
    gpc: input.gpc,
    iat: seconds,
    iss: input.siteUrl,
  };
}
