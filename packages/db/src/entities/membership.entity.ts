import type { TMembershipStatus, TRole } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * A user's role in one tenant. Role and status are short strings validated by
 * the zod enums in @candor/schemas (SQLite enum columns churn migrations).
 */
export const Membership = defineEntity(
  {
    name: 'Membership',
    uniques: [{ properties: ['tenant', 'user'] }],
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
      user: () => p.manyToOne(User),
      role: notPersonal(p.string().length(20).$type<TRole>(), 'role name'),
      status: notPersonal(p.string().length(20).$type<TMembershipStatus>(), 'membership state'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);
