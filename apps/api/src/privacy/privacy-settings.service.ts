import { type Em, Tenant } from '@candor/db';
import { DEFAULT_PRIVACY_SETTINGS, type TPrivacySettings } from '@candor/schemas';

/** The tenant's privacy settings; a tenant that never saved any gets the defaults. */
export async function privacySettingsOf(em: Em, tenantId: string): Promise<TPrivacySettings> {
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  // Settings saved before a field existed get that field's default.
  return { ...DEFAULT_PRIVACY_SETTINGS, ...tenant.privacySettings };
}
