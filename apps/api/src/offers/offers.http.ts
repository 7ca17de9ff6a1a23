import { type Messages, messagesFor } from '@candor/careers';
import {
  CAREERS_LOCALES,
  negotiateLocale,
  offeredLocale,
  type TLocale,
  type TPublicOffer,
} from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import type { Context as HonoContext } from 'hono';
import type { AppDeps } from '../deps.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import { appRouter } from '../router.js';
import { createContext, type RequestInfo } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/init.js';
import { offerPage } from './offer-page.js';
import { OFFER_EXPIRED } from './offers.service.js';

const createCaller = createCallerFactory(appRouter);

/** Why the link did not work, in the page's words: no procedure message reaches the candidate untranslated. */
function errorMessage(error: unknown, t: Messages): string {
  if (!(error instanceof TRPCError)) return t.offerErrors.failed;
  switch (error.code) {
    case 'NOT_FOUND':
    case 'BAD_REQUEST':
      return t.offerErrors.notFound;
    case 'TOO_MANY_REQUESTS':
      return t.offerErrors.tooMany;
    case 'PRECONDITION_FAILED':
      return error.message === OFFER_EXPIRED ? t.offerErrors.expired : t.offerErrors.answered;
    default:
      return t.offerErrors.failed;
  }
}

/**
 * GET and POST /offers/:token — the candidate's page for an offer, backed by
 * the public `offers.view` and `offers.respond` procedures. It is written in
 * the candidate's language (`candidate.locale`); `?lang=` picks another of
 * the tenant's, and the form keeps it. Without an offer to go by (an unknown
 * link), `?lang=` or the browser's Accept-Language decides.
 */
export function offerRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  const callerFor = async (c: HonoContext) =>
    createCaller(await createContext(deps, requestOf(c), new Headers()));
  // Not cached. The app-wide Referrer-Policy (same-origin) keeps the token in the URL from other sites; no-referrer
  // would make browsers send "Origin: null" with the answer, which the origin check below refuses.
  const noStore = (c: HonoContext) => {
    c.header('Cache-Control', 'no-store');
  };
  const langOf = (c: HonoContext): TLocale | undefined =>
    offeredLocale(c.req.query('lang'), CAREERS_LOCALES) ?? undefined;
  /** The language of a page without an offer. */
  const pageLocale = (c: HonoContext): TLocale =>
    langOf(c) ?? negotiateLocale(c.req.header('Accept-Language'), CAREERS_LOCALES, 'en');
  /** The form posts back to the page, keeping a language the candidate picked. */
  const actionOf = (c: HonoContext, token: string, offer: TPublicOffer) =>
    `/offers/${token}${langOf(c) === offer.locale ? `?lang=${offer.locale}` : ''}`;
  const notFound = (c: HonoContext, error: unknown) => {
    const locale = pageLocale(c);
    return c.html(offerPage(null, errorMessage(error, messagesFor(locale)), '', locale), 404);
  };

  const show = async (c: HonoContext): Promise<Response> => {
    noStore(c);
    const token = c.req.param('token') ?? '';
    try {
      const offer = await (await callerFor(c)).offers.view({ token, lang: langOf(c) });
      return c.html(offerPage(offer, null, actionOf(c, token, offer)));
    } catch (error) {
      return notFound(c, error);
    }
  };

  const respond = async (c: HonoContext): Promise<Response> => {
    noStore(c);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) {
      const locale = pageLocale(c);
      return c.html(offerPage(null, messagesFor(locale).offerErrors.answerHere, '', locale), 403);
    }
    const token = c.req.param('token') ?? '';
    // A body that is not a well-formed form carries no decision: the page is shown again, as a 400.
    const form = await c.req.parseBody().catch(() => null);
    if (!form) {
      c.status(400);
      return show(c);
    }
    const decision = form.decision === 'accept' ? 'accept' : form.decision === 'decline' ? 'decline' : null;
    const caller = await callerFor(c);
    if (!decision) return show(c);
    const lang = langOf(c);
    try {
      const offer = await caller.offers.respond({ token, decision, lang });
      const t = messagesFor(offer.locale);
      const message = decision === 'accept' ? t.offerAccepted : t.offerDeclined;
      return c.html(offerPage(offer, message, actionOf(c, token, offer)));
    } catch (error) {
      try {
        const offer = await caller.offers.view({ token, lang });
        return c.html(
          offerPage(offer, errorMessage(error, messagesFor(offer.locale)), actionOf(c, token, offer)),
          409,
        );
      } catch {
        return notFound(c, error);
      }
    }
  };
  return { show, respond };
}
