import { randomUUID } from 'node:crypto';
import { MAX_TRPC_BATCH_SIZE } from '@candor/schemas';
import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { assessmentRoutes } from './assessments/assessments.http.js';
import { attachmentDownloadHandler } from './attachments/attachments.http.js';
import { singleSignOnRoutes } from './auth/oidc/oidc.http.js';
import { backgroundCheckRoutes } from './background-checks/background-checks.http.js';
import { calendarFeedHandler } from './calendar/feed.http.js';
import { scheduleRoutes } from './calendar/schedule.http.js';
import { applyRoute } from './careers/apply.http.js';
import { careersNotFoundPages } from './careers/not-found-pages.js';
import { renewalRoutes } from './consent/renewal.http.js';
import { renewalTermsOf } from './consent/renewal-terms.js';
import type { AppDeps } from './deps.js';
import { surveyRoutes } from './diversity/survey.http.js';
import { careersEntry } from './http/applicant-locale.js';
import { applicantTenant } from './http/applicant-tenant.js';
import { BODY_LIMITS, htmlBodyLimit } from './http/body-limits.js';
import { clientIpOf, socketAddressOf } from './http/client-ip.js';
import { GPC_SUPPORT } from './http/gpc.js';
import { healthz, PROBE_PATHS, readyz } from './http/health.js';
import { allowedHostsOf, hostCheck } from './http/host-check.js';
import { robotsTxt } from './http/robots.js';
import { fromOwnOrigin } from './http/same-origin.js';
import { securityHeaders, setAfterResponse } from './http/security-headers.js';
import { serveDirectory } from './http/static-files.js';
import { trpcRequestLimits } from './http/trpc-limits.js';
import { errorFields } from './logging/logger.js';
import { unsubscribeRoutes } from './messages/compose-unsubscribe.http.js';
import { offerRoutes } from './offers/offers.http.js';
import { portalRoutes } from './portal/portal.http.js';
import { referenceRoutes } from './references/references.http.js';
import { API_BASE, restApi } from './rest-api/rest-api.js';
import { appRouter } from './router.js';
import { createContext } from './trpc/context.js';

type Env = { Variables: { requestId: string } };

/** Builds the HTTP app. It does not listen: server.ts does, tests call `app.request`. */
export function createApp(deps: AppDeps) {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    setAfterResponse(c, { 'X-Request-Id': requestId });
    // Probes come every few seconds from every load balancer: a log line each would drown the rest.
    if (PROBE_PATHS.includes(c.req.path)) return;
    // Path only: query strings may carry tokens.
    deps.logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use('*', securityHeaders({ https: deps.publicUrl.startsWith('https://') }));
  // Only our own host names reach the app (load balancers probe /healthz and /readyz by address).
  app.use('*', hostCheck(allowedHostsOf([deps.publicUrl, ...deps.allowedOrigins]), PROBE_PATHS));
  // Error messages can quote personal data (a failed insert lists its values): log the kind and where only.
  app.onError((error, c) => {
    deps.logger.error('request failed', {
      requestId: c.get('requestId'),
      path: c.req.path,
      ...errorFields(error),
    });
    return c.json({ error: { message: 'Something went wrong on our side' } }, 500);
  });

  app.get('/robots.txt', async (c) => c.text(await robotsTxt(deps.orm, deps.publicUrl)));

  // Liveness (no I/O) and readiness (database, file store, key store); http/health.ts.
  app.get('/healthz', healthz);
  app.get('/readyz', readyz(deps));

  // Mutations must come from our own pages: the Origin header must be an allowed origin.
  app.use('/trpc/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (!fromOwnOrigin(c, deps.allowedOrigins)) {
        return c.json({ error: { message: 'Cross-origin request refused', code: 'FORBIDDEN' } }, 403);
      }
    }
    return next();
  });

  const requestOf = (c: {
    get(key: 'requestId'): string;
    env: unknown;
    req: { header(name: string): string | undefined };
  }) => ({
    requestId: c.get('requestId'),
    ip: clientIpOf(c.req.header('X-Forwarded-For'), socketAddressOf(c.env), deps.trustedProxyHops),
    cookieHeader: c.req.header('Cookie'),
    userAgent: c.req.header('User-Agent'),
  });

  app.use('/trpc/*', trpcRequestLimits('/trpc'));
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      createContext: (opts, c) => createContext(deps, requestOf(c), opts.resHeaders),
    }),
  );

  // The REST API for HR systems, with API keys (docs/api.md); no cookies, so no origin check.
  app.route(API_BASE, restApi(deps));

  // Staff single sign-on: redirects to and back from the tenant's OpenID Provider.
  const singleSignOn = singleSignOnRoutes(deps, requestOf);
  app.get('/auth/oidc/start', singleSignOn.start);
  app.get('/auth/oidc/callback', singleSignOn.callback);

  app.get('/files/attachments/:id', attachmentDownloadHandler(deps, requestOf));
  // A staff member's private interview feed, for calendar apps to subscribe to (the token is the key).
  app.get('/calendar/feed/:file{[A-Za-z0-9_-]{43}\\.ics}', calendarFeedHandler(deps));
  const offers = offerRoutes(deps, requestOf);
  app.get('/offers/:token', offers.show);
  app.post('/offers/:token', htmlBodyLimit(BODY_LIMITS.offerForm), offers.respond);
  // Reference checks: the candidate names referees, each referee answers a short form (docs/reference-checks.md).
  const references = referenceRoutes(deps, requestOf);
  app.get('/references/name/:token', references.showNomination);
  app.post('/references/name/:token', ...references.postNomination);
  app.get('/references/answer/:token', references.showReferee);
  app.post('/references/answer/:token', ...references.postReferee);
  // Assessments: the candidate's page, and external providers' signed results (docs/assessments.md).
  const assessments = assessmentRoutes(deps, requestOf);
  app.get('/assessments/:token', assessments.show);
  app.post('/assessments/:token/start', ...assessments.start);
  app.post('/assessments/:token', ...assessments.save);
  app.post('/webhooks/assessments/:providerId', ...assessments.webhook);
  // Background checks: the candidate's disclosure, authorization and dispute page; providers' signed webhooks (docs/background-checks.md).
  const checks = backgroundCheckRoutes(deps, requestOf);
  app.get('/background-checks/:token', checks.show);
  app.post('/background-checks/:token', ...checks.post);
  app.post('/webhooks/background-checks/:provider', ...checks.webhook);

  // The careers site's dynamic routes, for applicants: each resolves its tenant from the slug with `applicant`.
  const applicant = applicantTenant(deps.orm);
  // Slugs and job ids as they are made: anything else names no job (and a database may refuse it in a query).
  // Applying reads the tenant as it reads the job (careers/apply.service.ts): at most every APPLY_CONTEXT_MS.
  app.post(
    '/careers/:slug{[a-z0-9-]+}/jobs/:jobId{[0-9a-fA-F-]{36}}/apply',
    applicantTenant(deps.orm, { reuseMs: deps.applyContextMs ?? 0 }),
    ...applyRoute(deps, requestOf),
  );
  // The privacy portal: the one dynamic part of a careers site, so it comes before the static files.
  const portal = portalRoutes(deps, requestOf);
  const portalBase = '/careers/:slug{[a-z0-9-]+}/privacy/portal';
  app.get(portalBase, (c) => c.redirect(`/careers/${c.req.param('slug')}/privacy/portal/`, 301));
  app.use(`${portalBase}/*`, applicant, portal.guardPosts);
  app.get(`${portalBase}/`, portal.show);
  app.get(`${portalBase}/receipts/:id`, portal.receipt);
  for (const [path, handler] of Object.entries(portal.posts)) app.post(`${portalBase}/${path}`, handler);
  // The talent-pool renewal link from the renewal email: a page that asks, and a post that renews.
  const renewal = renewalRoutes(deps, requestOf, renewalTermsOf);
  app.get('/careers/:slug{[a-z0-9-]+}/privacy/renew/', applicant, renewal.show);
  app.post('/careers/:slug{[a-z0-9-]+}/privacy/renew/', applicant, ...renewal.renew);
  // The one-click unsubscribe link of marketing emails: a page that asks, and a post that unsubscribes (RFC 8058).
  const unsubscribe = unsubscribeRoutes(deps, requestOf);
  app.get('/careers/:slug{[a-z0-9-]+}/privacy/unsubscribe/', applicant, unsubscribe.show);
  app.post('/careers/:slug{[a-z0-9-]+}/privacy/unsubscribe/', applicant, ...unsubscribe.post);
  // The voluntary diversity survey, linked from the application's confirmation page and email.
  const survey = surveyRoutes(deps, requestOf);
  app.get('/careers/:slug{[a-z0-9-]+}/diversity/', applicant, survey.show);
  app.post('/careers/:slug{[a-z0-9-]+}/diversity/', applicant, ...survey.submit);
  // Self-scheduling: the candidate picks one of the offered interview times (a page that asks, a post that books).
  const schedule = scheduleRoutes(deps, requestOf);
  app.get('/careers/:slug{[a-z0-9-]+}/schedule/', applicant, schedule.show);
  app.post('/careers/:slug{[a-z0-9-]+}/schedule/', applicant, ...schedule.book);
  app.get('/.well-known/gpc.json', (c) => c.json(GPC_SUPPORT));
  app.get('/careers/:slug{[a-z0-9-]+}', (c) => c.redirect(`/careers/${c.req.param('slug')}/`, 301));
  // A site in several languages: the entry page picks the visitor's from Accept-Language (no cookie).
  app.get('/careers/:slug{[a-z0-9-]+}/', applicant, careersEntry);
  app.get(
    '/careers/*',
    deps.careersFromBucket
      ? deps.careersFromBucket({ prefix: '/careers', notFoundPages: careersNotFoundPages })
      : serveDirectory({ root: deps.careersDir, prefix: '/careers', notFoundPages: careersNotFoundPages }),
  );

  if (deps.adminDir) {
    app.get('/admin', (c) => c.redirect('/admin/', 301));
    app.get(
      '/admin/*',
      serveDirectory({ root: deps.adminDir, prefix: '/admin', spaFallback: true, immutableAssets: true }),
    );
  }
  app.get('/', (c) => c.redirect('/admin/'));

  return app;
}
