import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * A tenant's key-encryption key (AES-256), stored wrapped under the master
 * key. It wraps the tenant's candidate data keys, which live outside the
 * database (see docs/keys.md). The active key is the newest one not
 * retired; a retired key stays until no candidate key file refers to it.
 */
export const TenantDataKey = defineEntity(
  {
    name: 'TenantDataKey',
    indexes: [{ properties: ['tenant', 'createdAt'] }],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant),
      wrappedKey: notPersonal(p.text(), 'tenant key encrypted under the master key'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      retiredAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  { holds: 'nobody', because: "a company's wrapped data key" },
);

/**
 * A deployment-wide secret, stored wrapped under the master key (so
 * rotating the master key re-wraps it and never changes it): the root of
 * the keyed hashes (audit pseudonyms, privacy-portal email and code hashes,
 * signed renewal links), which must stay the same for as long as the
 * values made with them are kept.
 */
export const SystemSecret = defineEntity(
  {
    name: 'SystemSecret',
    properties: {
      id: notPersonal(p.string().length(40).primary(), 'the secret’s purpose'),
      wrapped: notPersonal(p.text(), 'secret encrypted under the master key'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: 'a wrapped installation secret' },
);
