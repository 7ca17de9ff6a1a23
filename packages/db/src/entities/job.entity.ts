import type {
  TJobQuestion,
  TJobStatus,
  TJobTranslations,
  TProfileSection,
  TStageKind,
} from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

export type TStoredCriterion = { id: string; name: string; description: string };

/**
 * A job opening. Enumerated values are short strings validated by the zod
 * enums in @candor/schemas; the salary range is four nullable columns so the
 * careers site and reports can read it without parsing JSON.
 */
export const Job = defineEntity(
  {
    name: 'Job',
    indexes: [{ properties: ['tenant', 'status', 'createdAt'] }],
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
      title: notPersonal(p.string().length(120), 'public job title'),
      department: notPersonal(p.string().length(80), 'department name'),
      city: notPersonal(p.string().length(80).nullable(), 'office city'),
      country: notPersonal(p.string().length(2).nullable(), 'ISO country code'),
      workplace: notPersonal(p.string().length(10), 'onsite, hybrid or remote'),
      employmentType: notPersonal(p.string().length(20), 'employment type'),
      descriptionMd: notPersonal(p.text().default(''), 'public job description'),
      /** Title and description in the careers site's other languages; null: the default wording everywhere. */
      translations: notPersonal(p.json<TJobTranslations>().nullable(), 'public job posting wording'),
      salaryMin: notPersonal(p.integer().nullable(), "the job's salary range"),
      salaryMax: notPersonal(p.integer().nullable(), "the job's salary range"),
      salaryCurrency: notPersonal(p.string().length(3).nullable(), 'ISO currency code'),
      salaryPeriod: notPersonal(p.string().length(10).nullable(), 'year, month or hour'),
      status: notPersonal(p.string().length(12).$type<TJobStatus>().default('draft'), 'job status'),
      statusChangedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      statusChangedBy: () => p.manyToOne(User).nullable(),
      openedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      closedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      questions: notPersonal(p.json<Array<TJobQuestion & { id: string }>>(), 'question wording'),
      criteria: notPersonal(p.json<TStoredCriterion[]>(), 'scorecard criteria names'),
      /** Profile sections the apply form asks for (education, work history ...); empty: the resume is enough. */
      profileSections: notPersonal(
        p
          .json<TProfileSection[]>()
          .onCreate(() => [])
          .default('[]'),
        'which form sections are shown',
      ),
      /** When a job alert last went to the talent pool: the next one goes only to members who joined since. */
      jobAlertSentAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      /** IANA zone the candidate's interview emails and scheduling page use; null: UTC. */
      timeZone: notPersonal(p.string().length(64).nullable(), 'IANA time zone setting'),
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
  { holds: 'nobody', because: 'a job posting', exportLabel: 'title' },
);

/** One column of a job's pipeline, copied from the tenant's template and editable per job. */
export const JobStage = defineEntity(
  {
    name: 'JobStage',
    indexes: [{ properties: ['job', 'position'] }],
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
      job: () => p.manyToOne(Job),
      name: notPersonal(p.string().length(60), 'stage name'),
      kind: notPersonal(p.string().length(12).$type<TStageKind>(), 'stage kind'),
      position: notPersonal(p.integer(), 'order in the pipeline'),
      /** Blind review: while an application sits here, hiring managers see it without the candidate's identity. */
      blindReview: notPersonal(p.boolean().default(false), 'stage setting'),
      /** Days an application may sit here without activity before the dashboard calls it stuck; null: the default. */
      targetDays: notPersonal(p.integer().nullable(), 'stage setting'),
    },
  },
  { holds: 'nobody', because: "a step of a job's pipeline", exportLabel: 'name' },
);

/** A staff member on a job's hiring team; hiring managers see only jobs they are on. */
export const HiringTeamMember = defineEntity(
  {
    name: 'HiringTeamMember',
    uniques: [{ properties: ['job', 'user'] }],
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
      job: () => p.manyToOne(Job),
      user: () => p.manyToOne(User),
      role: notPersonal(p.string().length(20), 'recruiter, hiring_manager or interviewer'),
    },
  },
  { holds: 'staff' },
);
