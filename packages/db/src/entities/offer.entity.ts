import type { TOfferStatus } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * A job offer: drafted by a recruiter, approved by an admin, sent as a PDF
 * letter with a link (a random token, stored hashed) where the candidate
 * accepts or declines before it expires.
 */
export const Offer = defineEntity(
  {
    name: 'Offer',
    // The dashboard reads the offers waiting for approval or an answer by status.
    indexes: [
      { properties: ['application', 'createdAt'] },
      { properties: ['tenant', 'status'] },
      // Hiring reports: the offers sent in a period.
      { properties: ['tenant', 'sentAt'] },
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
      application: () => p.manyToOne(Application),
      salary: personal(p.integer(), 'user.financial.salary_expectation'),
      currency: notPersonal(p.string().length(3), 'ISO currency code'),
      period: notPersonal(p.string().length(10), 'year, month or hour'),
      startDate: personal(p.string().length(10), 'user.recruitment.application'),
      expiresOn: notPersonal(p.string().length(10), 'offer deadline'),
      terms: personal(p.text(), 'user.recruitment.application'),
      status: notPersonal(p.string().length(20).$type<TOfferStatus>(), 'offer status'),
      createdBy: () => p.manyToOne(User).nullable(),
      approvedBy: () => p.manyToOne(User).nullable(),
      approvedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      sentAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      respondedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      tokenHash: notPersonal(p.string().length(64).nullable().unique(), 'hash of the response link token'),
      letterKey: notPersonal(p.string().length(80).nullable(), 'file store key of the letter PDF'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Drafted by the hiring team',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
    // The letter PDF names the candidate too.
    files: ['letterKey'],
  },
);
