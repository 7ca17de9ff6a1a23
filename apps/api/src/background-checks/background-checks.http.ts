import { ZBackgroundDispute, ZBackgroundSignature, ZProviderStatus } from '@candor/schemas';
import type { Context as HonoContext } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { htmlBodyLimit, jsonBodyLimit } from '../http/body-limits.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import type { RequestInfo } from '../trpc/context.js';
import { CHECK_LINK_NOT_VALID, candidateCheckPage, checkMessagePage } from './background-check-pages.js';
import {
  applyProviderStatus,
  disputeReport,
  openCandidateCheck,
  providersOf,
  signAuthorization,
  withdrawAuthorization,
} from './background-checks.service.js';
import { verifyWebhook } from './providers.js';

const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
const ZWebhookBody = z.object({ providerRef: z.string().min(1).max(100), status: ZProviderStatus });

/**
 * /background-checks/:token: the candidate's page (disclosure and
 * authorization, then withdrawal and dispute), plain HTML that works without
 * JavaScript; opening it changes nothing, only the same-origin post does.
 * /webhooks/background-checks/:provider: a provider's signed status update.
 */
export function backgroundCheckRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  const noStore = (c: HonoContext) => c.header('Cache-Control', 'no-store');
  const invalid = (c: HonoContext, status: 403 | 404 = 404) =>
    c.html(checkMessagePage('This link does not work', CHECK_LINK_NOT_VALID), status);
  const limited = async (c: HonoContext) => !(await deps.limits.publicPerIp.hit(requestOf(c).ip));
  const tooMany = (c: HonoContext) =>
    c.html(checkMessagePage('Please wait', 'Too many attempts; wait a few minutes and try again.'), 429);

  const show = async (c: HonoContext) => {
    noStore(c);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const view = await openCandidateCheck(deps.orm.em.fork(), token.data);
    if (view.kind === 'invalid') return invalid(c);
    return c.html(candidateCheckPage(view, c.req.path));
  };

  const post = async (c: HonoContext) => {
    noStore(c);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) return invalid(c, 403);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const em = deps.orm.em.fork();
    const view = await openCandidateCheck(em, token.data);
    if (view.kind === 'invalid') return invalid(c);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const form: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
    const { requestId } = requestOf(c);
    const again = async (message: string) => {
      const fresh = await openCandidateCheck(deps.orm.em.fork(), token.data);
      return fresh.kind === 'open'
        ? c.html(candidateCheckPage(fresh, c.req.path, { message }))
        : c.html(checkMessagePage('Done', message));
    };

    if (form.action === 'sign' && view.status === 'requested') {
      const parsed = ZBackgroundSignature.safeParse({ name: form.name ?? '', agree: form.agree });
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
        return c.html(candidateCheckPage(view, c.req.path, { values: form, errors }), 400);
      }
      if ((await signAuthorization(em, deps, token.data, parsed.data.name, requestId)) === 'invalid')
        return invalid(c);
      return again(
        'Thank you: you signed the authorization. A copy of your consent receipt is on its way by email.',
      );
    }
    if (form.action === 'withdraw' && view.canWithdraw) {
      if ((await withdrawAuthorization(em, deps, token.data, requestId)) === 'invalid') return invalid(c);
      return c.html(
        checkMessagePage(
          'Authorization withdrawn',
          `You withdrew your authorization: the background check has stopped and any report received was deleted. ${view.companyName} will be in touch about your application.`,
        ),
      );
    }
    if (form.action === 'dispute' && view.canDispute) {
      const parsed = ZBackgroundDispute.safeParse(form.dispute ?? '');
      if (!parsed.success) {
        return c.html(
          candidateCheckPage(view, c.req.path, {
            values: form,
            errors: { dispute: parsed.error.issues[0]?.message ?? 'Check this answer' },
          }),
          400,
        );
      }
      if ((await disputeReport(em, deps, token.data, parsed.data, requestId)) === 'invalid')
        return invalid(c);
      return again('Your dispute was sent. Nothing will be decided until it has been looked into.');
    }
    return c.html(
      candidateCheckPage(view, c.req.path, { message: 'That is not possible at this step.' }),
      400,
    );
  };

  const webhook = async (c: HonoContext) => {
    const provider = providersOf(deps).find((p) => p.key === c.req.param('provider'));
    if (!provider?.webhookSecret) return c.json({ error: 'No such provider' }, 404);
    const raw = await c.req.text();
    const signed = verifyWebhook(
      provider.webhookSecret,
      { timestamp: c.req.header('x-candor-timestamp'), signature: c.req.header('x-candor-signature') },
      raw,
    );
    if (!signed) return c.json({ error: 'Bad or stale signature' }, 401);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return c.json({ error: 'Not JSON' }, 400);
    }
    const update = ZWebhookBody.safeParse(json);
    if (!update.success) return c.json({ error: 'Unexpected body' }, 400);
    const outcome = await applyProviderStatus(deps.orm.em.fork(), deps, provider, update.data);
    return outcome === 'unknown' ? c.json({ error: 'No such order' }, 404) : c.json({ ok: true });
  };

  return {
    show,
    post: [htmlBodyLimit(32 * 1024), post] as const,
    webhook: [jsonBodyLimit(64 * 1024), webhook] as const,
  };
}
