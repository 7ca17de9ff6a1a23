import type { Context as HonoContext } from 'hono';
import { verifyRequestOrigin } from 'lucia';

/**
 * Whether a state-changing request comes from our own pages: its Origin is
 * this host or one of the allowed origins. Every form post and tRPC
 * mutation checks it (the defence against cross-site request forgery).
 */
export function fromOwnOrigin(c: HonoContext, allowedOrigins: readonly string[]): boolean {
  const origin = c.req.header('Origin');
  const host = c.req.header('Host');
  return !!origin && verifyRequestOrigin(origin, host ? [host, ...allowedOrigins] : [...allowedOrigins]);
}
