import { DEFAULT_PRIVACY_SETTINGS, defaultNoticeMd } from '@candor/schemas';
import { PrivacyNotice, Tenant } from '../entities/index.js';
import type { Em } from '../orm.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A demo tenant's privacy setup: its contact address, and notice version 1
 * in effect since before the first demo application, so the careers site
 * takes applications from the first start.
 */
export async function seedDemoPrivacy(tx: Em, tenantId: string, contactEmail: string): Promise<void> {
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  tenant.privacySettings = { ...DEFAULT_PRIVACY_SETTINGS, contactEmail };
  const publishedAt = new Date(Date.now() - 200 * DAY);
  tx.create(PrivacyNotice, {
    tenant,
    version: 1,
    bodyMd: defaultNoticeMd(tenant.name),
    effectiveOn: publishedAt.toISOString().slice(0, 10),
    materialChange: false,
    changeSummary: '',
    publishedAt,
    publishedBy: null,
    updatedAt: publishedAt,
  });
}
