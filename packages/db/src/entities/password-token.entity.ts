import { defineEntity, p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { newId } from './ids.js';
import { User } from './user.entity.js';

/** One-time link to set a password (invitation) or reset it. Only the hash is stored. */
export const PasswordToken = defineEntity({
  name: 'PasswordToken',
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    tokenHash: notPersonal(p.string().length(64).unique(), 'hash of a random token'),
    user: () => p.manyToOne(User),
    purpose: notPersonal(p.string().length(20).$type<'invite' | 'reset'>(), 'token purpose'),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
