import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context as HonoContext } from 'hono';
import type { AppDeps } from '../deps.js';
import { appRouter } from '../router.js';
import type { RequestInfo } from '../trpc/context.js';
import { createContext } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/init.js';

const createCaller = createCallerFactory(appRouter);

/** RFC 6266 filename for Content-Disposition, safe for any name a user gave. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /files/attachments/:id — streams a file after the `attachments.download`
 * procedure has checked the session, tenant, role and hiring team, and
 * written the audit event.
 */
export function attachmentDownloadHandler(
  deps: AppDeps,
  requestOf: (c: HonoContext) => RequestInfo,
): (c: HonoContext) => Promise<Response> {
  return async (c: HonoContext) => {
    const headers = new Headers();
    const caller = createCaller(await createContext(deps, requestOf(c), headers));
    try {
      const file = await caller.attachments.download({ id: c.req.param('id') ?? '' });
      headers.set('Content-Type', file.contentType);
      headers.set('Content-Disposition', contentDisposition(file.filename));
      headers.set('Cache-Control', 'no-store');
      return new Response(Buffer.from(file.contentBase64, 'base64'), { status: 200, headers });
    } catch (error) {
      const status = error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 500;
      return c.json(
        {
          error: { message: status === 500 ? 'Something went wrong on our side' : (error as Error).message },
        },
        status as 400,
      );
    }
  };
}
