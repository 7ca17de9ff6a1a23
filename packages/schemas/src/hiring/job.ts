import { z } from 'zod';
import { ZTimeZone } from '../calendar.js';
import { ZJobTranslations } from '../careers/languages.js';
import { listParams, listResult, ZId } from '../list.js';
import { ZProfileSection, ZProfileSections } from './profile-sections.js';
import { ZDepartmentName, ZStageKind, ZStageName, ZStageTargetDays } from './settings.js';

export const JOB_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export const ZJobStatus = z.enum(JOB_STATUSES);
export type TJobStatus = z.infer<typeof ZJobStatus>;

/** Which status a job may move to from each status. */
export const JOB_TRANSITIONS: Record<TJobStatus, readonly TJobStatus[]> = {
  draft: ['open', 'archived'],
  open: ['closed'],
  closed: ['open', 'archived'],
  archived: [],
};

export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'temporary', 'internship'] as const;
export const ZEmploymentType = z.enum(EMPLOYMENT_TYPES);
export const EMPLOYMENT_TYPE_LABELS: Record<z.infer<typeof ZEmploymentType>, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contract: 'Contract',
  temporary: 'Temporary',
  internship: 'Internship',
};

export const WORKPLACES = ['onsite', 'hybrid', 'remote'] as const;
export const ZWorkplace = z.enum(WORKPLACES);

export const SALARY_PERIODS = ['year', 'month', 'hour'] as const;

export const ZSalaryRange = z
  .object({
    min: z.number().int().min(0).max(100_000_000),
    max: z.number().int().min(0).max(100_000_000),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code like EUR'),
    period: z.enum(SALARY_PERIODS),
  })
  .refine((s) => s.min <= s.max, { message: 'The minimum is above the maximum', path: ['max'] });
export type TSalaryRange = z.infer<typeof ZSalaryRange>;

export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code like DE');

export const HIRING_TEAM_ROLES = ['recruiter', 'hiring_manager', 'interviewer'] as const;
export const ZHiringTeamRole = z.enum(HIRING_TEAM_ROLES);
export type THiringTeamRole = z.infer<typeof ZHiringTeamRole>;

export const QUESTION_KINDS = ['short_text', 'long_text', 'yes_no', 'single_choice'] as const;
export const ZQuestionKind = z.enum(QUESTION_KINDS);

export const ZJobQuestion = z
  .object({
    id: z.string().max(40).optional(),
    label: z.string().trim().min(1).max(300),
    kind: ZQuestionKind,
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
    /** An answer that rules the applicant out (yes/no and single choice only). */
    knockoutAnswer: z.string().max(120).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'single_choice' && q.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Give at least two options' });
    }
    if (q.knockoutAnswer !== null) {
      const allowed = q.kind === 'yes_no' ? ['yes', 'no'] : q.kind === 'single_choice' ? q.options : [];
      if (!allowed.includes(q.knockoutAnswer)) {
        ctx.addIssue({ code: 'custom', path: ['knockoutAnswer'], message: 'Pick one of the answers' });
      }
    }
  });
export type TJobQuestion = z.output<typeof ZJobQuestion>;

export const ZScorecardCriterion = z.object({
  id: z.string().max(40).optional(),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(300).default(''),
});

/** The editable fields of a job, without defaults (an update must not reset what it leaves out). */
const JOB_FIELDS = {
  title: z.string().trim().min(1, 'Give the job a title').max(120),
  department: ZDepartmentName,
  city: z.string().trim().max(80).nullable(),
  country: ZCountryCode.nullable(),
  workplace: ZWorkplace,
  employmentType: ZEmploymentType,
  // Keeps a job page (description twice: page and JSON-LD) inside the careers site's 30 KB budget.
  descriptionMd: z.string().max(10_000),
  salary: ZSalaryRange.nullable(),
  hiringTeam: z.array(z.object({ userId: ZId, role: ZHiringTeamRole })).max(50),
  questions: z.array(ZJobQuestion).max(30),
  criteria: z.array(ZScorecardCriterion).max(20),
  /** The zone of the candidate's interview emails; null: UTC. */
  timeZone: ZTimeZone.nullable(),
  /** Title and description in the careers site's other languages. */
  translations: ZJobTranslations,
  /** Profile sections the apply form asks for (none by default: the resume is always enough). */
  profileSections: ZProfileSections,
};

export const ZJobCreateInput = z
  .object({
    ...JOB_FIELDS,
    city: JOB_FIELDS.city.default(null),
    country: JOB_FIELDS.country.default(null),
    descriptionMd: JOB_FIELDS.descriptionMd.default(''),
    salary: JOB_FIELDS.salary.default(null),
    hiringTeam: JOB_FIELDS.hiringTeam.default([]),
    questions: JOB_FIELDS.questions.default([]),
    criteria: JOB_FIELDS.criteria.default([]),
    timeZone: JOB_FIELDS.timeZone.default(null),
    translations: JOB_FIELDS.translations.default({}),
    profileSections: JOB_FIELDS.profileSections.default([]),
  })
  .superRefine((job, ctx) => {
    if (job.workplace !== 'remote' && !job.country) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'Onsite and hybrid jobs need a country' });
    }
  });
export type TJobCreateInput = z.input<typeof ZJobCreateInput>;

/** Only the fields given change; the service checks the result as a whole (e.g. onsite needs a country). */
export const ZJobUpdateInput = z.object(JOB_FIELDS).partial().extend({ id: ZId });
export type TJobUpdateInput = z.input<typeof ZJobUpdateInput>;

export const ZJobStatusInput = z.object({ id: ZId, status: ZJobStatus });

/** The job's pipeline as edited: existing stages keep their id, new ones have none. */
export const ZJobStagesInput = z.object({
  id: ZId,
  stages: z
    .array(
      z.object({
        id: ZId.optional(),
        name: ZStageName,
        kind: ZStageKind,
        blindReview: z.boolean().default(false),
        /** Null: the default (DEFAULT_STAGE_TARGET_DAYS). */
        targetDays: ZStageTargetDays.nullable().default(null),
      }),
    )
    .min(3)
    .max(20),
});

export const ZJobStage = z.object({
  id: ZId,
  name: z.string(),
  kind: ZStageKind,
  position: z.number().int(),
  /** Hiring managers review applications in this stage without the candidate's identity. */
  blindReview: z.boolean(),
  /** Days without activity before an application here counts as stuck; null: the default. */
  targetDays: z.number().int().nullable(),
});
export type TJobStage = z.infer<typeof ZJobStage>;

export const ZUserRef = z.object({ id: ZId, name: z.string() });

export const ZJob = z.object({
  id: ZId,
  title: z.string(),
  department: z.string(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  workplace: ZWorkplace,
  employmentType: ZEmploymentType,
  descriptionMd: z.string(),
  salary: ZSalaryRange.nullable(),
  status: ZJobStatus,
  statusChangedAt: z.iso.datetime(),
  statusChangedBy: ZUserRef.nullable(),
  openedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  hiringTeam: z.array(z.object({ userId: ZId, name: z.string(), email: z.string(), role: ZHiringTeamRole })),
  stages: z.array(ZJobStage),
  questions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: ZQuestionKind,
      required: z.boolean(),
      options: z.array(z.string()),
      knockoutAnswer: z.string().nullable(),
    }),
  ),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  timeZone: z.string().nullable(),
  translations: ZJobTranslations,
  profileSections: z.array(ZProfileSection),
  applicationCounts: z.object({ active: z.number().int(), total: z.number().int() }),
});
export type TJob = z.infer<typeof ZJob>;

export const ZJobListItem = ZJob.omit({
  descriptionMd: true,
  questions: true,
  criteria: true,
  stages: true,
  translations: true,
  profileSections: true,
});
export type TJobListItem = z.infer<typeof ZJobListItem>;

export const ZJobListParams = listParams(
  ['createdAt', 'title', 'department', 'status'] as const,
  z.object({
    q: z.string().trim().max(120).optional(),
    status: ZJobStatus.optional(),
    department: ZDepartmentName.optional(),
    /** Jobs changed at or after this time (the REST API's incremental sync). */
    updatedSince: z.iso.datetime({ offset: true }).optional(),
  }),
);
export type TJobListParams = z.input<typeof ZJobListParams>;
export const ZJobListResult = listResult(ZJobListItem);
