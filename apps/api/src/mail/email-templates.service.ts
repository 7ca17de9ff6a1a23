import { messagesFor } from '@candor/careers';
import { type Em, type InferEntity, Tenant } from '@candor/db';
import {
  defaultTemplateText,
  EMAIL_TEMPLATE_KEYS,
  EMAIL_TEMPLATES,
  fillTemplate,
  languageSettingsOf,
  type TEmailTemplate,
  type TEmailTemplateKey,
  type TEmailTemplateText,
  type TLocale,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../trpc/init.js';
import { privacyPortalUrl } from './outbox.js';

type TenantRow = InferEntity<typeof Tenant>;

/**
 * A template's wording in a language. The tenant's own wording is written in
 * its default language and used for that language; other languages get
 * Candor's translated default (English where a template has none).
 */
function textOf(
  tenant: TenantRow,
  key: TEmailTemplateKey,
  locale: TLocale = languageSettingsOf(tenant.languageSettings).defaultLocale,
): TEmailTemplateText & { customized: boolean } {
  const own = tenant.emailTemplates?.[key];
  if (own && locale === languageSettingsOf(tenant.languageSettings).defaultLocale)
    return { ...own, customized: true };
  const english = { subject: EMAIL_TEMPLATES[key].subject, body: EMAIL_TEMPLATES[key].body };
  return { ...defaultTemplateText(english, key, locale), customized: false };
}

export async function emailTemplatesOf(em: Em, tenantId: string): Promise<TEmailTemplate[]> {
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  return EMAIL_TEMPLATE_KEYS.map((key) => ({
    key,
    label: EMAIL_TEMPLATES[key].label,
    audience: EMAIL_TEMPLATES[key].audience,
    variables: [...EMAIL_TEMPLATES[key].variables],
    ...textOf(tenant, key),
  }));
}

/** Saves the tenant's wording of one email; null goes back to the default. */
export async function updateEmailTemplate(
  em: Em,
  actor: Actor,
  input: { key: TEmailTemplateKey; text: TEmailTemplateText | null },
): Promise<TEmailTemplate[]> {
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const next = { ...(tenant.emailTemplates ?? {}) };
  if (input.text) next[input.key] = input.text;
  else delete next[input.key];
  tenant.emailTemplates = next;
  recordAudit(em, actor, {
    action: 'settings.email_template_update',
    targetType: 'Tenant',
    targetId: actor.tenantId,
  });
  await em.flush();
  return emailTemplatesOf(em, actor.tenantId);
}

/** The privacy portal as a candidate's email links it: on a site in several languages it opens in the candidate's. */
export function candidatePortalLink(
  tenant: { slug: string; languageSettings?: unknown },
  publicUrl: string,
  locale: TLocale = 'en',
): string {
  const lang = languageSettingsOf(tenant.languageSettings).locales.length > 1 ? `?lang=${locale}` : '';
  return `${privacyPortalUrl(publicUrl, tenant.slug)}${lang}`;
}

/** The end of every email to a candidate in the tenant's wording (templates and composed messages): who holds their data, and the privacy portal. */
export function candidateEmailFooter(
  tenant: { name: string; slug: string; languageSettings?: unknown },
  publicUrl: string,
  locale: TLocale = 'en',
): string {
  const link = candidatePortalLink(tenant, publicUrl, locale);
  return `\n\n--\n${messagesFor(locale).emailFooter(tenant.name, link)}\n`;
}

/**
 * An email in the tenant's wording. Candidate emails always end with who
 * holds the applicant's data and the link to the privacy portal.
 */
export function renderEmail(
  tenant: TenantRow,
  key: TEmailTemplateKey,
  values: Record<string, string>,
  publicUrl: string,
  /** The candidate's language (`candidate.locale`); staff emails are in English. */
  locale: TLocale = 'en',
  /** Candor's own paragraphs after the tenant's wording and before the footer (the confirmation's reference and receipt). */
  paragraphs: string[] = [],
): { template: string; subject: string; text: string } {
  const audience = EMAIL_TEMPLATES[key].audience;
  const { subject, body } = textOf(tenant, key, audience === 'candidate' ? locale : undefined);
  const all = { company_name: tenant.name, ...values };
  const footer = audience === 'candidate' ? candidateEmailFooter(tenant, publicUrl, locale) : '\n';
  return {
    template: key,
    // Subjects are one line whatever a value contains.
    subject: fillTemplate(subject, all).replace(/[\r\n]+/g, ' '),
    text: `${fillTemplate(body, all)}${paragraphs.map((p) => `\n\n${p}`).join('')}${footer}`,
  };
}
