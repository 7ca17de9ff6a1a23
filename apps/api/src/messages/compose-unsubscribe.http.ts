import { renderUnsubscribePage, type UnsubscribeView } from '@candor/careers';
import type { InferEntity, Tenant } from '@candor/db';
import type { Context as HonoContext } from 'hono';
import { careersTenantOf, logoFileOf } from '../careers/careers-publisher.js';
import type { AppDeps } from '../deps.js';
import { applicantScopeOf } from '../http/applicant-tenant.js';
import { htmlBodyLimit } from '../http/body-limits.js';
import type { RequestInfo } from '../trpc/context.js';
import { type UnsubscribeOutcome, unsubscribe, unsubscribePrompt } from './compose-unsubscribe.js';

type TenantRow = InferEntity<typeof Tenant>;

/**
 * /careers/:slug/privacy/unsubscribe/?t=<token>, the link in every marketing
 * email. GET only asks (mail scanners open links); POST unsubscribes, from
 * the page's button or straight from a mail client honouring
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). That post
 * comes from the mail provider, not from our pages, so it is not held to our
 * origin: the signed token is what authorizes it, and it can only stop mail.
 */
export function unsubscribeRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  function page(c: HonoContext, tenant: TenantRow, outcome: UnsubscribeOutcome, token: string): Response {
    const view: UnsubscribeView = outcome.kind === 'ask' ? { kind: 'ask', token } : outcome;
    // The token is in the URL: the app-wide Referrer-Policy (same-origin) keeps it from other sites.
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderUnsubscribePage({ tenant: careersTenantOf(tenant), view, logoFile: logoFileOf(tenant) }),
      outcome.kind === 'invalid' ? 400 : 200,
    );
  }

  const show = async (c: HonoContext) => {
    const scope = applicantScopeOf(c);
    if (!scope) return c.text('There is no such page.', 404);
    const token = c.req.query('t') ?? '';
    return page(c, scope.tenant, await unsubscribePrompt(scope.em, scope.tenant, deps.hashKey, token), token);
  };

  const post = async (c: HonoContext) => {
    const scope = applicantScopeOf(c);
    if (!scope) return c.text('There is no such page.', 404);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    // The page's form sends the token in the body; a one-click post keeps it in the link's query.
    const token = typeof form.token === 'string' ? form.token : (c.req.query('t') ?? '');
    const outcome = await unsubscribe(scope.em, scope.tenant, deps, token, requestOf(c).requestId);
    return page(c, scope.tenant, outcome, token);
  };

  return { show, post: [htmlBodyLimit(8 * 1024), post] as const };
}
