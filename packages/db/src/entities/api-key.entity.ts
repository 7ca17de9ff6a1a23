import type { TApiScope } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * A key an HR system (or another integration) calls the REST API with
 * (`/api/v1`, docs/api.md). The key itself is shown once, when it is made;
 * only its SHA-256 is kept (it is 32 random bytes, so a plain hash cannot be
 * guessed back), so a copy of this table cannot call the API. `prefix` is
 * the key's first characters, which are not secret, so people can tell their
 * keys apart. A revoked key stays, as the record of what used to call in.
 */
export const ApiKey = defineEntity(
  {
    name: 'ApiKey',
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
      /** What the key is for ("Personio sync"): names a system, and is the recipient in the disclosure log. */
      name: notPersonal(p.string().length(120), 'the name of an integration'),
      prefix: notPersonal(p.string().length(16).unique(), 'the public start of a random key'),
      secretHash: notPersonal(p.string().length(64).unique(), 'hash of a random key'),
      scopes: notPersonal(p.json<TApiScope[]>(), 'API scope names'),
      createdBy: () => p.manyToOne(User),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      /** Updated at most every few minutes (rest-api/api-key-auth.ts), not on every request. */
      lastUsedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      revokedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  { holds: 'staff' },
);
