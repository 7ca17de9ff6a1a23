import { z } from 'zod';
import { ZLocale } from '../careers/languages.js';
import { ZId } from '../list.js';
import { fillTemplate } from './email-templates.js';
import { SALARY_PERIODS, ZUserRef } from './job.js';

export { DEFAULT_OFFER_TERMS, OFFER_TERM_VARIABLES } from './offer-terms.js';

export const OFFER_STATUSES = [
  'pending_approval',
  'approved',
  'sent',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
] as const;
export const ZOfferStatus = z.enum(OFFER_STATUSES);
export type TOfferStatus = z.infer<typeof ZOfferStatus>;
export const OFFER_STATUS_LABELS: Record<TOfferStatus, string> = {
  pending_approval: 'Waiting for approval',
  approved: 'Approved',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

export const ZOfferCreateInput = z
  .object({
    applicationId: ZId,
    salary: z.number().int().min(1).max(100_000_000),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code like EUR'),
    period: z.enum(SALARY_PERIODS).default('year'),
    startDate: z.iso.date(),
    expiresOn: z.iso.date(),
    /** The letter's wording; the tenant's template when left out. */
    terms: z.string().trim().min(1).max(20_000).optional(),
  })
  .refine((o) => o.expiresOn >= new Date().toISOString().slice(0, 10), {
    path: ['expiresOn'],
    message: 'The offer must not expire in the past',
  });
export type TOfferCreateInput = z.input<typeof ZOfferCreateInput>;

export const ZOffer = z.object({
  id: ZId,
  applicationId: ZId,
  candidateName: z.string(),
  jobTitle: z.string(),
  salary: z.number().int(),
  currency: z.string(),
  period: z.enum(SALARY_PERIODS),
  startDate: z.string(),
  expiresOn: z.string(),
  terms: z.string(),
  status: ZOfferStatus,
  createdBy: ZUserRef.nullable(),
  approvedBy: ZUserRef.nullable(),
  approvedAt: z.iso.datetime().nullable(),
  sentAt: z.iso.datetime().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TOffer = z.infer<typeof ZOffer>;

/** What the candidate sees behind the link in the offer email. */
export const ZOfferTokenInput = z.object({
  token: z.string().min(20).max(100),
  /** The page's language when the candidate picked another (`?lang=`); theirs otherwise. */
  lang: ZLocale.optional(),
});
export const ZOfferRespondInput = ZOfferTokenInput.extend({ decision: z.enum(['accept', 'decline']) });
export const ZPublicOffer = z.object({
  companyName: z.string(),
  candidateName: z.string(),
  /** The job's title and the salary in `locale`; the terms as they were sent. */
  jobTitle: z.string(),
  salary: z.string(),
  startDate: z.string(),
  expiresOn: z.string(),
  terms: z.string(),
  status: ZOfferStatus,
  /** The language the offer is shown in: the one asked for when offered, else the candidate's (`candidate.locale`). */
  locale: ZLocale,
  /** The languages the page can be switched to: the tenant's, and the candidate's own. */
  locales: z.array(ZLocale),
});
export type TPublicOffer = z.infer<typeof ZPublicOffer>;

/** "EUR 65,000 per year" */
export function formatSalary(amount: number, currency: string, period: string): string {
  return `${currency} ${amount.toLocaleString('en-GB')} per ${period}`;
}

/** What an offer's terms are filled with (OFFER_TERM_VARIABLES). */
export interface OfferTermValues {
  candidateName: string;
  jobTitle: string;
  companyName: string;
  salary: number;
  currency: string;
  period: string;
  startDate: string;
  expiresOn: string;
}

/**
 * The terms as the candidate reads them in the letter and on the offer page:
 * the drafted template with the offer's values filled in. Sending an offer
 * stores this text, so what the candidate was sent stays what is on record.
 */
export function renderOfferTerms(terms: string, values: OfferTermValues): string {
  return fillTemplate(terms, {
    candidate_name: values.candidateName,
    job_title: values.jobTitle,
    company_name: values.companyName,
    salary: formatSalary(values.salary, values.currency, values.period),
    start_date: values.startDate,
    expires_on: values.expiresOn,
  });
}
