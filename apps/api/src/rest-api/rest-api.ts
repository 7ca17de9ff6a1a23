import { type Em, NotFoundError, TENANT_FILTER, UniqueConstraintViolationException } from '@candor/db';
import type { TApiScope, TApplication, TApplicationListItem, TDataCategory } from '@candor/schemas';
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiKeyOf } from '../api-keys/api-keys.service.js';
import { getApplication } from '../applications/application-detail.js';
import { createApplication } from '../applications/create-application.js';
import { listApplications } from '../applications/list-applications.js';
import { moveApplications } from '../applications/stage-moves.js';
import { createCandidate, getCandidate, listCandidates } from '../candidates/candidates.service.js';
import type { AppDeps } from '../deps.js';
import { jsonBodyLimit } from '../http/body-limits.js';
import { nulFieldErrors } from '../http/nul-characters.js';
import { getJob, listJobs } from '../jobs/jobs.service.js';
import { errorFields } from '../logging/logger.js';
import { apiKeyRecipient, recordDisclosure } from '../privacy/disclosures.service.js';
import { hiringReports } from '../reports/reports.service.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';
import { AppError, type AppErrorCode } from '../trpc/app-error.js';
import { type Actor, fieldErrorsOf } from '../trpc/init.js';
import { referencePage } from './reference-page.js';
import {
  ZApiError,
  ZIdParam,
  ZRestApplication,
  ZRestApplicationCreate,
  ZRestApplicationPage,
  ZRestApplicationQuery,
  ZRestCandidate,
  ZRestCandidateCreate,
  ZRestCandidatePage,
  ZRestCandidateQuery,
  ZRestJob,
  ZRestJobPage,
  ZRestJobQuery,
  ZRestPipelineQuery,
  ZRestPipelineReport,
  ZRestStageMove,
} from './rest-schemas.js';

/** Who is calling: the key, and the actor the backoffice's services act for. */
type ApiCaller = { keyId: string; keyName: string; scopes: readonly TApiScope[]; actor: Actor };
type Env = { Variables: { requestId: string; caller: ApiCaller } };

export const API_BASE = '/api/v1';

/** What a request body may be: a candidate with ten links is a few KB. */
const API_BODY_LIMIT = 64 * 1024;

const STATUS: Record<AppErrorCode, 400 | 401 | 403 | 404 | 409 | 412 | 422 | 429> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
};

/**
 * The role an API key's calls run as in the services. A recruiter's view:
 * every job, no candidate who restricted processing, no diversity answers
 * (no role reads one person's), no blind review. The key's scopes narrow it
 * further; they never widen it.
 */
const API_ROLE = 'recruiter' as const;

function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

const errors = (...codes: Array<400 | 401 | 403 | 404 | 409 | 412 | 429>) =>
  Object.fromEntries(
    codes.map((code) => [
      code,
      {
        description: {
          400: 'Malformed input: `fieldErrors` names each field',
          401: 'No key, or a key that is unknown or revoked',
          403: 'The key lacks the scope named in `missingScope`',
          404: 'Not found (or not visible to API keys)',
          409: 'Already exists',
          412: 'Not possible in the current state',
          429: 'Too many requests for this key; see Retry-After',
        }[code],
        content: { 'application/json': { schema: ZApiError } },
      },
    ]),
  );

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

function needs(scope: TApiScope): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (!c.get('caller').scopes.includes(scope)) {
      return c.json(
        errorBody('FORBIDDEN', `This API key lacks the ${scope} scope`, { missingScope: scope }),
        403,
      );
    }
    await next();
  };
}

/** The scope an operation needs: checked first, and listed in the document (OpenAPI 3.1 allows role names for non-OAuth schemes). */
const guarded = (scope: TApiScope) => ({
  security: [{ bearerAuth: [scope] }],
  middleware: needs(scope),
});

const routes = {
  listJobs: createRoute({
    ...guarded('jobs:read'),
    method: 'get',
    path: '/jobs',
    tags: ['Jobs'],
    summary: 'List jobs',
    request: { query: ZRestJobQuery },
    responses: { 200: json(ZRestJobPage, 'A page of jobs'), ...errors(400, 401, 403, 429) },
  }),
  getJob: createRoute({
    ...guarded('jobs:read'),
    method: 'get',
    path: '/jobs/{id}',
    tags: ['Jobs'],
    summary: 'Get a job with its stages',
    request: { params: ZIdParam },
    responses: { 200: json(ZRestJob, 'The job'), ...errors(400, 401, 403, 404, 429) },
  }),
  listCandidates: createRoute({
    ...guarded('candidates:read'),
    method: 'get',
    path: '/candidates',
    tags: ['Candidates'],
    summary: 'List candidates',
    description:
      'Candidates who restricted processing of their data are not listed. Every candidate returned is recorded in their disclosure log.',
    request: { query: ZRestCandidateQuery },
    responses: { 200: json(ZRestCandidatePage, 'A page of candidates'), ...errors(400, 401, 403, 429) },
  }),
  getCandidate: createRoute({
    ...guarded('candidates:read'),
    method: 'get',
    path: '/candidates/{id}',
    tags: ['Candidates'],
    summary: 'Get a candidate with their applications',
    request: { params: ZIdParam },
    responses: { 200: json(ZRestCandidate, 'The candidate'), ...errors(400, 401, 403, 404, 429) },
  }),
  createCandidate: createRoute({
    ...guarded('candidates:write'),
    method: 'post',
    path: '/candidates',
    tags: ['Candidates'],
    summary: 'Add a candidate',
    description:
      'As when staff add one: the candidate is told where their data came from (Art. 14) unless the organisation tells people by hand.',
    request: { body: { required: true, content: { 'application/json': { schema: ZRestCandidateCreate } } } },
    responses: { 201: json(ZRestCandidate, 'The new candidate'), ...errors(400, 401, 403, 409, 412, 429) },
  }),
  listApplications: createRoute({
    ...guarded('applications:read'),
    method: 'get',
    path: '/applications',
    tags: ['Applications'],
    summary: 'List applications',
    request: { query: ZRestApplicationQuery },
    responses: { 200: json(ZRestApplicationPage, 'A page of applications'), ...errors(400, 401, 403, 429) },
  }),
  getApplication: createRoute({
    ...guarded('applications:read'),
    method: 'get',
    path: '/applications/{id}',
    tags: ['Applications'],
    summary: 'Get an application with its stage history',
    request: { params: ZIdParam },
    responses: { 200: json(ZRestApplication, 'The application'), ...errors(400, 401, 403, 404, 429) },
  }),
  createApplication: createRoute({
    ...guarded('applications:write'),
    method: 'post',
    path: '/applications',
    tags: ['Applications'],
    summary: 'Add a candidate to a job',
    request: {
      body: { required: true, content: { 'application/json': { schema: ZRestApplicationCreate } } },
    },
    responses: {
      201: json(ZRestApplication, 'The new application, in the job’s first stage'),
      ...errors(400, 401, 403, 404, 409, 412, 429),
    },
  }),
  moveApplication: createRoute({
    ...guarded('applications:write'),
    method: 'post',
    path: '/applications/{id}/stage',
    tags: ['Applications'],
    summary: 'Move an application to another stage of its job',
    description: 'Moving to the hired stage hires. Rejection needs a reason and is done in Candor.',
    request: {
      params: ZIdParam,
      body: { required: true, content: { 'application/json': { schema: ZRestStageMove } } },
    },
    responses: {
      200: json(ZRestApplication, 'The application after the move'),
      ...errors(400, 401, 403, 404, 429),
    },
  }),
  pipelineReport: createRoute({
    ...guarded('reports:read'),
    method: 'get',
    path: '/reports/pipeline',
    tags: ['Reports'],
    summary: 'Pipeline funnel, time in stage and sources',
    description: 'Counts that could single out fewer than k people are null, as in the backoffice.',
    request: { query: ZRestPipelineQuery },
    responses: { 200: json(ZRestPipelineReport, 'The report'), ...errors(400, 401, 403, 429) },
  }),
};

const CANDIDATE_CATEGORIES: TDataCategory[] = [
  'user.name',
  'user.contact.email',
  'user.contact.phone_number',
  'user.contact.address',
  'user.contact.url',
  'user.recruitment.application',
];
const APPLICATION_CATEGORIES: TDataCategory[] = [
  'user.name',
  'user.contact.email',
  'user.recruitment.application',
];

type Released = { candidateId: string; applicationId?: string; email: string };

/**
 * One disclosure row per person in the answer, written before the answer
 * leaves: the recipient is the key (see apiKeyRecipient). Erased candidates
 * carry no personal data any more and are not logged.
 */
async function recordReleases(
  em: Em,
  caller: ApiCaller,
  released: Released[],
  categories: TDataCategory[],
  purpose: string,
): Promise<void> {
  const living = released.filter((r) => !r.email.endsWith(ERASED_EMAIL_SUFFIX));
  if (living.length === 0) return;
  const recipient = await apiKeyRecipient(em, caller.actor.tenantId, caller.keyName);
  for (const r of living) {
    recordDisclosure(em, {
      tenantId: caller.actor.tenantId,
      candidateId: r.candidateId,
      applicationId: r.applicationId ?? null,
      recipient,
      categories,
      purpose,
      via: 'api',
      userId: null,
    });
  }
  await em.flush();
}

function identified(candidate: TApplicationListItem['candidate']) {
  // API keys act as recruiters, who never review blind; an alias here would be a bug, so it is refused.
  if (candidate.blind) throw new AppError('NOT_FOUND', 'Not found');
  return { id: candidate.id, name: candidate.name, email: candidate.email };
}

function restApplication(app: TApplication): z.output<typeof ZRestApplication> {
  return ZRestApplication.parse({
    ...app,
    candidate: identified(app.candidate),
    stageHistory: app.stageHistory.map((s) => ({ from: s.from?.name ?? null, to: s.to.name, at: s.at })),
  });
}

function pageResult<T>(
  result: { data: T[]; total: number; capped?: boolean },
  page: number,
  perPage: number,
) {
  return {
    data: result.data,
    page,
    perPage,
    total: result.total,
    capped: result.capped ?? false,
    hasMore: result.capped === true || page * perPage < result.total,
  };
}

/**
 * The REST API for HR systems (docs/api.md): `Authorization: Bearer <key>`,
 * each route needs one scope, and every route calls the same service as the
 * backoffice's procedure, as a recruiter of the key's tenant (see API_ROLE).
 */
export function restApi(deps: AppDeps) {
  const api = new OpenAPIHono<Env>({
    // Malformed input: 400 with each field's messages, as the backoffice's forms get them.
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(
          errorBody('BAD_REQUEST', 'Some fields are not valid', {
            fieldErrors: fieldErrorsOf(result.error.issues),
          }),
          400,
        );
      }
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key made on the API keys page of the backoffice (Settings)',
  });

  api.onError((error, c) => {
    if (error instanceof AppError) {
      return c.json(
        errorBody(error.code, error.message, error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        STATUS[error.code],
      );
    }
    // Hono's own refusals: a body that is not JSON (400), one over the size limit (413).
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 400 ? 'BAD_REQUEST' : error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'REFUSED';
      const message = error.status === 400 ? 'The request body is not valid JSON' : error.message;
      return c.json(
        errorBody(code, message, error.status === 400 ? { fieldErrors: { _form: [message] } } : {}),
        error.status,
      );
    }
    if (error instanceof NotFoundError) return c.json(errorBody('NOT_FOUND', 'Not found'), 404);
    if (error instanceof UniqueConstraintViolationException)
      return c.json(errorBody('CONFLICT', 'This already exists'), 409);
    deps.logger.error('api request failed', {
      requestId: c.get('requestId'),
      path: c.req.path,
      ...errorFields(error),
    });
    return c.json(errorBody('INTERNAL_SERVER_ERROR', 'Something went wrong on our side'), 500);
  });

  const document = () =>
    api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Candor REST API',
        version: '1.0.0',
        description:
          'Jobs, candidates, applications and hiring reports for HR systems. Authenticate with `Authorization: Bearer <API key>`; each operation needs the scope it names. Every candidate in an answer is recorded in their disclosure log, with the key’s name as the recipient.',
      },
      servers: [{ url: `${deps.publicUrl}${API_BASE}` }],
    });

  // The document and its reference page are public: they describe the API, not anyone's data.
  api.get('/openapi.json', (c) => c.json(document()));
  api.get('/docs', (c) => c.html(referencePage(document())));

  api.use('*', async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const em = deps.orm.em.fork();
    const key = match ? await apiKeyOf(em, match[1]!) : null;
    if (!key) {
      c.header('WWW-Authenticate', 'Bearer realm="candor"');
      return c.json(
        errorBody(
          'UNAUTHORIZED',
          match ? 'This API key is unknown or was revoked' : 'Send Authorization: Bearer <API key>',
        ),
        401,
      );
    }
    const allowed = await deps.limits.apiPerKey.take(key.id);
    if (!allowed.ok) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(allowed.retryAfterMs / 1000))));
      return c.json(
        errorBody('TOO_MANY_REQUESTS', 'Too many requests for this API key; try again later'),
        429,
      );
    }
    c.set('caller', {
      keyId: key.id,
      keyName: key.name,
      scopes: key.scopes,
      actor: {
        // The person who made the key answers for what it does; the request id names the key in the audit log.
        userId: key.createdBy.id,
        tenantId: key.tenant.id,
        role: API_ROLE,
        requestId: `api:${key.prefix}:${c.get('requestId') ?? ''}`.slice(0, 64),
      },
    });
    await next();
  });
  api.use('*', jsonBodyLimit(API_BODY_LIMIT));
  // NUL characters in any text field: refused like the backoffice's procedures refuse them.
  api.use('*', async (c, next) => {
    if (c.req.method === 'POST' && c.req.header('Content-Type')?.startsWith('application/json')) {
      const body = await c.req.raw
        .clone()
        .json()
        .catch(() => undefined);
      const fieldErrors = nulFieldErrors(body);
      if (fieldErrors)
        return c.json(errorBody('BAD_REQUEST', 'Some fields are not valid', { fieldErrors }), 400);
    }
    await next();
  });

  /** A request's EntityManager, scoped to the key's tenant like a backoffice request to its session's. */
  const emOf = (c: Context<Env>): Em => {
    const em = deps.orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: c.get('caller').actor.tenantId });
    return em;
  };

  api.openapi(routes.listJobs, async (c) => {
    const q = c.req.valid('query');
    const result = await listJobs(emOf(c), c.get('caller').actor, {
      pagination: { page: q.page, perPage: q.perPage },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { status: q.status, updatedSince: q.updatedSince },
    });
    return c.json(ZRestJobPage.parse(pageResult(result, q.page, q.perPage)), 200);
  });

  api.openapi(routes.getJob, async (c) => {
    const job = await getJob(emOf(c), c.get('caller').actor, c.req.valid('param').id);
    return c.json(ZRestJob.parse(job), 200);
  });

  api.openapi(routes.listCandidates, async (c) => {
    const q = c.req.valid('query');
    const em = emOf(c);
    const caller = c.get('caller');
    const result = await listCandidates(em, caller.actor, {
      pagination: { page: q.page, perPage: q.perPage },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { source: q.source, updatedSince: q.updatedSince },
    });
    const body = ZRestCandidatePage.parse(pageResult(result, q.page, q.perPage));
    await recordReleases(
      em,
      caller,
      body.data.map((r) => ({ candidateId: r.id, email: r.email })),
      CANDIDATE_CATEGORIES,
      'Candidates listed for a connected system (API)',
    );
    return c.json(body, 200);
  });

  api.openapi(routes.getCandidate, async (c) => {
    const em = emOf(c);
    const caller = c.get('caller');
    const body = ZRestCandidate.parse(await getCandidate(em, caller.actor, c.req.valid('param').id));
    await recordReleases(
      em,
      caller,
      [{ candidateId: body.id, email: body.email }],
      CANDIDATE_CATEGORIES,
      'Candidate read by a connected system (API)',
    );
    return c.json(body, 200);
  });

  api.openapi(routes.createCandidate, async (c) => {
    const em = emOf(c);
    const caller = c.get('caller');
    const created = await createCandidate(em, caller.actor, c.req.valid('json'), deps.publicUrl);
    const body = ZRestCandidate.parse(created);
    await recordReleases(
      em,
      caller,
      [{ candidateId: body.id, email: body.email }],
      CANDIDATE_CATEGORIES,
      'Candidate added by a connected system (API)',
    );
    return c.json(body, 201);
  });

  api.openapi(routes.listApplications, async (c) => {
    const q = c.req.valid('query');
    const em = emOf(c);
    const caller = c.get('caller');
    const result = await listApplications(em, caller.actor, {
      pagination: { page: q.page, perPage: q.perPage },
      sort: { field: 'appliedAt', order: 'DESC' },
      filter: { jobId: q.jobId, candidateId: q.candidateId, status: q.status, updatedSince: q.updatedSince },
    });
    const body = ZRestApplicationPage.parse(
      pageResult(
        { ...result, data: result.data.map((a) => ({ ...a, candidate: identified(a.candidate) })) },
        q.page,
        q.perPage,
      ),
    );
    await recordReleases(
      em,
      caller,
      body.data.map((a) => ({ candidateId: a.candidate.id, applicationId: a.id, email: a.candidate.email })),
      APPLICATION_CATEGORIES,
      'Applications listed for a connected system (API)',
    );
    return c.json(body, 200);
  });

  const releaseApplication = async (em: Em, caller: ApiCaller, app: TApplication, purpose: string) => {
    const body = restApplication(app);
    await recordReleases(
      em,
      caller,
      [{ candidateId: body.candidate.id, applicationId: body.id, email: body.candidate.email }],
      APPLICATION_CATEGORIES,
      purpose,
    );
    return body;
  };

  api.openapi(routes.getApplication, async (c) => {
    const em = emOf(c);
    const caller = c.get('caller');
    const app = await getApplication(em, caller.actor, deps, c.req.valid('param').id);
    return c.json(
      await releaseApplication(em, caller, app, 'Application read by a connected system (API)'),
      200,
    );
  });

  api.openapi(routes.createApplication, async (c) => {
    const em = emOf(c);
    const caller = c.get('caller');
    const app = await createApplication(em, caller.actor, deps, c.req.valid('json'));
    return c.json(
      await releaseApplication(em, caller, app, 'Application added by a connected system (API)'),
      201,
    );
  });

  api.openapi(routes.moveApplication, async (c) => {
    const em = emOf(c);
    const caller = c.get('caller');
    const id = c.req.valid('param').id;
    await moveApplications(
      em,
      caller.actor,
      { ids: [id], stageId: c.req.valid('json').stageId },
      deps.publicUrl,
    );
    const app = await getApplication(em, caller.actor, deps, id);
    return c.json(
      await releaseApplication(em, caller, app, 'Application moved by a connected system (API)'),
      200,
    );
  });

  api.openapi(routes.pipelineReport, async (c) => {
    const q = c.req.valid('query');
    const report = await hiringReports(deps, emOf(c), c.get('caller').actor, q);
    return c.json(ZRestPipelineReport.parse(report), 200);
  });

  return api;
}
