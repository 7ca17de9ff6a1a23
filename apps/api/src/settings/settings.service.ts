import { type Em, Tenant } from '@candor/db';
import { DEFAULT_HIRING_SETTINGS, type THiringSettings } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../trpc/init.js';

/** The tenant's hiring settings; a tenant that never saved any gets the defaults. */
export async function hiringSettingsOf(em: Em, tenantId: string): Promise<THiringSettings> {
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  // Settings saved before a field existed get that field's default.
  return { ...DEFAULT_HIRING_SETTINGS, ...tenant.hiringSettings };
}

export async function updateHiringSettings(
  em: Em,
  actor: Actor,
  settings: THiringSettings,
): Promise<THiringSettings> {
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  tenant.hiringSettings = settings;
  recordAudit(em, actor, {
    action: 'settings.hiring_update',
    targetType: 'Tenant',
    targetId: actor.tenantId,
  });
  await em.flush();
  return settings;
}
