import { TRPCError } from '@trpc/server';
import type { Context as HonoContext } from 'hono';
import type { AppDeps } from '../deps.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import { appRouter } from '../router.js';
import { createContext, type RequestInfo } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/init.js';
import { offerPage } from './offer-page.js';

const createCaller = createCallerFactory(appRouter);

function errorMessage(error: unknown): string {
  return error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR'
    ? error.message
    : 'Something went wrong on our side';
}

/**
 * GET and POST /offers/:token — the candidate's page for an offer, backed by
 * the public `offers.view` and `offers.respond` procedures.
 */
export function offerRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  const callerFor = async (c: HonoContext) =>
    createCaller(await createContext(deps, requestOf(c), new Headers()));
  const noStore = (c: HonoContext) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
  };

  const show = async (c: HonoContext): Promise<Response> => {
    noStore(c);
    const token = c.req.param('token') ?? '';
    try {
      const offer = await (await callerFor(c)).offers.view({ token });
      return c.html(offerPage(offer, null, `/offers/${token}`));
    } catch (error) {
      return c.html(offerPage(null, errorMessage(error), ''), 404);
    }
  };

  const respond = async (c: HonoContext): Promise<Response> => {
    noStore(c);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) {
      return c.html(offerPage(null, 'Please answer from the offer page itself.', ''), 403);
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
    try {
      const offer = await caller.offers.respond({ token, decision });
      const message =
        decision === 'accept'
          ? 'Thank you: you accepted the offer. We will be in touch about next steps.'
          : 'You declined the offer. Thank you for letting us know.';
      return c.html(offerPage(offer, message, `/offers/${token}`));
    } catch (error) {
      try {
        return c.html(
          offerPage(await caller.offers.view({ token }), errorMessage(error), `/offers/${token}`),
          409,
        );
      } catch {
        return c.html(offerPage(null, errorMessage(error), ''), 404);
      }
    }
  };
  return { show, respond };
}
