import type { TApplicationSource, TApplicationStatus, TStageKind } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Job, JobStage } from './job.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

export type TStoredAnswer = { questionId: string; label: string; answer: string };

/** A candidate's application to one job (at most one per job). */
export const Application = defineEntity(
  {
    name: 'Application',
    uniques: [{ properties: ['job', 'candidate'] }],
    indexes: [
      // The id breaks ties in list order, so pages are stable and index-ordered.
      { properties: ['tenant', 'appliedAt', 'id'] },
      { properties: ['tenant', 'lastActivityAt', 'id'] },
      { properties: ['tenant', 'status', 'appliedAt', 'id'] },
      { properties: ['tenant', 'source', 'appliedAt', 'id'] },
      // A job's applications in list order (the job page), without sorting all of them.
      { properties: ['job', 'appliedAt', 'id'] },
      { properties: ['job', 'status', 'appliedAt', 'id'] },
      // The board reads each column's first cards from this index alone.
      { properties: ['job', 'stage', 'lastActivityAt', 'id'] },
      // The dashboard: new applications per entry stage, and those stuck in a stage, across jobs.
      { properties: ['stage', 'status', 'lastActivityAt'] },
      // The dashboard's longest waiting across all stages, oldest first, stopping at the first few.
      { properties: ['tenant', 'status', 'lastActivityAt', 'stage'] },
      { properties: ['candidate'] },
      // The search indexer finds what it has not read yet (null) without scanning every application.
      { properties: ['searchIndexedAt'] },
      // Hiring reports (apps/api/src/reports): a period's applications by how far they got and their source,
      // and its decisions by outcome and reason, each read from its index alone.
      {
        properties: ['tenant', 'appliedAt', 'candidateRestricted', 'furthestStep', 'source', 'status', 'job'],
      },
      {
        properties: [
          'tenant',
          'status',
          'decidedAt',
          'candidateRestricted',
          'rejectionReasonId',
          'job',
          'appliedAt',
        ],
      },
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
      job: () => p.manyToOne(Job),
      stage: () => p.manyToOne(JobStage),
      status: notPersonal(
        p.string().length(12).$type<TApplicationStatus>().default('active'),
        'application status',
      ),
      source: notPersonal(p.string().length(20).$type<TApplicationSource>(), 'application source'),
      answers: personal(p.json<TStoredAnswer[]>(), 'user.recruitment.application'),
      /** The privacy-notice version shown when the applicant applied (null when staff added it). */
      noticeVersion: notPersonal(p.integer().nullable(), 'a privacy-notice version number'),
      coverLetter: personal(p.text().nullable(), 'user.document.resume'),
      salaryExpectation: personal(p.string().length(60).nullable(), 'user.financial.salary_expectation'),
      appliedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      lastActivityAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      rejectionReasonId: notPersonal(p.string().length(40).nullable(), 'id of a tenant rejection reason'),
      rejectionNote: personal(p.text().nullable(), 'user.recruitment.evaluation'),
      decidedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      decidedBy: () => p.manyToOne(User).nullable(),
      /**
       * A copy of "the candidate restricted processing" (`candidate.restrictedAt`
       * is set), kept by database triggers (see ../application-counts.ts), so that
       * lists, counts and the board hide restricted people without joining the
       * candidates. The application never writes it.
       */
      candidateRestricted: notPersonal(p.boolean().default(false), 'copy of the candidate restriction flag'),
      /**
       * How far along the hiring funnel the application has ever been (1
       * applied, 2 screening, 3 interview, 4 offer, 5 hired; a rejection keeps
       * what was reached), kept by database triggers on every move and on the
       * stage history (see the report_columns migrations). The application never writes it.
       */
      furthestStep: notPersonal(p.smallint().default(1), 'how far along the hiring steps'),
      /** Set when retention blanked its personal values; the row stays as an anonymous statistic. */
      anonymizedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      /**
       * When the search indexer last read the cover letter and answers (see
       * apps/api/src/search/document-index.ts); null while it still has to,
       * which is what a new application, an identity change or a merge sets.
       */
      searchIndexedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      /**
       * A hire's record was handed to HR (downloaded for the HR system); the
       * hired-candidates retention rule counts from the later of this and the
       * hire, and never erases a hire HR has not received.
       */
      hrExportedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      hrExportedBy: () => p.manyToOne(User).nullable(),
      /** A recruiter revealed the candidate's identity to the reviewers; blind review no longer applies. */
      identityRevealedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      identityRevealedBy: () => p.manyToOne(User).nullable(),
    },
  },
  {
    holds: 'candidate',
    source: 'You, through the careers site, or the hiring team: see `source`',
    // Which job, which stage was reached, when: the tenant's anonymous hiring statistics.
    erasure: 'anonymize',
    onApplicationAnonymized: 'anonymize',
    export: { copies: 'all' },
  },
);

/** Every stage move of an application: who moved it, when, from where to where. */
export const StageChange = defineEntity(
  {
    name: 'StageChange',
    indexes: [
      { properties: ['application', 'at'] },
      // Time in stage (hiring reports): a period's stints by kind, read from this index alone.
      {
        properties: ['tenant', 'appliedAt', 'candidateRestricted', 'jobId', 'fromKind', 'waitedSeconds'],
      },
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
      fromStage: () => p.manyToOne(JobStage).nullable(),
      toStage: () => p.manyToOne(JobStage),
      by: () => p.manyToOne(User).nullable(),
      at: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      /*
       * Copies for the hiring reports, filled by database triggers when the
       * move is recorded (see the report_columns migrations), so that time in stage is
       * read without joining applications; the application never writes them.
       */
      /** The application's job and when it was applied for. */
      jobId: notPersonal(p.uuid().nullable(), 'copy of the application job'),
      appliedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      /** A copy of the application's copy of the candidate restriction flag. */
      candidateRestricted: notPersonal(p.boolean().default(false), 'copy of the candidate restriction flag'),
      /** The kind of stage the application left, and how long it had waited there (since the move before, or applying). */
      fromKind: notPersonal(p.string().length(12).$type<TStageKind>().nullable(), 'stage kind'),
      waitedSeconds: notPersonal(p.integer().nullable(), 'a duration, context for the values beside it'),
    },
  },
  {
    holds: 'candidate',
    source: 'Recorded by Candor when the hiring team moved your application',
    erasure: 'anonymize',
    onApplicationAnonymized: 'keep',
    export: { copies: 'all' },
  },
);

/** A staff note on an application. */
export const ApplicationNote = defineEntity(
  {
    name: 'ApplicationNote',
    indexes: [{ properties: ['application', 'createdAt'] }],
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
      author: () => p.manyToOne(User).nullable(),
      body: personal(p.text(), 'user.recruitment.evaluation'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Written by the hiring team',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);

/** A tag on an application; its own row so lists can filter by tag with an index. */
export const ApplicationTag = defineEntity(
  {
    name: 'ApplicationTag',
    uniques: [{ properties: ['application', 'tag'] }],
    // Covers "applications with this tag" without reading the rows.
    indexes: [{ properties: ['tenant', 'tag', 'application'] }],
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
      tag: personal(p.string().length(40), 'user.recruitment.evaluation'),
    },
  },
  {
    holds: 'candidate',
    source: 'Set by the hiring team',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
