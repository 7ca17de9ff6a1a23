import type { TApplicationSource, TLocale } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * One person, once per tenant (unique on the normalized email). The
 * normalized phone digits and name key exist only to find likely duplicates.
 */
export const Candidate = defineEntity(
  {
    name: 'Candidate',
    uniques: [{ properties: ['tenant', 'email'] }],
    indexes: [
      // The id breaks ties in list order, so pages are stable and index-ordered.
      { properties: ['tenant', 'createdAt', 'id'] },
      { properties: ['tenant', 'lastActivityAt', 'id'] },
      { properties: ['tenant', 'name', 'id'] },
      { properties: ['tenant', 'phoneDigits'] },
      { properties: ['tenant', 'nameKey'] },
      // Who has not been told where their data came from yet (Art. 14): the queue and the daily deadline round.
      { properties: ['tenant', 'sourcedNoticeSentAt', 'source', 'createdAt'] },
    ],
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
      name: personal(p.string().length(120), 'user.name'),
      email: personal(p.string().length(254), 'user.contact.email'),
      phone: personal(p.string().length(40).nullable(), 'user.contact.phone_number'),
      phoneDigits: personal(p.string().length(40).nullable(), 'user.contact.phone_number'),
      nameKey: personal(p.string().length(120), 'user.name'),
      location: personal(p.string().length(120).nullable(), 'user.contact.address'),
      links: personal(p.json<string[]>(), 'user.contact.url'),
      source: notPersonal(p.string().length(20).$type<TApplicationSource>(), 'how the candidate came in'),
      /** The careers-site language the candidate applied in: every email to them is written in it. */
      locale: notPersonal(
        p.string().length(5).default('en').$type<TLocale>(),
        'interface language of the careers site, chosen from the browser or the switcher',
      ),
      possibleDuplicate: notPersonal(p.boolean().default(false), 'a hint for staff to merge records'),
      /**
       * When a person added by staff (sourced, referred, imported) was sent
       * the Art. 14 notice: what is held, where it came from, their rights
       * (apps/api/src/privacy/sourced-notice.ts). Null until then, and for
       * applicants, who read the notice as they apply.
       */
      sourcedNoticeSentAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      /** Processing restricted (Art. 18): no stage moves, no emails, hidden from non-admins' searches. */
      restrictedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      lastActivityAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'You, through the careers site, or the hiring team (referral, sourcing, import): see `source`',
    erasure: 'anonymize',
    // The erased row keeps a label and an address no mail can reach (RFC 2606), still unique per tenant.
    anonymizedValues: {
      name: { expression: `'Anonymized candidate #' || substr(cast(id as text), 1, 8)` },
      email: { expression: `'anonymized-' || cast(id as text) || '@erased.invalid'` },
    },
    // Restriction ends with the data it restricted.
    clearedOnErasure: ['restrictedAt'],
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);
