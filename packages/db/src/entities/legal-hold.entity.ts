import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * Keeps a candidate's (or one application's) data from being erased or
 * anonymized, e.g. during a legal claim (GDPR Art. 17(3)(e)). Released
 * holds stay as the record of why data was kept.
 */
export const LegalHold = defineEntity(
  {
    name: 'LegalHold',
    indexes: [{ properties: ['tenant', 'releasedAt'] }],
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
      reason: notPersonal(
        p.string().length(500),
        'the legal reason, written without personal data (the form says so)',
      ),
      /** Optional last day (YYYY-MM-DD); the hold ends after it without anyone releasing it. */
      endsOn: notPersonal(p.string().length(10).nullable(), 'a calendar day'),
      placedBy: () => p.manyToOne(User).nullable(),
      placedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      releasedBy: () => p.manyToOne(User).nullable(),
      releasedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
    },
  },
  {
    holds: 'candidate',
    source: 'Recorded by Candor',
    erasure: 'anonymize',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);
