import {
  DEFAULT_NOTIFICATION_EMAIL_MODE,
  type TMembershipStatus,
  type TNotificationEmailMode,
  type TRole,
} from '@candor/schemas';
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
      /** How the member hears of their notifications by email (see notifications in @candor/schemas). */
      notificationEmail: notPersonal(
        p.string().length(10).$type<TNotificationEmailMode>().default(DEFAULT_NOTIFICATION_EMAIL_MODE),
        'a setting',
      ),
      /** When the last daily digest went out, so it goes once a day and covers what came since. */
      digestSentAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);
