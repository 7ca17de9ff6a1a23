import {
  API_SCOPES,
  ZApplication,
  ZApplicationCreateInput,
  ZApplicationListItem,
  ZApplicationSource,
  ZApplicationStatus,
  ZCandidate,
  ZCandidateCreateInput,
  ZCandidateListItem,
  ZJob,
  ZJobStatus,
  ZReports,
} from '@candor/schemas';
import { z } from '@hono/zod-openapi';

/**
 * What the REST API accepts and answers, derived from the backoffice's own
 * schemas in @candor/schemas: the same validation, and the output schemas
 * are whitelists (staff-only parts such as notes, hiring teams and
 * interviewers' names are left out).
 */

export const ZApiError = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'FORBIDDEN' }),
      message: z.string(),
      /** Field path to messages, on 400. */
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      /** The scope the key lacks, on 403. */
      missingScope: z.enum(API_SCOPES).optional(),
    }),
  })
  .openapi('Error');

const ZPage = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ description: 'Page number, from 1' }),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(25)
    .openapi({ description: 'Items per page (at most 100)' }),
  updatedSince: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Only items changed (or with activity) at or after this time, ISO 8601' }),
});

function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      page: z.number().int(),
      perPage: z.number().int(),
      total: z.number().int().openapi({ description: 'Exact up to a cap; see `capped`' }),
      capped: z.boolean(),
      hasMore: z.boolean(),
    })
    .openapi(name);
}

export const ZIdParam = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0190f5b2-6c1e-7c4e-9a39-3f6f4a2b1c0d' }),
});

export const ZRestJob = ZJob.pick({
  id: true,
  title: true,
  department: true,
  city: true,
  country: true,
  workplace: true,
  employmentType: true,
  descriptionMd: true,
  status: true,
  openedAt: true,
  createdAt: true,
  stages: true,
}).openapi('Job');
export const ZRestJobListItem = ZRestJob.omit({ descriptionMd: true, stages: true }).openapi('JobListItem');
export const ZRestJobPage = pageOf(ZRestJobListItem, 'JobPage');
export const ZRestJobQuery = ZPage.extend({ status: ZJobStatus.optional() });

export const ZRestCandidate = ZCandidate.pick({
  id: true,
  name: true,
  email: true,
  phone: true,
  location: true,
  links: true,
  source: true,
  createdAt: true,
  lastActivityAt: true,
  applications: true,
}).openapi('Candidate');
export const ZRestCandidateListItem = ZCandidateListItem.pick({
  id: true,
  name: true,
  email: true,
  phone: true,
  location: true,
  links: true,
  source: true,
  createdAt: true,
  lastActivityAt: true,
  applicationCount: true,
}).openapi('CandidateListItem');
export const ZRestCandidatePage = pageOf(ZRestCandidateListItem, 'CandidatePage');
export const ZRestCandidateQuery = ZPage.extend({ source: ZApplicationSource.optional() });
export const ZRestCandidateCreate = ZCandidateCreateInput.extend({}).openapi('CandidateCreate');

export const ZRestApplicationListItem = ZApplicationListItem.pick({
  id: true,
  job: true,
  stage: true,
  status: true,
  source: true,
  appliedAt: true,
  lastActivityAt: true,
  stageEnteredAt: true,
})
  .extend({ candidate: z.object({ id: z.uuid(), name: z.string(), email: z.string() }) })
  .openapi('ApplicationListItem');
export const ZRestApplication = ZRestApplicationListItem.extend({
  jobStages: ZApplication.shape.jobStages,
  stageHistory: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), at: z.iso.datetime() }).openapi('StageChange'),
  ),
}).openapi('Application');
export const ZRestApplicationPage = pageOf(ZRestApplicationListItem, 'ApplicationPage');
export const ZRestApplicationQuery = ZPage.extend({
  jobId: z.uuid().optional(),
  candidateId: z.uuid().optional(),
  status: ZApplicationStatus.optional(),
});
export const ZRestApplicationCreate = ZApplicationCreateInput.extend({}).openapi('ApplicationCreate');
export const ZRestStageMove = z
  .object({ stageId: z.uuid().openapi({ description: "One of the job's stages (see `jobStages`)" }) })
  .openapi('StageMove');

export const ZRestPipelineQuery = z.object({
  from: z.iso.date().optional().openapi({ description: 'First day, YYYY-MM-DD (default: 90 days ago)' }),
  to: z.iso.date().optional().openapi({ description: 'Last day, YYYY-MM-DD (default: today)' }),
  jobId: z.uuid().optional(),
});
export const ZRestPipelineReport = ZReports.pick({
  from: true,
  to: true,
  computedAt: true,
  scopeLabel: true,
  k: true,
  funnel: true,
  timeToHire: true,
  timeInStage: true,
  sources: true,
}).openapi('PipelineReport');
