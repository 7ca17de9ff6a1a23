import { p } from '@mikro-orm/core';
import { defineEntity } from './define-entity.js';
import { personal } from '../privacy.js';
import { newId } from './ids.js';

/** A staff account. One user may be a member of several tenants. */
export const User = defineEntity({
  name: 'User',
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    email: personal(p.string().length(254).unique(), 'user.contact.email'),
    name: personal(p.string().length(120), 'user.name'),
    passwordHash: personal(p.string().length(255).nullable(), 'user.authorization.credentials'),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastSignInAt: p.datetime().nullable(),
  },
}, { holds: 'staff' });
