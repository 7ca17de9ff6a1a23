import { renderSchedulePage, type ScheduleView } from '@candor/careers';
import { languageSettingsOf, type TLocale } from '@candor/schemas';
import type { Context as HonoContext } from 'hono';
import { z } from 'zod';
import { careersTenantOf, logoFileOf } from '../careers/careers-publisher.js';
import type { AppDeps } from '../deps.js';
import { applicantLocale } from '../http/applicant-locale.js';
import { type ApplicantScope, applicantScopeOf } from '../http/applicant-tenant.js';
import { htmlBodyLimit } from '../http/body-limits.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import { timeRangeIn } from '../mail/candidate-language.js';
import type { RequestInfo } from '../trpc/context.js';
import { bookSchedulingSlot, openSchedulingLink } from './self-scheduling.service.js';

/** Every zone the runtime knows, for the candidate's pick (UTC included). */
const ZONES = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
const KNOWN_ZONES = new Set(ZONES);

const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
const ZZone = z.string().refine((zone) => KNOWN_ZONES.has(zone));
const ZShowQuery = z.object({ t: ZToken, tz: ZZone.optional() });
const ZBookForm = z.object({ token: ZToken, tz: ZZone, slot: z.iso.datetime().optional() });

/**
 * /careers/:slug/schedule/?t=<token>: the page the self-scheduling email
 * links to. It lists the offered times still free in a zone the candidate
 * picks (a GET form: no JavaScript needed); its post books one. Opening it
 * books nothing, so a mail scanner following the link changes nothing.
 */
export function scheduleRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  function page(
    c: HonoContext,
    scope: ApplicantScope,
    view: ScheduleView,
    status: 200 | 400 | 403 | 404 | 409 = 200,
  ) {
    // The token is in the URL: the app-wide Referrer-Policy (same-origin) keeps it from other sites.
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderSchedulePage({
        tenant: careersTenantOf(scope.tenant),
        view,
        logoFile: logoFileOf(scope.tenant),
        locale: applicantLocale(c, scope.tenant),
        languages: languageSettingsOf(scope.tenant.languageSettings),
      }),
      status,
    );
  }

  /** The times still free in `timeZone`, or the page saying the link does not work. */
  async function pick(
    c: HonoContext,
    scope: ApplicantScope,
    token: string,
    timeZone: string | undefined,
    problem?: 'taken' | 'pickOne',
  ): Promise<Response> {
    const locale: TLocale = applicantLocale(c, scope.tenant);
    const open = await openSchedulingLink(scope.em, deps, scope.tenant, token, locale);
    if (!open) return page(c, scope, { kind: 'invalid' }, 404);
    const zone = timeZone ?? open.timeZone;
    const view: ScheduleView = {
      kind: 'pick',
      token,
      jobTitle: open.jobTitle,
      timeZone: zone,
      zones: ZONES,
      slots: open.free.map((s) => ({
        value: s.startsAt,
        label: timeRangeIn(new Date(s.startsAt), new Date(s.endsAt), zone, locale),
      })),
      problem,
    };
    return page(c, scope, view, problem === 'taken' ? 409 : problem ? 400 : 200);
  }

  const show = async (c: HonoContext) => {
    const scope = applicantScopeOf(c);
    if (!scope) return c.text('There is no such page.', 404);
    const query = ZShowQuery.safeParse({ t: c.req.query('t'), tz: c.req.query('tz') || undefined });
    if (!query.success) return page(c, scope, { kind: 'invalid' }, 400);
    return pick(c, scope, query.data.t, query.data.tz);
  };

  const book = async (c: HonoContext) => {
    const scope = applicantScopeOf(c);
    if (!scope) return c.text('There is no such page.', 404);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) return page(c, scope, { kind: 'invalid' }, 403);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const form = ZBookForm.safeParse(body);
    if (!form.success) return page(c, scope, { kind: 'invalid' }, 400);
    const { token, tz, slot } = form.data;
    if (!slot) return pick(c, scope, token, tz, 'pickOne');
    const outcome = await bookSchedulingSlot(scope.em, scope.tenant, deps, {
      token,
      startsAt: slot,
      timeZone: tz,
      requestId: requestOf(c).requestId,
    });
    if (outcome.kind === 'invalid') return page(c, scope, { kind: 'invalid' }, 404);
    if (outcome.kind === 'taken') return pick(c, scope, token, tz, 'taken');
    if (outcome.kind === 'unknownSlot') return pick(c, scope, token, tz, 'pickOne');
    const locale = applicantLocale(c, scope.tenant);
    return page(c, scope, {
      kind: 'booked',
      when: timeRangeIn(new Date(outcome.slot.startsAt), new Date(outcome.slot.endsAt), tz, locale),
    });
  };

  return { show, book: [htmlBodyLimit(8 * 1024), book] as const };
}
