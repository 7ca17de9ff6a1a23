import type { Em } from '@candor/db';
import type { ValidSession } from '../auth/sessions.js';
import type { AppDeps } from '../deps.js';

export interface RequestInfo {
  requestId: string;
  ip: string;
  cookieHeader: string | undefined;
  /** Only turned into a short device label at sign-in (device-label.ts); never stored or logged as is. */
  userAgent?: string;
}

/**
 * Per-request context. A `type` alias, not an interface: @hono/trpc-server
 * needs it assignable to a record type.
 */
export type Context = {
  deps: AppDeps;
  em: Em;
  requestId: string;
  ip: string;
  userAgent: string | undefined;
  session: ValidSession | null;
  /** Adds a Set-Cookie header to the response. */
  setCookie(cookie: string): void;
};

export async function createContext(
  deps: AppDeps,
  request: RequestInfo,
  resHeaders: Headers,
): Promise<Context> {
  const token = deps.sessions.readCookie(request.cookieHeader);
  const session = token ? await deps.sessions.validate(token) : null;
  const setCookie = (cookie: string) => resHeaders.append('Set-Cookie', cookie);
  if (token && !session) setCookie(deps.sessions.blankCookie());
  if (session?.refreshedCookie) setCookie(session.refreshedCookie);
  return {
    deps,
    em: deps.orm.em.fork(),
    requestId: request.requestId,
    ip: request.ip,
    userAgent: request.userAgent,
    session,
    setCookie,
  };
}
