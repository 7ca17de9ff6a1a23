import type { TJurisdiction, TRequestStatus, TRequestType } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

export type TExecutedAction = { at: string; action: string; detail: string };

/**
 * A data subject's request (access, erasure ...) from the privacy portal or
 * entered by staff, tracked against its legal due date. The subject's
 * contact details stay on the request after an erasure: answering it is
 * the legal obligation (Art. 6(1)(c)) that keeps them.
 */
export const PrivacyRequest = defineEntity(
  {
    name: 'PrivacyRequest',
    indexes: [{ properties: ['tenant', 'status', 'dueOn'] }, { properties: ['tenant', 'receivedAt', 'id'] }],
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
      /** The candidate the request is about, when known; null once erased or when no record matched. */
      candidate: () => p.manyToOne(Candidate).nullable().deleteRule('set null'),
      type: notPersonal(p.string().length(20).$type<TRequestType>(), 'request type'),
      channel: notPersonal(p.string().length(12), 'how the request arrived'),
      requesterName: personal(p.string().length(120).nullable(), 'user.name'),
      requesterEmail: personal(p.string().length(254), 'user.contact.email'),
      /** Someone acting for the subject (an authorized agent), with their proof in `agentProof`. */
      agentName: personal(p.string().length(120).nullable(), 'user.name'),
      agentProof: personal(p.text().nullable(), 'user.recruitment.application'),
      /** The proof as a document or scan in the file store; kept with the request as evidence of the agent's authority. */
      agentProofKey: notPersonal(p.string().length(80).nullable(), 'random file name in the file store'),
      agentProofFilename: personal(p.string().length(200).nullable(), 'user.recruitment.application'),
      agentProofContentType: notPersonal(p.string().length(100).nullable(), 'media type'),
      agentProofSize: notPersonal(p.integer().nullable(), 'file size'),
      /** The tenant data key the proof file is sealed with; null for files stored before sealing existed (plain). */
      agentProofSealedWith: notPersonal(
        p.uuid().nullable(),
        'id of the tenant key that seals the proof file',
      ),
      details: personal(p.text().default(''), 'user.recruitment.application'),
      country: notPersonal(p.string().length(2).nullable(), 'country code'),
      jurisdiction: notPersonal(
        p.string().length(12).$type<TJurisdiction>(),
        'legal regime of the deadlines',
      ),
      verification: notPersonal(p.string().length(12).default('unverified'), 'identity verification state'),
      status: notPersonal(
        p.string().length(12).$type<TRequestStatus>().default('received'),
        'workflow state',
      ),
      /** When the request was recorded; for a portal request, the moment it arrived. */
      receivedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      /**
       * The calendar day (YYYY-MM-DD) the request arrived, which staff enter for
       * a letter or call: its deadlines run from this day. Every request names
       * it; the empty default exists only because SQLite adds a NOT NULL column
       * to a table only with one (and changing it later rebuilds the table).
       */
      receivedOn: notPersonal(p.string().length(10).default(''), 'a calendar day'),
      dueOn: notPersonal(p.string().length(10), 'a calendar day'),
      extendedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      extensionReason: notPersonal(p.string().length(1000).nullable(), 'why the deadline was extended'),
      acknowledgedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      assignee: () => p.manyToOne(User).nullable(),
      refusalReason: notPersonal(p.string().length(1000).nullable(), 'legal reason for refusing'),
      answer: personal(p.text().nullable(), 'user.recruitment.application'),
      actions: notPersonal(p.json<TExecutedAction[]>(), 'what was executed, without personal values'),
      lastError: notPersonal(p.string().length(500).nullable(), 'error kind, no personal values'),
      completedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  {
    holds: 'candidate',
    source: 'Your requests about your data',
    // The request proves the erasure was done.
    erasure: 'anonymize',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);

/** A staff note on a privacy request. */
export const PrivacyRequestNote = defineEntity(
  {
    name: 'PrivacyRequestNote',
    indexes: [{ properties: ['request', 'createdAt'] }],
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
      request: () => p.manyToOne(PrivacyRequest).deleteRule('cascade'),
      author: () => p.manyToOne(User).nullable(),
      body: personal(p.text(), 'user.recruitment.application'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Notes of the staff handling your requests',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);

/**
 * A one-time code sent to an email address to open the privacy portal. Only
 * hashes are stored; it expires after 15 minutes or 5 wrong tries.
 */
export const PortalCode = defineEntity(
  {
    name: 'PortalCode',
    indexes: [{ properties: ['tenant', 'emailHash', 'createdAt'] }],
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
      emailHash: notPersonal(p.string().length(64), 'keyed hash of an email address'),
      codeHash: notPersonal(p.string().length(64), 'hash of a one-time code'),
      /** Keyed hash of the network that asked (see portal-auth.ts): a request from elsewhere never cancels this code. */
      requestedFrom: notPersonal(p.string().length(64).nullable(), 'keyed hash of a network prefix'),
      attempts: notPersonal(p.integer().default(0), 'wrong tries'),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      usedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: 'only keyed hashes of an address and of a code, gone within minutes' },
);

/** A short privacy-portal session, scoped to one email address at one tenant. */
export const PortalSession = defineEntity(
  {
    name: 'PortalSession',
    filters: tenantFilter,
    properties: {
      id: notPersonal(p.string().length(64).primary(), 'hash of a random token'),
      tenant: () => p.manyToOne(Tenant),
      email: personal(p.string().length(254), 'user.contact.email'),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Your sign-ins to the privacy portal',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);
