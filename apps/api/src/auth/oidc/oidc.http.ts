import { type TSingleSignOnError, ZEmail, ZTenantSlug } from '@candor/schemas';
import type { Context as HonoContext } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../../deps.js';
import type { RequestInfo } from '../../trpc/context.js';
import { deviceLabelOf } from '../device-label.js';
import { connectionForEmail, connectionForSlug, type TenantChoice } from './connection.service.js';
import { finishSingleSignOn, SignInRefused, startSingleSignOn } from './sign-in-flow.js';

/** Holds the random value whose hash is on the attempt: only the browser that started a sign-in finishes it. */
const BROWSER_COOKIE = 'candor_oidc';
const COOKIE_PATH = '/auth/oidc';

/**
 * GET /auth/oidc/start and /auth/oidc/callback: staff single sign-on with
 * the tenant's OpenID Provider. Redirects, not tRPC. Every refusal sends the
 * browser back to the sign-in page with a code (never the provider's text);
 * the log gets a non-personal reason.
 */
export function singleSignOnRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  const secure = deps.publicUrl.startsWith('https://');
  const signInPage = (c: HonoContext, code: TSingleSignOnError, org?: string) => {
    const params = new URLSearchParams({ sso_error: code, ...(org ? { org } : {}) });
    return c.redirect(`/admin/#/login?${params}`, 302);
  };
  const refused = (c: HonoContext, error: unknown, org?: string) => {
    if (!(error instanceof SignInRefused)) throw error;
    deps.logger.info('single sign-on refused', {
      requestId: requestOf(c).requestId,
      code: error.code,
      reason: error.reason,
    });
    return signInPage(c, error.code, org);
  };

  /**
   * `?org=<slug>` (the organisation's sign-in link) or `?email=<work address>`
   * (the domain picks the organisation: see connectionForEmail).
   */
  const start = async (c: HonoContext): Promise<Response> => {
    c.header('Cache-Control', 'no-store');
    const request = requestOf(c);
    const org = ZTenantSlug.safeParse(c.req.query('org') ?? '');
    const email = ZEmail.safeParse(c.req.query('email') ?? '');
    const slug = org.success ? org.data : undefined;
    if (!(await deps.limits.signInPerIp.hit(request.ip))) return signInPage(c, 'too_many_attempts', slug);
    const em = deps.orm.em.fork();
    const choice: TenantChoice = slug
      ? await connectionForSlug(em, slug)
      : email.success
        ? await connectionForEmail(em, email.data)
        : { kind: 'none' };
    if (choice.kind === 'ambiguous') return signInPage(c, 'choose_organisation');
    if (choice.kind === 'none') return signInPage(c, 'not_available', slug);
    try {
      const { authorizationUrl, browserSecret } = await startSingleSignOn(
        em,
        deps,
        choice.connection,
        email.success ? email.data : undefined,
      );
      setCookie(c, BROWSER_COOKIE, browserSecret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure,
        path: COOKIE_PATH,
        maxAge: 10 * 60,
      });
      return c.redirect(authorizationUrl, 302);
    } catch (error) {
      return refused(c, error, slug);
    }
  };

  const callback = async (c: HonoContext): Promise<Response> => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const request = requestOf(c);
    const browserSecret = getCookie(c, BROWSER_COOKIE);
    // The attempt is over either way: its cookie goes.
    setCookie(c, BROWSER_COOKIE, '', {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: COOKIE_PATH,
      maxAge: 0,
    });
    try {
      const { userId, tenantId } = await finishSingleSignOn(deps.orm.em.fork(), deps, {
        query: new URL(c.req.url).searchParams,
        browserSecret,
        requestId: request.requestId,
      });
      const { cookie } = await deps.sessions.create(userId, tenantId, {
        signedInWith: 'single_sign_on',
        deviceLabel: deviceLabelOf(request.userAgent),
      });
      c.header('Set-Cookie', cookie, { append: true });
      return c.redirect('/admin/', 302);
    } catch (error) {
      return refused(c, error);
    }
  };

  return { start, callback };
}
