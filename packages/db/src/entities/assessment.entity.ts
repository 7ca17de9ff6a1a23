import type { TAssessmentKind, TAssessmentStatus } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { JobStage } from './job.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

export type TStoredAssessmentQuestion = {
  id: string;
  prompt: string;
  modelAnswer: string | null;
  criteria: Array<{ id: string; name: string; maxPoints: number }>;
};
/** An answer as stored: `answer` sealed under the candidate's key. */
export type TStoredAssessmentAnswer = { questionId: string; answer: string };
/** A reviewer's points for one criterion; `comment` sealed under the candidate's key. */
export type TStoredAssessmentScore = {
  questionId: string;
  criterionId: string;
  points: number;
  comment: string;
  byUserId: string | null;
};

/** An external assessment provider a tenant configured (docs/assessments.md). */
export const AssessmentProvider = defineEntity(
  {
    name: 'AssessmentProvider',
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
      name: notPersonal(p.string().length(100), 'company name of the provider'),
      invitationUrlTemplate: notPersonal(p.string().length(500), 'provider address'),
      webhookSecretWrapped: notPersonal(p.string().length(1000), 'sealed company credential'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: 'company settings' },
);

/** A questionnaire or take-home task the tenant wrote. */
export const Assessment = defineEntity(
  {
    name: 'Assessment',
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
      title: notPersonal(p.string().length(200), 'assessment title'),
      kind: notPersonal(p.string().length(20).$type<TAssessmentKind>(), 'questionnaire or take-home'),
      instructions: notPersonal(p.text().default(''), 'assessment wording'),
      questions: notPersonal(p.json<TStoredAssessmentQuestion[]>(), 'question wording and rubric'),
      timeLimitMinutes: notPersonal(p.integer().nullable(), 'assessment setting'),
      allowAttachments: notPersonal(p.boolean().default(false), 'assessment setting'),
      provider: () => p.manyToOne(AssessmentProvider).nullable(),
      createdBy: () => p.manyToOne(User).nullable(),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: 'assessment wording', exportLabel: 'title' },
);

/** The assessment a stage of a job carries (one per stage). */
export const StageAssessment = defineEntity(
  {
    name: 'StageAssessment',
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
      stage: () => p.manyToOne(JobStage).unique().deleteRule('cascade'),
      assessment: () => p.manyToOne(Assessment),
      autoSend: notPersonal(p.boolean().default(true), 'stage setting'),
    },
  },
  { holds: 'nobody', because: "a step of a job's pipeline" },
);

/**
 * An assessment sent to one application: the link (its token stored as a
 * SHA-256), the time limit's clock, the candidate's answers (sealed under
 * their key) and the reviewers' scores (comments sealed too).
 */
export const AssessmentInvitation = defineEntity(
  {
    name: 'AssessmentInvitation',
    indexes: [{ properties: ['application'] }, { properties: ['tenant', 'invitedAt'] }],
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
      assessment: () => p.manyToOne(Assessment),
      /** `candor`, or the external provider's id. */
      provider: notPersonal(p.string().length(40), 'who runs the assessment'),
      status: notPersonal(p.string().length(12).$type<TAssessmentStatus>(), 'assessment status'),
      tokenHash: notPersonal(p.string().length(64).nullable().unique(), 'hash of the link token'),
      questions: notPersonal(p.json<TStoredAssessmentQuestion[]>(), 'the questions as asked'),
      timeLimitMinutes: notPersonal(p.integer().nullable(), 'assessment setting'),
      allowAttachments: notPersonal(p.boolean().default(false), 'assessment setting'),
      invitedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      startedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      deadlineAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      submittedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      submittedByDeadline: notPersonal(p.boolean().default(false), 'how it was submitted'),
      answers: personal(p.json<TStoredAssessmentAnswer[]>().nullable(), 'user.recruitment.application'),
      /** Files the candidate added, as Attachment ids (the files are the candidate's attachments). */
      attachmentIds: notPersonal(p.json<string[]>().nullable(), 'random identifiers'),
      scores: personal(p.json<TStoredAssessmentScore[]>().nullable(), 'user.recruitment.evaluation'),
      totalPoints: personal(p.integer().nullable(), 'user.recruitment.evaluation'),
      maxPoints: notPersonal(p.integer(), 'the rubric total'),
      scoredAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      externalResultUrl: personal(p.string().length(500).nullable(), 'user.recruitment.evaluation'),
      createdBy: () => p.manyToOne(User).nullable(),
    },
  },
  {
    holds: 'candidate',
    source: 'Your answers to an assessment, and the hiring team’s scores',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
