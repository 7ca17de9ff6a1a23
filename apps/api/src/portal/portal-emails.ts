import { messagesFor } from '@candor/careers';
import type { TLocale } from '@candor/schemas';
import { candidateEmailFooter } from '../mail/email-templates.service.js';
import { privacyPortalUrl } from '../mail/outbox.js';
import { CODE_TTL_MS } from './portal-auth.js';

/**
 * The privacy portal's emails. Plain text, Candor's wording (not the
 * tenant's templates: they state legal facts), ending like every candidate
 * email with the portal link.
 */
type Tenant = { name: string; slug: string };

export function footer(tenant: Tenant, publicUrl: string): string {
  return `\n--\n${tenant.name} uses Candor to handle applications. Your privacy portal: ${privacyPortalUrl(publicUrl, tenant.slug)}\n`;
}

/**
 * The one-time code, in the language of the portal page that asked for it.
 * The same words whether or not the tenant holds data about the address.
 */
export function portalCodeEmail(
  tenant: Tenant & { languageSettings?: unknown },
  code: string,
  publicUrl: string,
  locale: TLocale = 'en',
) {
  const t = messagesFor(locale);
  return {
    template: 'portal.code',
    subject: t.emailPortalCodeSubject(tenant.name).replace(/[\r\n]+/g, ' '),
    text: `${t.emailPortalCodeBody(tenant.name, code, CODE_TTL_MS / 60_000)}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}

/** A consent withdrawal (or marketing objection) with its signed receipt attached. */
export function withdrawalEmail(
  tenant: Tenant,
  input: { purposes: string[]; receiptId: string; objection: boolean },
  publicUrl: string,
) {
  const siteUrl = `${publicUrl}/careers/${tenant.slug}/`;
  const what = input.purposes.map((p) => `  - ${p}`).join('\n');
  const lead = input.objection
    ? `You objected to marketing. ${tenant.name} sends you no more marketing email, from now on.`
    : `You withdrew your consent. ${tenant.name} stops this use of your data from now on.`;
  return {
    template: input.objection ? 'portal.objection' : 'portal.consent_withdrawal',
    subject: input.objection
      ? `You will get no more marketing email from ${tenant.name}`
      : `Your consent to ${tenant.name} is withdrawn`,
    text: `Hello,\n\n${lead}${what ? `\n\nWithdrawn:\n${what}` : ''}\n\nYour receipt (${input.receiptId}) is attached. It is signed by ${tenant.name}; the key to verify it is published at ${siteUrl}jwks.json\n${footer(tenant, publicUrl)}`,
  };
}

export type PortalRequestMail = 'contact_updated' | 'rectification' | 'erasure' | 'restriction' | 'objection';

const REQUEST_MAILS: Record<
  PortalRequestMail,
  { subject: (company: string) => string; body: (company: string, dueOn: string) => string }
> = {
  contact_updated: {
    subject: (c) => `Your contact details at ${c} are updated`,
    body: (c) => `${c} has updated your contact details as you asked in the privacy portal.`,
  },
  rectification: {
    subject: (c) => `${c} received your correction request`,
    body: (c, dueOn) =>
      `${c} has received your request to correct your data. The team answers by ${dueOn} at the latest; you can follow it in the privacy portal.`,
  },
  erasure: {
    subject: (c) => `${c} received your erasure request`,
    body: (c, dueOn) =>
      `${c} has received your request to erase your data. The team carries it out by ${dueOn} at the latest and tells you when it is done; you can follow it in the privacy portal.`,
  },
  objection: {
    subject: (c) => `You will get no more marketing email from ${c}`,
    body: (c) => `${c} has recorded your objection to marketing: you get no marketing email from now on.`,
  },
  restriction: {
    subject: (c) => `Processing of your data at ${c} is restricted`,
    body: (c) =>
      `${c} keeps your data but no longer uses it (no stage moves, no emails, hidden from searches) until the matter is settled.`,
  },
};

/** Confirms a request the portal took, or carried out. */
export function requestEmail(
  tenant: Tenant,
  input: { kind: PortalRequestMail; dueOn: string },
  publicUrl: string,
) {
  const mail = REQUEST_MAILS[input.kind];
  return {
    template: `portal.${input.kind}`,
    subject: mail.subject(tenant.name),
    text: `Hello,\n\n${mail.body(tenant.name, input.dueOn)}\n\nIf this was not you, tell ${tenant.name} at once.\n${footer(tenant, publicUrl)}`,
  };
}
