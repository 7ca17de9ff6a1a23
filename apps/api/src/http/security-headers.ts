import type { Context, MiddlewareHandler } from 'hono';

/**
 * Powerful browser features no Candor page uses, turned off for the page
 * and anything it embeds. WebAuthn (publickey-credentials-*) stays at its
 * default, our own origin, for passkeys.
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

/** Two years, the preload list's minimum; subdomains of the origin's host are ours too. */
const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Conservative headers for every response; the admin needs inline styles
 * from MUI. HSTS only when the public origin is https (it would pin a plain
 * http development server to https otherwise). A route may set a stricter
 * Referrer-Policy and keeps it (not on a page with a form: with no-referrer
 * browsers send "Origin: null", which the origin checks refuse).
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    setAfterResponse(c, {
      'X-Content-Type-Options': 'nosniff',
      ...(c.res.headers.has('Referrer-Policy') ? {} : { 'Referrer-Policy': 'same-origin' }),
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': PERMISSIONS_POLICY,
      ...(options.https ? { 'Strict-Transport-Security': HSTS } : {}),
      'Content-Security-Policy':
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    });
  };
}

/**
 * Sets headers on the response a handler made, in a middleware after
 * `next()`. Straight on its headers: Hono's `c.header` at that point builds
 * a new Response around the old one's body stream for every header, and the
 * Node adapter then streams every response instead of writing it at once
 * (about a quarter of a millisecond per request, issue 21's apply profile).
 * A response whose headers cannot change (one from `fetch`) goes Hono's way.
 */
export function setAfterResponse(c: Context, headers: Record<string, string>): void {
  try {
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  } catch {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  }
}
