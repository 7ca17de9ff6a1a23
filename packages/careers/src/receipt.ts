import type { TConsentReceiptPayload } from '@candor/schemas';
import type { Messages } from './i18n/index.js';

export type ReceiptChoice = 'needed' | 'consented' | 'refused';

type ReceiptPurpose = TConsentReceiptPayload['services'][number]['purposes'][number];

/** What the applicant did about one purpose of a receipt: applying itself is no consent, so it is "needed". */
export function receiptChoiceOf(purpose: Partial<ReceiptPurpose>): ReceiptChoice {
  if (purpose.primaryPurpose || purpose.consentType === 'NOT_CONSENT') return 'needed';
  return purpose.consented ? 'consented' : 'refused';
}

/** A choice as the applicant reads it: "Needed to apply", "You agreed", "You declined". */
export function receiptChoiceText(t: Messages, choice: ReceiptChoice): string {
  return { needed: t.receiptNeeded, consented: t.receiptConsented, refused: t.receiptRefused }[choice];
}

/** What the confirmation shows of a signed consent receipt. */
export interface ReceiptSummary {
  purposes: Array<{ label: string; choice: ReceiptChoice }>;
  noticeVersion: number | null;
  gpc: boolean;
}

/**
 * Reads the payload of a compact JWS consent receipt (Kantara v1.1 fields,
 * see TConsentReceiptPayload) without checking the signature: it came
 * straight from the server, and the page tells the applicant how to verify
 * it. Runs in the browser and in Node alike (atob, TextDecoder).
 */
export function readReceipt(jws: string): ReceiptSummary | null {
  try {
    const part = jws.split('.')[1] ?? '';
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as Partial<TConsentReceiptPayload>;
    const purposes = (payload.services?.[0]?.purposes ?? []).map((p) => ({
      label: String(p.purpose),
      choice: receiptChoiceOf(p),
    }));
    return {
      purposes,
      noticeVersion: typeof payload.noticeVersion === 'number' ? payload.noticeVersion : null,
      gpc: payload.gpc === true,
    };
  } catch {
    return null;
  }
}

/** The file name a receipt downloads as. */
export function receiptFileName(id: string): string {
  return `consent-receipt-${id.replace(/[^A-Za-z0-9_-]/g, '')}.jwt`;
}
