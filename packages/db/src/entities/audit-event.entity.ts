import { defineEntity, p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { newId } from './ids.js';
import { tenantFilter } from './tenant-filter.js';
import { Tenant } from './tenant.entity.js';

/**
 * Append-only record of a staff action: who did what to which record. It
 * names the target by type and id only, never by its content.
 */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  indexes: [{ properties: ['tenant', 'at'] }],
  filters: tenantFilter,
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    tenant: () => p.manyToOne(Tenant).nullable(),
    actorId: personal(p.uuid().nullable(), 'user.behavior.activity'),
    action: notPersonal(p.string().length(80), 'action name such as user.invite'),
    targetType: notPersonal(p.string().length(40), 'entity name'),
    targetId: notPersonal(p.string().length(64).nullable(), 'opaque id'),
    requestId: notPersonal(p.string().length(64).nullable(), 'opaque request id'),
    at: p.datetime().onCreate(() => new Date()),
  },
});
