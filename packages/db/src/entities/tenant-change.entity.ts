import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';

/**
 * A per-tenant counter of changes to the tenant's hiring data, moved on by
 * every staff mutation and every application, on whichever instance they
 * happen (apps/api/src/trpc/tenant-changes.ts). Copies of computed results
 * (the hiring reports) carry the counter they were made at and are not
 * served once it has moved, so no instance serves a report older than a
 * change made through another one.
 */
export const TenantChange = defineEntity(
  {
    name: 'TenantChange',
    properties: {
      tenantId: notPersonal(p.uuid().primary(), 'the tenant the counter is for'),
      generation: notPersonal(p.bigint('number'), 'a count of changes'),
    },
  },
  { holds: 'nobody', because: 'a count per tenant' },
);
