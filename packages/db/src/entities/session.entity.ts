import { defineEntity, p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

/**
 * A signed-in staff session. The primary key is the SHA-256 of the cookie's
 * token, so a copy of this table cannot be replayed as cookies.
 */
export const Session = defineEntity({
  name: 'Session',
  properties: {
    id: notPersonal(p.string().length(64).primary(), 'hash of a random token'),
    user: () => p.manyToOne(User).index(),
    activeTenant: () => p.manyToOne(Tenant),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
