import { type Em, type InferEntity, Tenant } from '@candor/db';
import {
  EMAIL_TEMPLATE_KEYS,
  EMAIL_TEMPLATES,
  fillTemplate,
  type TEmailTemplate,
  type TEmailTemplateKey,
  type TEmailTemplateText,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../trpc/init.js';
import { privacyPortalUrl } from './outbox.js';

type TenantRow = InferEntity<typeof Tenant>;

function textOf(tenant: TenantRow, key: TEmailTemplateKey): TEmailTemplateText & { customized: boolean } {
  const own = tenant.emailTemplates?.[key];
  return own
    ? { ...own, customized: true }
    : { subject: EMAIL_TEMPLATES[key].subject, body: EMAIL_TEMPLATES[key].body, customized: false };
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

/** The end of every email to a candidate in the tenant's wording (templates and composed messages): who holds their data, and the privacy portal. */
export function candidateEmailFooter(tenant: { name: string; slug: string }, publicUrl: string): string {
  return `\n\n--\n${tenant.name} uses Candor to handle applications. To see, download, correct or erase your data, or to withdraw consent: ${privacyPortalUrl(publicUrl, tenant.slug)}\n`;
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
): { template: string; subject: string; text: string } {
  const { subject, body } = textOf(tenant, key);
  const all = { company_name: tenant.name, ...values };
  const footer = EMAIL_TEMPLATES[key].audience === 'candidate' ? candidateEmailFooter(tenant, publicUrl) : '\n';
  return {
    template: key,
    // Subjects are one line whatever a value contains.
    subject: fillTemplate(subject, all).replace(/[\r\n]+/g, ' '),
    text: `${fillTemplate(body, all)}${footer}`,
  };
}
