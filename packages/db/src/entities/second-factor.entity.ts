import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

/**
 * A staff user's authenticator app (TOTP, RFC 6238). The shared secret is
 * sealed under the master key (`v1.<iv>.<tag>.<ciphertext>`), never stored
 * in clear. `confirmedAt` is null while enrolment waits for a first code;
 * `lastUsedStep` is the 30-second step of the last accepted code, so no
 * code works twice.
 */
export const TotpFactor = defineEntity(
  {
    name: 'TotpFactor',
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      user: () => p.manyToOne(User).unique(),
      secretWrapped: personal(p.string().length(255), 'user.authorization.credentials'),
      confirmedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      lastUsedStep: notPersonal(p.integer().nullable(), 'time step of the last code, against replay'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);

/** A one-time recovery code of a user with TOTP, stored as a keyed hash. */
export const RecoveryCode = defineEntity(
  {
    name: 'RecoveryCode',
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      user: () => p.manyToOne(User).index(),
      codeHash: notPersonal(p.string().length(64).unique(), 'keyed hash of a random code'),
      usedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);

/**
 * A sign-in whose password was right and which waits for a second factor:
 * short-lived, single use, not a session (it opens nothing). Keyed by the
 * SHA-256 of the token the browser holds, like sessions.
 */
export const PendingSignIn = defineEntity(
  {
    name: 'PendingSignIn',
    properties: {
      id: notPersonal(p.string().length(64).primary(), 'hash of a random token'),
      user: () => p.manyToOne(User).index(),
      tenant: () => p.manyToOne(Tenant),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);
