import type { MiddlewareHandler } from 'hono';

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
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (options.https) c.header('Strict-Transport-Security', HSTS);
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
  };
}
