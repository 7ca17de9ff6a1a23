import type { TApiScope, TWebhookDeliveryStatus, TWebhookEvent } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * Where a tenant's events go (an HR system, a chat tool): a URL, the events
 * it wants and the scopes that cut its payloads down. The signing secret is
 * sealed under the master key (`v1.<iv>.<tag>.<ciphertext>`, re-wrapped by
 * keys:rotate-master) and shown to the admin once.
 */
export const WebhookSubscription = defineEntity(
  {
    name: 'WebhookSubscription',
    indexes: [{ properties: ['tenant', 'active'] }],
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
      name: notPersonal(p.string().length(80), 'name of a receiving system'),
      url: notPersonal(p.string().length(500), "a company system's address"),
      events: notPersonal(p.json<TWebhookEvent[]>(), 'event names'),
      scopes: notPersonal(p.json<TApiScope[]>(), 'scope names'),
      secretWrapped: notPersonal(p.string().length(2000), 'sealed signing secret'),
      active: notPersonal(p.boolean().default(true), 'setting'),
      createdBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
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
  { holds: 'nobody', because: "a company system's address and settings" },
);

/**
 * One event for one subscription, written in the same transaction as the
 * change it reports (the outbox pattern) and delivered by
 * `deliverDueWebhooks`. The payload is cut down to the subscription's scopes
 * when it is written; with `candidates:read` it names the candidate, so it
 * is their data: erasing them deletes it, and `candidate.erased` itself is
 * written after, about no candidate row, carrying ids only.
 */
export const WebhookDelivery = defineEntity(
  {
    name: 'WebhookDelivery',
    indexes: [
      // The runner reads what is due, oldest first.
      { properties: ['status', 'nextAttemptAt'] },
      { properties: ['subscription', 'createdAt'] },
      { properties: ['candidate'] },
      { properties: ['application'] },
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
      subscription: () => p.manyToOne(WebhookSubscription).deleteRule('cascade'),
      /** Whom the payload is about, so erasure reaches it; null for a ping and for `candidate.erased`. */
      candidate: () => p.manyToOne(Candidate).nullable().deleteRule('cascade'),
      application: () => p.manyToOne(Application).nullable().deleteRule('cascade'),
      event: notPersonal(p.string().length(40).$type<TWebhookEvent | 'ping'>(), 'event name'),
      /** The same for every subscription told of one change: receivers de-duplicate on it. */
      eventId: notPersonal(p.uuid(), 'random identifier'),
      /** The JSON body sent, already cut down to the subscription's scopes. */
      payload: personal(p.json<Record<string, unknown>>(), 'user.recruitment.application'),
      /** The personal data categories the payload carries (none: ids only), for the disclosure log. */
      categories: notPersonal(p.json<string[]>(), 'data category keys'),
      status: notPersonal(
        p.string().length(12).$type<TWebhookDeliveryStatus>().default('pending'),
        'delivery state',
      ),
      attempts: notPersonal(p.integer().default(0), 'delivery attempts'),
      nextAttemptAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      lastHttpStatus: notPersonal(p.integer().nullable(), 'HTTP status code'),
      lastError: notPersonal(p.string().length(300).nullable(), 'transport error, no payload'),
      deliveredAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Events we sent about you to the company’s connected systems',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
