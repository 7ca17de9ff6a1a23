import { messagesFor, type PortalDone, type PortalView, renderPortalPage } from '@candor/careers';
import type { Em, InferEntity, Tenant } from '@candor/db';
import { languageSettingsOf, PORTAL_SESSION, portalPath, ZEmail } from '@candor/schemas';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { careersTenantOf, logoFileOf } from '../careers/careers-publisher.js';
import type { AppDeps } from '../deps.js';
import { applicantLocale, langQueryOf } from '../http/applicant-locale.js';
import { type ApplicantScope, applicantScopeOf } from '../http/applicant-tenant.js';
import { networkOf } from '../http/network.js';
import { nulFieldErrors } from '../http/nul-characters.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import type { RequestInfo } from '../trpc/context.js';
import {
  exportForSubject,
  objectToMarketing,
  type PortalOutcome,
  type PortalSubject,
  portalData,
  receiptForSubject,
  requestCorrection,
  requestErasure,
  restrictProcessing,
  updateContact,
  withdrawConsent,
} from './portal.service.js';
import {
  emailHashOf,
  endPortalSession,
  networkHashOf,
  portalSessionEmail,
  SESSION_TTL_MS,
} from './portal-auth.js';
import { sendSignInCode, signInWithCode } from './portal-sign-in.js';

type TenantRow = InferEntity<typeof Tenant>;
type Form = Record<string, string | File | (string | File)[]>;

export const PORTAL_COOKIE = PORTAL_SESSION.cookie;

/** The messages the home page can show after an action, named in its query string. */
const DONE_KEYS = new Set(Object.keys(messagesFor('en').portalDone));

function text(value: Form[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function texts(value: Form[string] | undefined): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
}

/**
 * The applicant privacy portal at /careers/:slug/privacy/portal/: sign in
 * with a one-time code sent to the address, then see and act on what the
 * tenant holds about it. Server-rendered pages and plain form posts, so it
 * works without JavaScript; every post must come from our own origin.
 */
export function portalRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  const secure = deps.publicUrl.startsWith('https://');

  function page(
    c: HonoContext,
    tenant: TenantRow,
    view: PortalView,
    status: 200 | 400 | 401 | 403 | 429 = 200,
  ): Response {
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderPortalPage({
        tenant: careersTenantOf(tenant),
        view,
        logoFile: logoFileOf(tenant),
        locale: applicantLocale(c, tenant),
        languages: languageSettingsOf(tenant.languageSettings),
      }),
      status,
    );
  }

  const notFound = (c: HonoContext) => c.text('There is no such page.', 404);

  const sameOrigin = (c: HonoContext) => fromOwnOrigin(c, deps.allowedOrigins);

  /** Forms are small; anything bigger is not one of ours. */
  const limit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('Too large', 413) });

  /** Posts must come from our own pages (SameSite=Strict cookies are the second line against cross-site forms). */
  async function wrongOrigin(c: HonoContext): Promise<Response> {
    const scope = applicantScopeOf(c);
    if (!scope) return notFound(c);
    return page(c, scope.tenant, { kind: 'sign_in', message: 'wrong_origin' }, 403);
  }

  async function parseForm(c: HonoContext): Promise<Form> {
    try {
      return await c.req.parseBody({ all: true });
    } catch {
      return {};
    }
  }

  async function signedIn(c: HonoContext, scope: ApplicantScope): Promise<PortalSubject | null> {
    const email = await portalSessionEmail(scope.em, scope.tenant.id, getCookie(c, PORTAL_COOKIE));
    return email ? { tenant: scope.tenant, email, requestId: requestOf(c).requestId } : null;
  }

  function clearCookie(c: HonoContext, slug: string) {
    deleteCookie(c, PORTAL_COOKIE, { path: portalPath(slug), httpOnly: true, sameSite: 'Strict', secure });
  }

  async function home(c: HonoContext, scope: ApplicantScope, subject: PortalSubject): Promise<Response> {
    const done = c.req.queries('done')?.filter((d): d is PortalDone => DONE_KEYS.has(d)) ?? [];
    const receiptId = c.req.query('receipt');
    const receipt = receiptId ? await receiptForSubject(scope.em, subject, receiptId) : null;
    return page(c, scope.tenant, { kind: 'home', data: await portalData(scope.em, subject), done, receipt });
  }

  const show = async (c: HonoContext): Promise<Response> => {
    const scope = applicantScopeOf(c);
    if (!scope) return notFound(c);
    const subject = await signedIn(c, scope);
    if (subject) return home(c, scope, subject);
    const hadSession = getCookie(c, PORTAL_COOKIE) !== undefined;
    if (hadSession) clearCookie(c, scope.tenant.slug);
    return page(c, scope.tenant, {
      kind: 'sign_in',
      ...(hadSession ? { message: 'session_ended' as const } : {}),
    });
  };

  /**
   * Sends a code to any well-formed address, known or not: the answer, its
   * timing and the email look the same either way, so the portal never says
   * whether the tenant holds data about someone, and the owner of an unknown
   * address still learns (after the code) that nothing is held (Art. 15(1)).
   */
  const sendCode = async (c: HonoContext): Promise<Response> => {
    const scope = applicantScopeOf(c);
    if (!scope) return notFound(c);
    const { tenant, em } = scope;
    const { ip } = requestOf(c);
    if (!(await deps.limits.portalCodePerIp.hit(ip))) return page(c, tenant, { kind: 'rate_limited' }, 429);
    const raw = text((await parseForm(c)).email).slice(0, 300);
    const email = ZEmail.safeParse(raw);
    if (!email.success) return page(c, tenant, { kind: 'sign_in', email: raw, error: 'invalid_email' }, 400);
    // Counted per (address, network): a stranger asking for someone's codes uses up only their own network's share.
    const network = networkOf(ip);
    if (
      !(await deps.limits.portalCodePerEmailAndNetwork.hit(
        `${emailHashOf(deps.hashKey, tenant.id, email.data)}/${networkHashOf(deps.hashKey, network)}`,
      ))
    ) {
      return page(c, tenant, { kind: 'rate_limited' }, 429);
    }
    await sendSignInCode(em, {
      tenant,
      email: email.data,
      network,
      hashKey: deps.hashKey,
      publicUrl: deps.publicUrl,
      locale: applicantLocale(c, tenant),
    });
    return page(c, tenant, { kind: 'code_sent', email: email.data });
  };

  const verify = async (c: HonoContext): Promise<Response> => {
    const scope = applicantScopeOf(c);
    if (!scope) return notFound(c);
    const { tenant, em } = scope;
    if (!(await deps.limits.portalVerifyPerIp.hit(requestOf(c).ip)))
      return page(c, tenant, { kind: 'rate_limited' }, 429);
    const form = await parseForm(c);
    const email = ZEmail.safeParse(text(form.email).slice(0, 300));
    if (!email.success) return page(c, tenant, { kind: 'sign_in', error: 'invalid_email' }, 400);
    const code = text(form.code).replace(/[\s-]/g, '');
    if (!/^\d{6}$/.test(code))
      return page(c, tenant, { kind: 'code_sent', email: email.data, error: { kind: 'format' } }, 400);
    const signIn = await signInWithCode(em, {
      tenantId: tenant.id,
      email: email.data,
      code,
      hashKey: deps.hashKey,
      requestId: requestOf(c).requestId,
    });
    if (signIn.kind !== 'ok')
      return page(c, tenant, { kind: 'code_sent', email: email.data, error: signIn }, 401);
    setCookie(c, PORTAL_COOKIE, signIn.token, {
      path: portalPath(tenant.slug),
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      maxAge: SESSION_TTL_MS / 1000,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(`${portalPath(tenant.slug)}/${langQueryOf(tenant, applicantLocale(c, tenant))}`, 303);
  };

  const signOut = async (c: HonoContext): Promise<Response> => {
    const scope = applicantScopeOf(c);
    if (!scope) return notFound(c);
    await endPortalSession(scope.em, scope.tenant.id, getCookie(c, PORTAL_COOKIE));
    clearCookie(c, scope.tenant.slug);
    return page(c, scope.tenant, { kind: 'sign_in', message: 'signed_out' });
  };

  /** A signed-in action: runs it, then back to the portal's home with what happened (POST, redirect, GET). */
  const action =
    (run: (em: Em, subject: PortalSubject, form: Form) => Promise<PortalOutcome>) =>
    async (c: HonoContext): Promise<Response> => {
      const scope = applicantScopeOf(c);
      if (!scope) return notFound(c);
      const subject = await signedIn(c, scope);
      if (!subject) {
        clearCookie(c, scope.tenant.slug);
        return page(c, scope.tenant, { kind: 'sign_in', message: 'session_ended' }, 401);
      }
      const form = await parseForm(c);
      const nul = nulFieldErrors(form);
      const outcome: PortalOutcome = nul
        ? { kind: 'invalid', fieldErrors: nul }
        : await run(scope.em, subject, form);
      if (outcome.kind === 'invalid') {
        const data = await portalData(scope.em, subject);
        return page(
          c,
          scope.tenant,
          {
            kind: 'home',
            data,
            fieldErrors: outcome.fieldErrors,
            contactValues: outcome.values,
            details: outcome.details,
          },
          400,
        );
      }
      const query = new URLSearchParams();
      for (const d of outcome.done) query.append('done', d);
      if (outcome.receiptId) query.set('receipt', outcome.receiptId);
      if (langQueryOf(scope.tenant, 'en')) query.set('lang', applicantLocale(c, scope.tenant));
      const search = query.size ? `?${query}` : '';
      return c.redirect(`${portalPath(scope.tenant.slug)}/${search}`, 303);
    };

  const contact = action((em, subject, form) =>
    updateContact(em, deps, subject, {
      name: text(form.name),
      email: text(form.email),
      phone: text(form.phone),
      location: text(form.location),
      links: texts(form.links),
    }),
  );
  const rectify = action((em, subject, form) => requestCorrection(em, deps, subject, text(form.details)));
  const withdraw = action((em, subject, form) => withdrawConsent(em, deps, subject, text(form.purpose)));
  const stopMarketing = action((em, subject) => objectToMarketing(em, deps, subject));
  const restrict = action((em, subject) => restrictProcessing(em, deps, subject));
  const erase = action((em, subject, form) =>
    requestErasure(em, deps, subject, text(form.confirm) === 'yes'),
  );

  const download = async (c: HonoContext): Promise<Response> => {
    const scope = applicantScopeOf(c);
    if (!scope) return notFound(c);
    const subject = await signedIn(c, scope);
    if (!subject) return page(c, scope.tenant, { kind: 'sign_in', message: 'session_ended' }, 401);
    const zip = await exportForSubject(scope.em, deps, subject);
    if (!zip) {
      const lang = langQueryOf(scope.tenant, applicantLocale(c, scope.tenant)).replace('?', '&');
      return c.redirect(`${portalPath(scope.tenant.slug)}/?done=nothing_to_export${lang}`, 303);
    }
    const day = new Date().toISOString().slice(0, 10);
    return new Response(Buffer.from(zip), {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${scope.tenant.slug}-my-data-${day}.zip"`,
        'Cache-Control': 'no-store',
      },
    });
  };

  const receipt = async (c: HonoContext): Promise<Response> => {
    const scope = applicantScopeOf(c);
    if (!scope) return notFound(c);
    const subject = await signedIn(c, scope);
    if (!subject) return page(c, scope.tenant, { kind: 'sign_in', message: 'session_ended' }, 401);
    const found = await receiptForSubject(scope.em, subject, c.req.param('id') ?? '');
    if (!found) return notFound(c);
    return new Response(found.jws, {
      headers: {
        'Content-Type': 'application/jwt',
        'Content-Disposition': `attachment; filename="consent-receipt-${found.id}.jwt"`,
        'Cache-Control': 'no-store',
      },
    });
  };

  /** Every post to the portal: a small body, from our own origin. */
  const guardPosts: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    if (!sameOrigin(c)) return wrongOrigin(c);
    return limit(c, next);
  };

  return {
    show,
    receipt,
    guardPosts,
    posts: {
      code: sendCode,
      verify,
      'sign-out': signOut,
      contact,
      rectify,
      'consent/withdraw': withdraw,
      'marketing/stop': stopMarketing,
      restrict,
      erase,
      export: download,
    },
  };
}
