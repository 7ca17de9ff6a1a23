import { z } from 'zod';
import { ZId } from '../list.js';

export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;
export const ZConsentDecision = z.enum(CONSENT_DECISIONS);
export type TConsentDecision = z.infer<typeof ZConsentDecision>;

export const CONSENT_CHANNELS = [
  'careers_apply',
  'privacy_portal',
  'renewal_email',
  'diversity_survey',
  'staff',
  'background_check',
] as const;
export const ZConsentChannel = z.enum(CONSENT_CHANNELS);
export type TConsentChannel = z.infer<typeof ZConsentChannel>;

/** One decision, as staff and the applicant see it in the consent history. */
export const ZConsentEvent = z.object({
  id: ZId,
  purpose: z.string(),
  purposeLabel: z.string(),
  decision: ZConsentDecision,
  noticeVersion: z.number().int().nullable(),
  channel: ZConsentChannel,
  /** The browser sent a Global Privacy Control signal. */
  gpc: z.boolean(),
  receiptId: z.string().nullable(),
  occurredAt: z.iso.datetime(),
});
export type TConsentEvent = z.infer<typeof ZConsentEvent>;

/**
 * The payload of a signed consent receipt: the fields of the Kantara
 * Initiative Consent Receipt Specification v1.1, plus `legalBasis` and
 * `consented` per purpose (refusals are receipted too) and the GPC signal.
 */
export interface TConsentReceiptPayload {
  version: 'KI-CR-v1.1.0';
  jurisdiction: string;
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  language: string;
  piiPrincipalId: string;
  piiControllers: Array<{
    piiController: string;
    contact: string;
    email: string;
    piiControllerUrl: string;
    onBehalf: boolean;
  }>;
  policyUrl: string;
  services: Array<{
    service: string;
    purposes: Array<{
      purpose: string;
      purposeCategory: string[];
      consentType: 'EXPLICIT' | 'NOT_CONSENT';
      consented: boolean;
      legalBasis: string;
      piiCategory: string[];
      primaryPurpose: boolean;
      termination: string;
      thirdPartyDisclosure: boolean;
    }>;
  }>;
  sensitive: boolean;
  spiCat: string[];
  noticeVersion: number;
  gpc: boolean;
  iat: number;
  iss: string;
}
