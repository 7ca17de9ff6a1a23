import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * Append-only record of a staff action: who did what to which record. It
 * names the target by type and id only, never by its content.
 */
export const AuditEvent = defineEntity(
  {
    name: 'AuditEvent',
    indexes: [
      { properties: ['tenant', 'at'] },
      { properties: ['chain', 'seq'] },
      { properties: ['subjectRef'] },
    ],
    uniques: [{ properties: ['chain', 'seq'] }],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant).nullable(),
      actorId: personal(p.uuid().nullable(), 'user.behavior.activity'),
      action: notPersonal(p.string().length(80), 'action name such as user.invite'),
      targetType: notPersonal(p.string().length(40), 'entity name'),
      targetId: notPersonal(p.string().length(64).nullable(), 'opaque id'),
      requestId: notPersonal(p.string().length(64).nullable(), 'opaque request id'),
      at: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      /**
       * A pseudonym of the data subject the action concerned (an HMAC of the
       * candidate's id), so the log can say "the same person" without naming
       * anyone, and keeps meaning after that person is erased.
       */
      subjectRef: notPersonal(p.string().length(64).nullable(), 'keyed hash of a candidate id'),
      /** Hash chain: the tenant's chain (or "global"), position in it, the previous event's hash and this one's. */
      chain: notPersonal(p.string().length(64).nullable(), 'tenant id or "global"'),
      seq: notPersonal(p.integer().nullable(), 'position in the audit chain'),
      prevHash: notPersonal(p.string().length(64).nullable(), 'sha-256 of the previous event'),
      hash: notPersonal(p.string().length(64).nullable(), 'sha-256 of this event'),
    },
  },
  { holds: 'staff' },
);

/** The last link of each audit chain, locked while the next event is appended. */
export const AuditChainHead = defineEntity(
  {
    name: 'AuditChainHead',
    properties: {
      id: notPersonal(p.string().length(64).primary(), 'tenant id or "global"'),
      seq: notPersonal(p.integer(), 'position in the audit chain'),
      hash: notPersonal(p.string().length(64), 'sha-256 of the last event'),
      /**
       * Where retention cut the chain: events up to this seq were deleted, and
       * the hash of the last of them, which the first kept event links to.
       * Verification starts here instead of at the genesis hash.
       */
      prunedThroughSeq: notPersonal(p.integer().default(0), 'position in the audit chain'),
      prunedThroughHash: notPersonal(p.string().length(64).nullable(), 'sha-256 of the last pruned event'),
    },
  },
  { holds: 'nobody', because: 'the position and hash of an audit chain' },
);
