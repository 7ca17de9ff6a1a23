import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';

/** A staff account. One user may be a member of several tenants. */
export const User = defineEntity(
  {
    name: 'User',
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      email: personal(p.string().length(254).unique(), 'user.contact.email'),
      name: personal(p.string().length(120), 'user.name'),
      passwordHash: personal(p.string().length(255).nullable(), 'user.authorization.credentials'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      lastSignInAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  { holds: 'staff' },
);
