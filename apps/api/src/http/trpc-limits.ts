import { FILE_UPLOAD_PROCEDURES, MAX_TRPC_BATCH_SIZE } from '@candor/schemas';
import type { MiddlewareHandler } from 'hono';
import { BODY_LIMITS, jsonBodyLimit } from './body-limits.js';

/**
 * The procedure paths a tRPC request names (`/trpc/a.b,c.d?batch=1`),
 * decoded the way tRPC decodes them, so an encoded comma counts too.
 */
function procedurePaths(url: string, endpoint: string): string[] {
  const pathname = new URL(url).pathname.slice(endpoint.length + 1);
  try {
    return decodeURIComponent(pathname).split(',');
  } catch {
    return [pathname]; // tRPC itself answers 400 for the bad escape
  }
}

/**
 * Caps what one tRPC request may cost before any of it runs: at most
 * MAX_TRPC_BATCH_SIZE calls (400 otherwise), and a body limit by purpose:
 * a lone file-upload procedure may carry a file, everything else is small.
 */
export function trpcRequestLimits(endpoint: string): MiddlewareHandler {
  const uploads = new Set(FILE_UPLOAD_PROCEDURES);
  const smallBody = jsonBodyLimit(BODY_LIMITS.trpc);
  const uploadBody = jsonBodyLimit(BODY_LIMITS.trpcFileUpload);
  return async (c, next) => {
    const paths = procedurePaths(c.req.url, endpoint);
    if (paths.length > MAX_TRPC_BATCH_SIZE) {
      const message = `A batch may hold at most ${MAX_TRPC_BATCH_SIZE} calls; this one has ${paths.length}`;
      return c.json({ error: { message, code: 'BAD_REQUEST' } }, 400);
    }
    const carriesFile = paths.length === 1 && uploads.has(paths[0] ?? '');
    return (carriesFile ? uploadBody : smallBody)(c, next);
  };
}
