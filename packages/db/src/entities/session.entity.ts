import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

/**
 * A signed-in staff session. The primary key is the SHA-256 of the cookie's
 * token, so a copy of this table cannot be replayed as cookies. For "Your
 * sessions" it keeps only a short device label derived from the user agent
 * (never the user agent itself or the IP address) and when it was last used.
 */
export const Session = defineEntity(
  {
    name: 'Session',
    properties: {
      id: notPersonal(p.string().length(64).primary(), 'hash of a random token'),
      user: () => p.manyToOne(User).index(),
      activeTenant: () => p.manyToOne(Tenant),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      /** "Chrome on Linux": null when the user agent said nothing recognisable. */
      deviceLabel: personal(p.string().length(60).nullable(), 'user.device.user_agent'),
      /** Updated at most every few minutes (see sessions.ts), not on every request; null on sessions older than it. */
      lastSeenAt: notPersonal(
        p
          .datetime()
          .nullable()
          .onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      /** How it was signed in (ZSignInMethod): a tenant requiring a second factor refuses 'password' alone. */
      signedInWith: notPersonal(p.string().length(20).default('password'), 'sign-in method'),
    },
  },
  { holds: 'staff' },
);
