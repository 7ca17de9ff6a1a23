import { type RenewalView, renderRenewalPage } from '@candor/careers';
import type { Em, InferEntity, Tenant } from '@candor/db';
import { languageSettingsOf } from '@candor/schemas';
import type { Context as HonoContext } from 'hono';
import { careersTenantOf, logoFileOf } from '../careers/careers-publisher.js';
import type { AppDeps } from '../deps.js';
import { applicantLocale } from '../http/applicant-locale.js';
import { type ApplicantScope, applicantScopeOf } from '../http/applicant-tenant.js';
import { htmlBodyLimit } from '../http/body-limits.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import type { RequestInfo } from '../trpc/context.js';
import {
  type RenewalOutcome,
  type RenewalTerms,
  readRenewalToken,
  renewalPrompt,
  renewConsent,
} from './renewal.js';

type TenantRow = InferEntity<typeof Tenant>;

/**
 * /careers/:slug/privacy/renew/?t=<token>: the page the renewal email links
 * to. Opening it only asks; the button posts the token back to renew, so a
 * mail scanner following the link changes nothing.
 */
export function renewalRoutes(
  deps: AppDeps,
  requestOf: (c: HonoContext) => RequestInfo,
  termsOf: (em: Em, tenantId: string, candidateId: string) => Promise<RenewalTerms | null>,
) {
  /** The terms of the candidate the link names (their job country's period); null for a link that does not hold. */
  async function termsFor(scope: ApplicantScope, token: string): Promise<RenewalTerms | null> {
    const claim = readRenewalToken(deps.hashKey, token);
    return claim && claim.t === scope.tenant.id ? termsOf(scope.em, scope.tenant.id, claim.c) : null;
  }

  function page(
    c: HonoContext,
    tenant: TenantRow,
    outcome: RenewalOutcome,
    token: string,
    status: 200 | 400 | 403 = 200,
  ): Response {
    const view: RenewalView = outcome.kind === 'ask' ? { ...outcome, token } : outcome;
    // The token is in the URL: the app-wide Referrer-Policy (same-origin) keeps it from other sites.
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderRenewalPage({
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
    const token = c.req.query('t') ?? '';
    const terms = await termsFor(scope, token);
    const outcome = terms
      ? await renewalPrompt(scope.em, scope.tenant, deps.hashKey, token, terms)
      : ({ kind: 'invalid' } as const);
    return page(c, scope.tenant, outcome, token, outcome.kind === 'invalid' ? 400 : 200);
  };

  const limit = htmlBodyLimit(8 * 1024);

  const renew = async (c: HonoContext) => {
    const scope = applicantScopeOf(c);
    if (!scope) return c.text('There is no such page.', 404);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) {
      return page(c, scope.tenant, { kind: 'invalid' }, '', 403);
    }
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = typeof form.token === 'string' ? form.token : '';
    const terms = await termsFor(scope, token);
    const outcome = terms
      ? await renewConsent(scope.em, scope.tenant, {
          masterKey: deps.masterKey,
          hashKey: deps.hashKey,
          publicUrl: deps.publicUrl,
          token,
          terms,
          requestId: requestOf(c).requestId,
        })
      : ({ kind: 'invalid' } as const);
    return page(c, scope.tenant, outcome, token, outcome.kind === 'invalid' ? 400 : 200);
  };

  return { show, renew: [limit, renew] as const };
}
