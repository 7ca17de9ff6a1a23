import type { TRecommendation } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/** A scheduled interview of one application. */
export const Interview = defineEntity(
  {
    name: 'Interview',
    indexes: [
      { properties: ['application', 'startsAt'] },
      // The dashboard: the tenant's interviews of a day or week, and those ended without feedback.
      { properties: ['tenant', 'startsAt'] },
      { properties: ['tenant', 'endsAt'] },
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
      /** Staff's free text, often naming the candidate ("Call with Ada"): theirs, sealed under their key. */
      title: personal(p.text(), 'user.recruitment.application'),
      startsAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      endsAt: notPersonal(p.datetime(), 'a date, context for the values beside it'),
      location: personal(p.text().nullable(), 'user.recruitment.application'),
      videoUrl: notPersonal(p.string().length(500).nullable(), 'meeting link'),
      status: notPersonal(p.string().length(12).default('scheduled'), 'scheduled or cancelled'),
      /** The calendar event's revision (iCalendar SEQUENCE): each reschedule or the cancellation raises it, so calendars apply the latest. */
      sequence: notPersonal(p.integer().default(0), 'calendar revision counter'),
      createdBy: () => p.manyToOne(User).nullable(),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Scheduled by the hiring team',
    erasure: 'anonymize',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);

/** Who interviews: each interviewer owes one scorecard. */
export const InterviewParticipant = defineEntity(
  {
    name: 'InterviewParticipant',
    uniques: [{ properties: ['interview', 'user'] }],
    indexes: [{ properties: ['tenant', 'user'] }],
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
      interview: () => p.manyToOne(Interview),
      user: () => p.manyToOne(User),
    },
  },
  {
    holds: 'candidate',
    source: 'Scheduled by the hiring team',
    erasure: 'delete',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);

export type TStoredRating = { criterionId: string; rating: number };

/** One interviewer's feedback after one interview: an opinion about the candidate (GDPR Art. 15 covers it). */
export const Scorecard = defineEntity(
  {
    name: 'Scorecard',
    uniques: [{ properties: ['interview', 'author'] }],
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
      interview: () => p.manyToOne(Interview),
      author: () => p.manyToOne(User),
      ratings: personal(p.json<TStoredRating[]>(), 'user.recruitment.evaluation'),
      recommendation: personal(p.string().length(12).$type<TRecommendation>(), 'user.recruitment.evaluation'),
      notes: personal(p.text(), 'user.recruitment.evaluation'),
      submittedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: "The interviewers' evaluations of you",
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
