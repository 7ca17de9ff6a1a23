import { writeTenantSite } from '@candor/careers';
import { type Orm, Tenant } from '@candor/db';
import type { Logger } from '../logging/logger.js';

/**
 * Regenerates tenants' static careers sites from the database. Called at
 * start for every tenant and after changes that show on the site.
 */
export function createCareersPublisher(orm: Orm, outDir: string, logger: Logger) {
  async function publish(tenantId: string): Promise<void> {
    const tenant = await orm.em.fork().findOne(Tenant, tenantId);
    if (!tenant) return;
    await writeTenantSite(outDir, {
      tenant: { slug: tenant.slug, name: tenant.name, primaryColor: tenant.primaryColor, about: tenant.about },
    });
    logger.info('careers site published', { tenantId });
  }

  async function publishAll(): Promise<void> {
    const tenants = await orm.em.fork().find(Tenant, {}, { fields: ['id'] });
    for (const tenant of tenants) await publish(tenant.id);
  }

  return { publish, publishAll };
}
