import { renderApplyOutcomePage } from '@candor/careers';
import { Job } from '@candor/db';
import { languageSettingsOf, MAX_RESUME_BYTES } from '@candor/schemas';
import type { Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../deps.js';
import { applicantLocale } from '../http/applicant-locale.js';
import { applicantScopeOf } from '../http/applicant-tenant.js';
import { nulFieldErrors } from '../http/nul-characters.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import type { RequestInfo } from '../trpc/context.js';
import { type ApplyOutcome, applyToJob } from './apply.service.js';
import { publicQuestions, tenantApplyConfig } from './apply-config.js';
import { careersTenantOf, logoFileOf } from './careers-publisher.js';

/** Room for the resume plus the form's text fields and the multipart framing. */
const MAX_BODY_BYTES = MAX_RESUME_BYTES + 512 * 1024;

type Failure =
  | Exclude<ApplyOutcome, { kind: 'received' }>['kind']
  | 'too_large'
  | 'rate_limited'
  | 'not_a_form';

const FAILURES: Record<
  Failure,
  { status: 400 | 404 | 410 | 413 | 429 | 503; code: string; message: string }
> = {
  invalid: { status: 400, code: 'INVALID', message: 'Some answers need another look' },
  not_a_form: {
    status: 400,
    code: 'INVALID',
    message: 'Send your application with the form on the job page',
  },
  closed: { status: 410, code: 'JOB_CLOSED', message: 'This role is no longer accepting applications.' },
  not_found: { status: 404, code: 'NOT_FOUND', message: 'There is no such job.' },
  unavailable: { status: 503, code: 'UNAVAILABLE', message: 'Applications are not open yet.' },
  too_large: {
    status: 413,
    code: 'TOO_LARGE',
    message: 'The application is too large: the resume may be at most 10 MB',
  },
  rate_limited: {
    status: 429,
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many applications from your network. Wait a few minutes, then try again.',
  },
};

/** Problems found before the application is looked at. */
type RequestProblem = { kind: 'too_large' } | { kind: 'rate_limited' } | { kind: 'not_a_form' };

function wantsJson(c: HonoContext): boolean {
  return (c.req.header('Accept') ?? '').includes('application/json');
}

/**
 * POST /careers/:slug/jobs/:jobId/apply — the careers site's one public
 * write. The apply page's script asks for JSON (and shows errors in place);
 * without JavaScript the plain form post gets a full page back.
 */
export function applyRoute(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  async function respond(c: HonoContext, outcome: ApplyOutcome | RequestProblem): Promise<Response> {
    c.header('Cache-Control', 'no-store');
    const failure = outcome.kind === 'received' ? null : FAILURES[outcome.kind];
    const fieldErrors =
      outcome.kind === 'invalid'
        ? outcome.fieldErrors
        : outcome.kind === 'too_large'
          ? { resume: ['The file is larger than 10 MB'] }
          : undefined;
    if (wantsJson(c)) {
      if (outcome.kind === 'received') return c.json(outcome.result, 201);
      const message = outcome.kind === 'unavailable' ? outcome.message : (failure?.message ?? '');
      return c.json(
        { error: { code: failure?.code, message, ...(fieldErrors ? { fieldErrors } : {}) } },
        failure?.status ?? 400,
      );
    }
    const shown: ApplyOutcome =
      outcome.kind === 'too_large' || outcome.kind === 'not_a_form'
        ? { kind: 'invalid', fieldErrors: fieldErrors ?? { form: [FAILURES.not_a_form.message] } }
        : outcome.kind === 'rate_limited'
          ? { kind: 'unavailable', message: FAILURES.rate_limited.message }
          : outcome;
    const page = await outcomePage(c, shown);
    if (!page) return c.text(FAILURES.not_found.message, 404);
    return c.html(page, outcome.kind === 'received' ? 201 : (failure?.status ?? 400));
  }

  async function outcomePage(c: HonoContext, outcome: ApplyOutcome): Promise<string | null> {
    const scope = applicantScopeOf(c);
    if (!scope) return null;
    const { tenant, em } = scope;
    const job = await em.findOne(Job, {
      id: c.req.param('jobId') ?? '',
      status: { $in: ['open', 'closed'] },
    });
    if (!job || outcome.kind === 'not_found') return null;
    const { purposes } = tenantApplyConfig(await privacySettingsOf(em, tenant.id));
    const locale = applicantLocale(c, tenant);
    const translation =
      locale === languageSettingsOf(tenant.languageSettings).defaultLocale
        ? undefined
        : job.translations?.[locale];
    return renderApplyOutcomePage({
      tenant: careersTenantOf(tenant),
      job: { id: job.id, title: translation?.title ?? job.title, questions: publicQuestions(job) },
      outcome,
      locale,
      languages: languageSettingsOf(tenant.languageSettings),
      logoFile: logoFileOf(tenant),
      purposes,
    });
  }

  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => respond(c, { kind: 'too_large' }) });

  const handler = async (c: HonoContext): Promise<Response> => {
    const request = requestOf(c);
    if (!(await deps.limits.applyPerIp.hit(request.ip))) return respond(c, { kind: 'rate_limited' });
    const type = c.req.header('Content-Type') ?? '';
    if (!type.startsWith('multipart/form-data')) return respond(c, { kind: 'not_a_form' });
    let body: Record<string, string | File | (string | File)[]>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      return respond(c, { kind: 'not_a_form' });
    }
    const nul = nulFieldErrors(body);
    if (nul) return respond(c, { kind: 'invalid', fieldErrors: nul });
    const fields = Object.entries(body).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v): [string, string | File] => [name, v]),
    );
    const scope = applicantScopeOf(c);
    if (!scope) return respond(c, { kind: 'not_found' });
    const outcome = await applyToJob(deps, scope, {
      jobId: c.req.param('jobId') ?? '',
      fields,
      gpc: c.req.header('Sec-GPC') === '1' || body.gpc === '1',
      requestId: request.requestId,
      locale: applicantLocale(c, scope.tenant),
    });
    return respond(c, outcome);
  };

  return [limit, handler] as const;
}
