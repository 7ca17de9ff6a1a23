import { z } from 'zod';
import { ZDataCategory } from './data-categories.js';

/** How a candidate's data left Candor: see the Disclosure entity. */
export const DISCLOSURE_VIAS = [
  'hr_export',
  'manual',
  'agent_export',
  'background_check',
  'api',
  'webhook',
] as const;
export type TDisclosureVia = (typeof DISCLOSURE_VIAS)[number];

export const DISCLOSURE_VIA_LABELS: Record<TDisclosureVia, string> = {
  hr_export: 'Export to HR',
  manual: 'Sent by the hiring team',
  agent_export: 'Copy of your data for your authorized agent',
  background_check: 'Background check you authorized',
  api: 'Read by a connected system through the API',
  webhook: 'Sent to a connected system (webhook)',
};

/** processor and controller are the Privacy page's recipients; internal is the company's own HR; agent acts for the person. */
export const RECIPIENT_KINDS = ['processor', 'controller', 'internal', 'agent'] as const;
export type TRecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Staff record that they disclosed a candidate's data to a recipient on the Privacy page (e.g. for a background check). */
export const ZDisclosureRecordInput = z.object({
  candidateId: z.uuid(),
  applicationId: z.uuid().nullable().default(null),
  /** A recipient's name as the Privacy page lists it. */
  recipient: z.string().trim().min(1, 'Choose the recipient').max(120),
  categories: z.array(ZDataCategory).min(1, 'Say what was disclosed').max(30),
  purpose: z.string().trim().max(200).default(''),
});

export const ZDisclosure = z.object({
  id: z.string(),
  applicationId: z.string().nullable(),
  recipient: z.object({
    name: z.string(),
    kind: z.enum(RECIPIENT_KINDS),
    country: z.string().nullable(),
    safeguard: z.string().nullable(),
  }),
  categories: z.array(z.object({ key: ZDataCategory, label: z.string() })),
  purpose: z.string(),
  via: z.enum(DISCLOSURE_VIAS),
  disclosedAt: z.iso.datetime(),
});
export type TDisclosure = z.infer<typeof ZDisclosure>;

/** The candidate page's view: the log, and the recipients staff may record a disclosure to (the Privacy page's list). */
export const ZDisclosureLog = z.object({
  entries: z.array(ZDisclosure),
  recipients: z.array(z.object({ name: z.string(), purpose: z.string() })),
});
export type TDisclosureLog = z.infer<typeof ZDisclosureLog>;
