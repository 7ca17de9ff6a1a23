import { defineEntity, p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { newId } from './ids.js';
import { tenantFilter } from './tenant-filter.js';
import { Tenant } from './tenant.entity.js';

/**
 * A tenant's key-encryption key (AES-256), stored wrapped under the master
 * key. It wraps the tenant's candidate data keys, which live outside the
 * database (see docs/keys.md). The active key is the newest one not
 * retired; a retired key stays until no candidate key file refers to it.
 */
export const TenantDataKey = defineEntity({
  name: 'TenantDataKey',
  indexes: [{ properties: ['tenant', 'createdAt'] }],
  filters: tenantFilter,
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    tenant: () => p.manyToOne(Tenant),
    wrappedKey: notPersonal(p.text(), 'tenant key encrypted under the master key'),
    createdAt: p.datetime().onCreate(() => new Date()),
    retiredAt: p.datetime().nullable(),
  },
});
