import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { User } from './user.entity.js';

/**
 * A staff user's passkey (a WebAuthn credential): signs them in without a
 * password, or stands as their second factor. Only the public key is kept;
 * the private key never leaves the authenticator. `counter` is the
 * authenticator's signature counter (0 for those that keep none), so a
 * cloned authenticator falling behind is refused.
 */
export const Passkey = defineEntity(
  {
    name: 'Passkey',
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      user: () => p.manyToOne(User).index(),
      /** The credential id as the browser sends it (base64url); at most 1,023 bytes by the spec. */
      credentialId: personal(p.string().length(1400).unique(), 'user.authorization.credentials'),
      /** The COSE public key, base64url. */
      publicKey: personal(p.text(), 'user.authorization.credentials'),
      counter: notPersonal(p.bigint('number'), "the authenticator's signature counter"),
      /** How the browser can reach the authenticator ('internal', 'hybrid', 'usb' ...), for allowCredentials. */
      transports: notPersonal(p.json<string[]>(), 'authenticator transport names'),
      /** 'singleDevice' or 'multiDevice' (synced), as the authenticator reported at registration. */
      deviceType: notPersonal(p.string().length(20), 'credential device type'),
      backedUp: notPersonal(p.boolean(), 'whether the credential is synced'),
      /** What the person called it ("MacBook Touch ID"), shown on their Account page. */
      name: personal(p.string().length(60), 'user.device.user_agent'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      lastUsedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  { holds: 'staff' },
);

/**
 * A WebAuthn challenge handed to a browser: single use, minutes long, kept
 * as the SHA-256 of the challenge itself (a random token the browser signs
 * and sends back in clientDataJSON). `purpose` is register, sign_in or
 * second_factor; `user` is whose ceremony it is (none for a passwordless
 * sign-in, where the passkey says who); `pendingSignInId` binds a second
 * factor's challenge to the one pending sign-in it was asked for.
 */
export const WebAuthnChallenge = defineEntity(
  {
    name: 'WebAuthnChallenge',
    properties: {
      id: notPersonal(p.string().length(64).primary(), 'hash of a random challenge'),
      purpose: notPersonal(p.string().length(20), 'ceremony kind'),
      user: () => p.manyToOne(User).nullable().index(),
      pendingSignInId: notPersonal(p.string().length(64).nullable(), 'hash of a random token'),
      expiresAt: notPersonal(p.datetime().index(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);
