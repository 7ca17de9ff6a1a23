import type { MiddlewareHandler } from 'hono';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The Host values this server answers to: the host of each configured
 * origin. For a loopback origin (development, tests) any loopback name on
 * the same port is the same server, so http://127.0.0.1:3000 works next to
 * http://localhost:3000.
 */
export function allowedHostsOf(origins: readonly string[]): Set<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const url = new URL(origin);
    hosts.add(url.host.toLowerCase());
    if (LOOPBACK_NAMES.has(url.hostname)) {
      for (const name of LOOPBACK_NAMES) hosts.add(url.port ? `${name}:${url.port}` : name);
    }
  }
  return hosts;
}

/**
 * Refuses (421 Misdirected Request) a request whose Host is not one of
 * ours: a rebound DNS name or a forged Host must not reach the app, and
 * nothing downstream may build on an unchecked Host. Health checks are
 * exempt (load balancers probe by address). A request without Host
 * (HTTP/1.0, or `app.request` in tests) is let through: browsers always
 * send one.
 */
export function hostCheck(
  allowedHosts: ReadonlySet<string>,
  exemptPaths: readonly string[],
): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('Host')?.toLowerCase();
    if (host === undefined || allowedHosts.has(host) || exemptPaths.includes(c.req.path)) return next();
    return c.text(`This server does not answer for that host name. Use ${[...allowedHosts][0]}.`, 421);
  };
}
