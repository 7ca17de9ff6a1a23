import { renderSurveyPage, type SurveyView } from '@candor/careers';
import type { InferEntity, Tenant } from '@candor/db';
import { languageSettingsOf } from '@candor/schemas';
import type { Context as HonoContext } from 'hono';
import { careersTenantOf, logoFileOf } from '../careers/careers-publisher.js';
import type { AppDeps } from '../deps.js';
import { applicantLocale } from '../http/applicant-locale.js';
import { applicantScopeOf } from '../http/applicant-tenant.js';
import { htmlBodyLimit } from '../http/body-limits.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import type { RequestInfo } from '../trpc/context.js';
import { submitSurvey, surveyPrompt } from './survey.service.js';

type TenantRow = InferEntity<typeof Tenant>;

/**
 * /careers/:slug/diversity/?t=<token>: the voluntary diversity survey the
 * confirmation page and email link to. A plain form posted back here; the
 * origin check keeps other sites from posting it.
 */
export function surveyRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  function page(c: HonoContext, tenant: TenantRow, view: SurveyView, status: 200 | 400 | 403): Response {
    // The token is in the URL: the app-wide Referrer-Policy (same-origin) keeps it from other sites.
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderSurveyPage({
        tenant: careersTenantOf(tenant),
        view,
        logoFile: logoFileOf(tenant),
        locale: applicantLocale(c, tenant),
        languages: languageSettingsOf(tenant.languageSettings),
      }),
      status,
    );
  }

  const show = async (c: HonoContext) => {
    const scope = applicantScopeOf(c);
    if (!scope) return c.text('There is no such page.', 404);
    const view = await surveyPrompt(scope.em, scope.tenant, deps.hashKey, c.req.query('t') ?? '');
    return page(c, scope.tenant, view, view.kind === 'invalid' ? 400 : 200);
  };

  const limit = htmlBodyLimit(16 * 1024);

  const submit = async (c: HonoContext) => {
    const scope = applicantScopeOf(c);
    if (!scope) return c.text('There is no such page.', 404);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) {
      return page(c, scope.tenant, { kind: 'invalid' }, 403);
    }
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const { view, status } = await submitSurvey(scope.em, scope.tenant, deps, form, requestOf(c).requestId);
    return page(c, scope.tenant, view, status);
  };

  return { show, submit: [limit, submit] as const };
}
