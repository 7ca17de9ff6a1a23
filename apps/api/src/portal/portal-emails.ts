import { type Messages, messagesFor } from '@candor/careers';
import type { TLocale } from '@candor/schemas';
import { dayIn } from '../mail/candidate-language.js';
import { candidateEmailFooter } from '../mail/email-templates.service.js';
import { CODE_TTL_MS } from './portal-auth.js';

/**
 * The privacy portal's emails. Plain text, Candor's wording (not the
 * tenant's templates: they state legal facts), ending like every candidate
 * email with the translated portal footer. The code goes out in the language
 * of the portal page that asked for it; the receipts in the candidate's
 * (`candidate.locale`), as every other email to them.
 */
type Tenant = { name: string; slug: string; languageSettings?: unknown };

/** Subjects are one line whatever the company name holds. */
const oneLine = (subject: string) => subject.replace(/[\r\n]+/g, ' ');

/**
 * The one-time code, in the language of the portal page that asked for it.
 * The same words whether or not the tenant holds data about the address.
 */
export function portalCodeEmail(tenant: Tenant, code: string, publicUrl: string, locale: TLocale = 'en') {
  const t = messagesFor(locale);
  return {
    template: 'portal.code',
    subject: oneLine(t.emailPortalCodeSubject(tenant.name)),
    text: `${t.emailPortalCodeBody(tenant.name, code, CODE_TTL_MS / 60_000)}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}

/** A consent withdrawal (or marketing objection) with its signed receipt attached. */
export function withdrawalEmail(
  tenant: Tenant,
  input: { purposes: string[]; receiptId: string; objection: boolean },
  publicUrl: string,
  locale: TLocale = 'en',
) {
  const t = messagesFor(locale);
  const siteUrl = `${publicUrl}/careers/${tenant.slug}/`;
  // The purposes by the labels the candidate agreed to (the tenant's own wording).
  const what = input.purposes.map((p) => `  - ${p}`).join('\n');
  const lead = input.objection ? t.emailObjectionLead(tenant.name) : t.emailWithdrawalLead(tenant.name);
  const receipt = t.emailWithdrawalReceipt(input.receiptId, tenant.name, `${siteUrl}jwks.json`);
  return {
    template: input.objection ? 'portal.objection' : 'portal.consent_withdrawal',
    subject: oneLine(
      input.objection ? t.emailObjectionSubject(tenant.name) : t.emailWithdrawalSubject(tenant.name),
    ),
    text: `${t.emailHello}\n\n${lead}${what ? `\n\n${t.emailWithdrawn}\n${what}` : ''}\n\n${receipt}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}

export type PortalRequestMail = 'contact_updated' | 'rectification' | 'erasure' | 'restriction' | 'objection';

/** Each request's subject and first paragraph; `dueOn` is the deadline as the language writes a day. */
const REQUEST_MAILS: Record<
  PortalRequestMail,
  (t: Messages, company: string, dueOn: string) => { subject: string; body: string }
> = {
  contact_updated: (t, c) => ({
    subject: t.emailContactUpdatedSubject(c),
    body: t.emailContactUpdatedBody(c),
  }),
  rectification: (t, c, dueOn) => ({
    subject: t.emailRectificationSubject(c),
    body: t.emailRectificationBody(c, dueOn),
  }),
  erasure: (t, c, dueOn) => ({ subject: t.emailErasureSubject(c), body: t.emailErasureBody(c, dueOn) }),
  objection: (t, c) => ({ subject: t.emailObjectionSubject(c), body: t.emailObjectionBody(c) }),
  restriction: (t, c) => ({
    subject: t.emailPortalRestrictionSubject(c),
    body: t.emailPortalRestrictionBody(c),
  }),
};

/** Confirms a request the portal took, or carried out. */
export function requestEmail(
  tenant: Tenant,
  input: { kind: PortalRequestMail; dueOn: string },
  publicUrl: string,
  locale: TLocale = 'en',
) {
  const t = messagesFor(locale);
  const mail = REQUEST_MAILS[input.kind](t, tenant.name, dayIn(input.dueOn, locale));
  return {
    template: `portal.${input.kind}`,
    subject: oneLine(mail.subject),
    text: `${t.emailHello}\n\n${mail.body}\n\n${t.emailNotYou(tenant.name)}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}
