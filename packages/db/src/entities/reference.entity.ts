import type { TRefereeStatus } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

export type TStoredReferenceQuestion = {
  id: string;
  label: string;
  kind: 'text' | 'yesno';
  required: boolean;
};
export type TStoredReferenceAnswer = { questionId: string; answer: string };

/**
 * A link sent to the candidate to name their referees. The token is stored
 * as its SHA-256; the link works once (`completedAt`) and until `expiresAt`.
 */
export const ReferenceRequest = defineEntity(
  {
    name: 'ReferenceRequest',
    indexes: [{ properties: ['application'] }],
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
      tokenHash: notPersonal(p.string().length(64).nullable().unique(), 'hash of the link token'),
      count: notPersonal(p.integer(), 'how many referees are asked for'),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      completedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdBy: () => p.manyToOne(User).nullable(),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Sent to you by the hiring team',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);

/**
 * A referee named for an application, and what they wrote. The name, email
 * and relationship came from the candidate (on their page, or through staff,
 * who record that the candidate had the referee's agreement); the answers
 * are the referee's words about the candidate. Both people are its subjects:
 * the candidate's export and erasure reach it through the application, the
 * referee's own export finds it by `email` (docs/reference-checks.md).
 */
export const Referee = defineEntity(
  {
    name: 'Referee',
    indexes: [{ properties: ['application'] }, { properties: ['tenant', 'email'] }],
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
      name: personal(p.string().length(200), 'user.name'),
      email: personal(p.string().length(254), 'user.contact.email'),
      relationship: personal(p.string().length(200), 'user.professional.history'),
      consentRecordedBy: notPersonal(p.string().length(10).$type<'candidate' | 'staff'>(), 'who recorded it'),
      status: notPersonal(p.string().length(12).$type<TRefereeStatus>(), 'reference status'),
      questions: notPersonal(p.json<TStoredReferenceQuestion[]>(), "the tenant's questions as asked"),
      answers: personal(p.json<TStoredReferenceAnswer[]>().nullable(), 'user.recruitment.evaluation'),
      tokenHash: notPersonal(p.string().length(64).nullable().unique(), 'hash of the form link token'),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      respondedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdBy: () => p.manyToOne(User).nullable(),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'The referees you named, and what they wrote about you',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
