import type {
  NOTICE_MAILING_STATES,
  TConsentChannel,
  TConsentDecision,
  TNoticeTranslations,
} from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

type TNoticeMailingState = (typeof NOTICE_MAILING_STATES)[number];

/**
 * A privacy notice: one draft per tenant (version null) and the published
 * versions, which never change again. Applications record the version they
 * were made under.
 */
export const PrivacyNotice = defineEntity(
  {
    name: 'PrivacyNotice',
    uniques: [{ properties: ['tenant', 'version'] }],
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
      version: notPersonal(p.integer().nullable(), 'version number'),
      bodyMd: notPersonal(p.text(), 'the company privacy notice'),
      /** The same version's text in the careers site's other languages (each language its own text). */
      translations: notPersonal(p.json<TNoticeTranslations>().nullable(), 'the company privacy notice'),
      effectiveOn: notPersonal(p.string().length(10).nullable(), 'a calendar day'),
      materialChange: notPersonal(p.boolean().default(false), 'whether consent must be asked again'),
      changeSummary: notPersonal(p.string().length(500).default(''), 'what changed in the notice'),
      publishedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      publishedBy: () => p.manyToOne(User).nullable(),
      /**
       * Emailing a material change to the candidates held at publication, in
       * batches: the state, the last candidate id reached (batches go in id
       * order, so a restart resumes where it stopped) and the counts shown
       * to the admin.
       */
      mailingState: notPersonal(
        p.string().length(10).$type<TNoticeMailingState>().nullable(),
        'progress state',
      ),
      mailingCursor: notPersonal(p.string().length(36).nullable(), 'random identifier'),
      mailingTotal: notPersonal(p.integer().default(0), 'a count'),
      mailingQueued: notPersonal(p.integer().default(0), 'a count'),
      mailingSkipped: notPersonal(p.integer().default(0), 'a count'),
      mailingFinishedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      updatedAt: notPersonal(
        p
          .datetime()
          .onCreate(() => new Date())
          .onUpdate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: "a company's privacy notice" },
);

/**
 * One consent decision (given, refused or withdrawn) for one purpose, bound
 * to the notice version the person saw. Rows are only ever added: the
 * current state of a purpose is its latest event.
 */
export const ConsentEvent = defineEntity(
  {
    name: 'ConsentEvent',
    indexes: [
      { properties: ['candidate', 'occurredAt'] },
      { properties: ['tenant', 'purpose', 'occurredAt'] },
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
      candidate: () => p.manyToOne(Candidate),
      application: () => p.manyToOne(Application).nullable(),
      purpose: notPersonal(p.string().length(40), 'purpose key'),
      /** The wording the person agreed to, as it was then. */
      purposeLabel: notPersonal(p.string().length(160), 'purpose wording'),
      decision: personal(p.string().length(10).$type<TConsentDecision>(), 'user.privacy.consent'),
      noticeVersion: notPersonal(p.integer().nullable(), 'a privacy-notice version number'),
      channel: notPersonal(p.string().length(20).$type<TConsentChannel>(), 'where the decision was made'),
      gpc: notPersonal(
        p.boolean().default(false),
        'whether the browser sent Global Privacy Control, context of the decision',
      ),
      receipt: () => p.manyToOne(ConsentReceipt).nullable(),
      occurredAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Your own choices, when you applied or in the privacy portal',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);

/** A signed consent receipt (compact JWS) as issued to the person. */
export const ConsentReceipt = defineEntity(
  {
    name: 'ConsentReceipt',
    indexes: [{ properties: ['candidate', 'issuedAt'] }],
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
      candidate: () => p.manyToOne(Candidate),
      jws: personal(p.text(), 'user.privacy.consent'),
      issuedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Signed receipts we issued to you for your choices',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);

/**
 * The key a tenant signs consent receipts with (ECDSA P-256). The private
 * key is stored encrypted under the master key; the public one is published
 * on the careers site so anyone can verify a receipt.
 */
export const TenantSigningKey = defineEntity(
  {
    name: 'TenantSigningKey',
    filters: tenantFilter,
    properties: {
      id: notPersonal(p.string().length(64).primary(), 'key identifier'),
      tenant: () => p.manyToOne(Tenant),
      publicJwk: notPersonal(p.json<Record<string, string>>(), 'public key'),
      privateKeyWrapped: notPersonal(p.text(), 'private key encrypted under the master key'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      retiredAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  { holds: 'nobody', because: "a company's signing key" },
);
