import type { TJitRole } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * A tenant's OpenID Connect provider for staff sign-in (one per tenant).
 * The client secret is sealed under the master key (`v1.<iv>.<tag>.<ciphertext>`,
 * re-wrapped by keys:rotate-master). Allowed domains are lowercased; a
 * sign-in with an address outside them is refused. `jitRole` null means only
 * existing members sign in; otherwise a first sign-in makes a member with it.
 */
export const OidcConnection = defineEntity(
  {
    name: 'OidcConnection',
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant).unique(),
      providerName: notPersonal(p.string().length(40), 'company identity provider name'),
      issuerUrl: notPersonal(p.string().length(500), 'identity provider URL'),
      clientId: notPersonal(p.string().length(255), 'OAuth client identifier'),
      clientSecretWrapped: notPersonal(p.string().length(2000), 'sealed company credential'),
      allowedDomains: notPersonal(p.json<string[]>(), 'company email domains'),
      jitRole: notPersonal(p.string().length(20).$type<TJitRole>().nullable(), 'role name'),
      enabled: notPersonal(p.boolean(), 'setting'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      updatedAt: notPersonal(
        p
          .datetime()
          .onCreate(() => new Date())
          .onUpdate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: "a company's identity provider" },
);

/**
 * One single sign-on in progress, between the redirect to the provider and
 * its callback: short-lived and single use. Keyed by the SHA-256 of the
 * `state` sent to the provider; `browserHash` is the SHA-256 of a random
 * value in an httpOnly cookie of the browser that started it, so a callback
 * link started by someone else (login CSRF) does not sign this browser in.
 */
export const OidcSignInAttempt = defineEntity(
  {
    name: 'OidcSignInAttempt',
    properties: {
      id: notPersonal(p.string().length(64).primary(), 'hash of a random state'),
      tenant: () => p.manyToOne(Tenant).index(),
      nonce: notPersonal(p.string().length(100), 'random value'),
      codeVerifier: notPersonal(p.string().length(200), 'random PKCE verifier'),
      browserHash: notPersonal(p.string().length(64), 'hash of a random cookie value'),
      expiresAt: notPersonal(p.datetime().index(), 'a date, context for the values beside it'),
      usedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: 'random values and hashes of one sign-in in progress' },
);
