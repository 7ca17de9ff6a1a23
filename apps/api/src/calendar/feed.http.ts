import type { Context as HonoContext } from 'hono';
import type { AppDeps } from '../deps.js';
import { interviewFeed } from './calendar-feed.js';

/**
 * GET /calendar/feed/<token>.ics — a staff member's interview feed, fetched
 * by calendar apps without a session. Not rate-limited per address: the
 * token carries 256 random bits, and calendar services fetch everyone's
 * feeds from a few addresses of their own.
 */
export function calendarFeedHandler(deps: AppDeps) {
  return async (c: HonoContext): Promise<Response> => {
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const token = (c.req.param('file') ?? '').replace(/\.ics$/, '');
    const feed = await interviewFeed(deps.orm.em.fork(), deps, token);
    if (feed === null) return c.text('This calendar link was revoked or never existed.', 404);
    return c.body(feed, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  };
}
