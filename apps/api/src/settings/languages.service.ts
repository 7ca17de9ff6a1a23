import { type Em, Tenant } from '@candor/db';
import { languageSettingsOf, type TLanguageSettings } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../trpc/init.js';

/** The careers site's languages; English only for a tenant that never chose. */
export async function languagesOf(em: Em, tenantId: string): Promise<TLanguageSettings> {
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  return languageSettingsOf(tenant.languageSettings);
}

/** Sets the careers site's languages (the caller republishes the site). */
export async function updateLanguages(
  em: Em,
  actor: Actor,
  input: TLanguageSettings,
): Promise<TLanguageSettings> {
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  tenant.languageSettings = input;
  recordAudit(em, actor, {
    action: 'settings.languages_update',
    targetType: 'Tenant',
    targetId: actor.tenantId,
  });
  await em.flush();
  return languageSettingsOf(tenant.languageSettings);
}
