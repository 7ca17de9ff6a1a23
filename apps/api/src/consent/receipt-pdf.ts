import { messagesFor, receiptChoiceOf, receiptChoiceText } from '@candor/careers';
import type { TConsentReceiptPayload, TLocale } from '@candor/schemas';
import { letterPdf } from '../offers/letter-pdf.js';

/** The file name the readable copy of a receipt is attached as, beside `consent-receipt-<id>.jwt`. */
export function receiptPdfFileName(receiptId: string): string {
  return `consent-receipt-${receiptId}.pdf`;
}

/**
 * A consent receipt the applicant can read, keep and print, in their
 * language: drawn from the very payload that was signed (purposes as
 * labelled, decisions, lawful bases and notice version as recorded), so it
 * cannot say something the signed token does not. The token stays the proof;
 * this copy says how to check it.
 */
export function consentReceiptPdf(input: {
  payload: TConsentReceiptPayload;
  /** The key that signed the token, as its header names it. */
  kid: string;
  jobTitle: string;
  portalUrl: string;
  jwksUrl: string;
  locale: TLocale;
}): Buffer {
  const { payload, locale } = input;
  const t = messagesFor(locale);
  const company = payload.piiControllers[0]?.piiController ?? '';
  const issued = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(payload.consentTimestamp * 1000));
  const choices = payload.services.flatMap((service) =>
    service.purposes.map(
      (p) => `- ${t.receiptPdfChoice(p.purpose, receiptChoiceText(t, receiptChoiceOf(p)), p.legalBasis)}`,
    ),
  );
  return letterPdf({
    heading: t.receiptPdfTitle,
    subheading: t.receiptPdfSubheading(company, input.jobTitle),
    body: [
      t.receiptPdfLead(company),
      '',
      t.receiptPdfIssued(`${issued} (UTC)`),
      t.receiptPdfEmail(payload.piiPrincipalId),
      t.receiptPdfNotice(payload.noticeVersion, payload.policyUrl),
    ].join('\n'),
    sections: [
      { heading: t.receiptPurposes, body: [...choices, ...(payload.gpc ? [t.receiptGpc] : [])].join('\n') },
      { heading: t.receiptPdfPortalHeading, body: t.receiptPdfPortal(input.portalUrl) },
      {
        heading: t.receiptPdfCheckHeading,
        body: t.receiptPdfCheck(payload.consentReceiptID, input.kid, company, input.jwksUrl),
      },
    ],
    footer: t.receiptPdfFooter(payload.consentReceiptID),
    pageLabel: (page, pages) => t.pdfPage(page, pages),
  });
}
