import type { Context as HonoContext } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { htmlBodyLimit } from '../http/body-limits.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import type { RequestInfo } from '../trpc/context.js';
import { donePage, introPage, LINK_NOT_VALID, messagePage, questionsPage } from './assessment-pages.js';
import { receiveResultWebhook } from './assessment-providers.service.js';
import {
  fileOf,
  openAssessment,
  saveAnswers,
  startAssessment,
  type TakeView,
} from './assessment-take.service.js';
import { WEBHOOK_BODY_MAX } from './providers.js';

const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/**
 * /assessments/:token (the candidate's page) and its Start; plus the
 * external providers' result webhooks. Opening the link changes nothing
 * (a mail scanner following it does no harm): only the posts do.
 */
export function assessmentRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  const noStore = (c: HonoContext) => c.header('Cache-Control', 'no-store');
  const invalid = (c: HonoContext, status: 403 | 404 = 404) =>
    c.html(messagePage('This link does not work', LINK_NOT_VALID), status);
  const limited = async (c: HonoContext) => !(await deps.limits.publicPerIp.hit(requestOf(c).ip));
  const tooMany = (c: HonoContext) =>
    c.html(messagePage('Please wait', 'Too many attempts; wait a few minutes and try again.'), 429);
  const pathOf = (token: string) => `/assessments/${token}`;

  const render = (c: HonoContext, token: string, view: TakeView) => {
    if (view.kind === 'invalid') return invalid(c);
    if (view.kind === 'intro') return c.html(introPage(view, `${pathOf(token)}/start`));
    if (view.kind === 'questions') return c.html(questionsPage(view, { action: pathOf(token) }));
    return c.html(donePage(view));
  };

  const show = async (c: HonoContext) => {
    noStore(c);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    return render(c, token.data, await openAssessment(deps.orm.em.fork(), deps, token.data));
  };

  const start = async (c: HonoContext) => {
    noStore(c);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) return invalid(c, 403);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const view = await startAssessment(deps.orm.em.fork(), deps, token.data, requestOf(c).requestId);
    if (view.kind === 'invalid') return invalid(c);
    // Back to the link itself, so reloading shows the questions rather than posting again.
    return c.redirect(pathOf(token.data), 303);
  };

  const save = async (c: HonoContext) => {
    noStore(c);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) return invalid(c, 403);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const body = await c.req.parseBody().catch(() => null);
    if (!body) return invalid(c);
    const answers: Record<string, string> = {};
    for (const [key, value] of Object.entries(body))
      if (typeof value === 'string' && key !== 'action') answers[key] = value;
    const rawFile = body.attachment instanceof File ? body.attachment : null;
    const file = await fileOf(rawFile);
    const em = deps.orm.em.fork();
    const submit = body.action === 'submit';
    if (file && 'error' in file) {
      const view = await openAssessment(em, deps, token.data);
      if (view.kind !== 'questions') return render(c, token.data, view);
      view.questions = view.questions.map((q) => ({ ...q, answer: answers[q.id] ?? q.answer }));
      return c.html(questionsPage(view, { action: pathOf(token.data), fileError: file.error }), 400);
    }
    const outcome = await saveAnswers(
      em,
      deps,
      token.data,
      { answers, submit, file },
      requestOf(c).requestId,
    );
    if (outcome.kind === 'invalid') return invalid(c);
    const { view } = outcome;
    if (view.kind === 'invalid') return invalid(c);
    if (outcome.kind === 'errors')
      return c.html(questionsPage(view, { action: pathOf(token.data), errors: outcome.errors }), 400);
    if (outcome.kind === 'late') return c.html(donePage(view, true), 409);
    if (outcome.kind === 'submitted') return c.html(donePage(view));
    return c.html(questionsPage(view, { action: pathOf(token.data), savedAt: new Date() }));
  };

  /** An external provider's signed result: 401 and no change for a bad or stale signature. */
  const webhook = async (c: HonoContext) => {
    const outcome = await receiveResultWebhook(
      deps.orm.em.fork(),
      deps.masterKey,
      c.req.param('providerId') ?? '',
      c.req.raw,
      requestOf(c).requestId,
    );
    if (!outcome.ok) return c.json({ error: outcome.reason }, outcome.status);
    return c.json({ ok: true });
  };

  return {
    show,
    start: [htmlBodyLimit(8 * 1024), start] as const,
    // Answers (up to 20,000 characters each) and one file of up to 10 MB.
    save: [htmlBodyLimit(12 * 1024 * 1024), save] as const,
    webhook: [htmlBodyLimit(WEBHOOK_BODY_MAX), webhook] as const,
  };
}
