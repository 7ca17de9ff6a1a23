import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const KB = 1024;
const MB = 1024 * KB;

/**
 * Largest request bodies, by what a route legitimately receives. Bodies
 * are counted as they arrive: a declared Content-Length above the limit is
 * refused before reading, a chunked body as soon as it passes the limit,
 * so an oversized post never gets buffered whole.
 */
export const BODY_LIMITS = {
  /** A tRPC call or batch: the largest inputs are a 300 KB base64 logo and texts of 20,000 characters. */
  trpc: 1 * MB,
  /** A tRPC call carrying one file: 10 MB is about 13.4 MB as base64, plus the other fields. */
  trpcFileUpload: 16 * MB,
  /** The offer page's form: one field, accept or decline. */
  offerForm: 8 * KB,
} as const;

/** "16 MB", "8 KB": limits in messages people read. */
export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}

function tooLargeMessage(maxSize: number): string {
  return `The request body is larger than this address accepts (at most ${formatBytes(maxSize)})`;
}

/** For routes that answer JSON (tRPC): the error in the same shape as the API's other refusals. */
export function jsonBodyLimit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => c.json({ error: { message: tooLargeMessage(maxSize), code: 'PAYLOAD_TOO_LARGE' } }, 413),
  });
}

/** For plain HTML form posts: a small page saying what happened. */
export function htmlBodyLimit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      c.html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too large</title></head><body><main><h1>Too large</h1><p>${tooLargeMessage(maxSize)}. Please go back and send the form again.</p></main></body></html>`,
        413,
      ),
  });
}
