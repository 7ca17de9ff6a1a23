import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Interview } from './interview.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

export type TStoredSlot = { startsAt: string; endsAt: string };

/**
 * Interview times offered to a candidate to pick from (self-scheduling). The
 * link's token is stored as its SHA-256; the link works once (`bookedAt`)
 * and until `expiresAt`. Title and place are staff's text about the
 * candidate, sealed under the candidate's key like the interview's.
 */
export const SchedulingLink = defineEntity(
  {
    name: 'SchedulingLink',
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
      tokenHash: notPersonal(p.string().length(64).unique(), 'hash of the scheduling link token'),
      title: personal(p.text(), 'user.recruitment.application'),
      location: personal(p.text().nullable(), 'user.recruitment.application'),
      videoUrl: notPersonal(p.string().length(500).nullable(), 'meeting link'),
      interviewerIds: notPersonal(p.json<string[]>(), 'staff identifiers'),
      slots: notPersonal(p.json<TStoredSlot[]>(), 'offered interview times'),
      /** The zone the times are first shown in (the job's); the candidate may pick another. */
      timeZone: notPersonal(p.string().length(64), 'IANA time zone setting'),
      expiresAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      bookedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      interview: () => p.manyToOne(Interview).nullable().deleteRule('set null'),
      createdBy: () => p.manyToOne(User).nullable(),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Offered by the hiring team',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
