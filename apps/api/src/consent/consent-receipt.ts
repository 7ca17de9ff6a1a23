import { LEGAL_BASES, PURPOSES, type TConsentReceiptPayload } from '@candor/schemas';

export interface ReceiptDecision {
  purpose: string;
  label: string;
  given: boolean;
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
}): TConsentReceiptPayload {
  const seconds = Math.floor(input.issuedAt.getTime() / 1000);
  const recruitment = PURPOSES.recruitment;
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'EU GDPR',
    consentTimestamp: seconds,
    collectionMethod: input.channel === 'careers_apply' ? 'Web form: job application' : `Web form: ${input.channel}`,
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
            purposeCategory: ['recruitment'],
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
            legalBasis: LEGAL_BASES['gdpr.6.1.a'].article,
            piiCategory: ['user.name', 'user.contact.email'],
            primaryPurpose: false,
            termination: 'Until withdrawn in the privacy portal',
            thirdPartyDisclosure: false,
          })),
        ],
      },
    ],
    sensitive: false,
    spiCat: [],
    noticeVersion: input.noticeVersion,
    gpc: input.gpc,
    iat: seconds,
    iss: input.siteUrl,
  };
}
