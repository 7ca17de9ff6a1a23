import { type Messages, messagesFor } from '@candor/careers';
import { Candidate, type Em, Tenant } from '@candor/db';
import { languageSettingsOf, type TLocale } from '@candor/schemas';
import { dayIn } from '../../mail/candidate-language.js';
import { candidateEmailFooter } from '../../mail/email-templates.service.js';
import { enqueueEmail } from '../../mail/outbox.js';
import type { RequestRow } from './request-record.js';

/**
 * What Candor writes to the person behind a privacy request, in Candor's
 * wording from the careers catalogues (`t`), with days as the language
 * writes them (`day`). Text staff typed (an answer, a reason) goes in as typed.
 */
export type RequesterMail = (
  t: Messages,
  company: string,
  day: (day: string) => string,
) => { subject: string; text: string };

/**
 * The requester's language: the matched candidate's (`candidate.locale`), else
 * the tenant's default. A request stores no language of its own: the portal's
 * requests always belong to a candidate, and one staff entered from a letter,
 * call or email comes with none Candor could know.
 */
export async function requesterLocale(
  tx: Em,
  row: RequestRow,
  tenant: { languageSettings?: unknown },
): Promise<TLocale> {
  const candidate = row.candidate ? await tx.findOne(Candidate, row.candidate.id) : null;
  return candidate?.locale ?? languageSettingsOf(tenant.languageSettings).defaultLocale;
}

/**
 * Emails the requester in their language (see requesterLocale; `locale` when
 * the caller read it already, e.g. before an erasure), ending with the
 * request's reference and the footer every candidate email has.
 */
export async function mailRequester(
  tx: Em,
  row: RequestRow,
  tenantId: string,
  publicUrl: string,
  to: string,
  write: RequesterMail,
  options: { asProof?: boolean; locale?: TLocale } = {},
): Promise<void> {
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  const locale = options.locale ?? (await requesterLocale(tx, row, tenant));
  const t = messagesFor(locale);
  const { subject, text } = write(t, tenant.name, (day) => dayIn(day, locale));
  const reference = t.emailRequestReference(row.id.slice(0, 8).toUpperCase(), t.emailRequestTypes[row.type]);
  enqueueEmail(tx, {
    tenantId,
    to,
    proofOf: options.asProof ? row.id : null,
    template: 'privacy_request',
    // One line whatever the company name holds.
    subject: subject.replace(/[\r\n]+/g, ' '),
    text: `${text}\n\n${reference}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  });
}
