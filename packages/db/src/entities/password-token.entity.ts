import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Membership } from './membership.entity.js';
import { User } from './user.entity.js';

/**
 * One-time link to set a password or accept an invitation (`invite`), or to
 * reset a password (`reset`). Only the hash is stored.
 */
export const PasswordToken = defineEntity(
  {
    name: 'PasswordToken',
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tokenHash: notPersonal(p.string().length(64).unique(), 'hash of a random token'),
      user: () => p.manyToOne(User),
      purpose: notPersonal(p.string().length(20).$type<'invite' | 'reset'>(), 'token purpose'),
      /** The invitation an `invite` link accepts; null for resets (and invitations sent before it was recorded). */
      membership: () => p.manyToOne(Membership).nullable(),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      usedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);
