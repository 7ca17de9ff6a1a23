import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

async function fileIn(root: string, relative: string): Promise<string | null> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return null; // no escaping the root
  const info = await stat(path).catch(() => null);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) return fileIn(root, join(relative, 'index.html'));
  return null;
}

function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Serves files under `root` for requests below `prefix`. With `spaFallback`,
 * unknown paths get index.html (the admin is a single-page app).
 */
export function serveDirectory(options: { root: string; prefix: string; spaFallback?: boolean; immutableAssets?: boolean }) {
  return async (c: Context) => {
    const decoded = decodedPath(c.req.path.slice(options.prefix.length));
    // A path that is not valid percent-encoding, or that asks for a NUL, names no file of ours.
    if (decoded === null || decoded.includes('\u0000')) return c.notFound();
    const relative = decoded.replace(/^\/+/, '');
    const path = (await fileIn(options.root, relative)) ?? (options.spaFallback ? await fileIn(options.root, 'index.html') : null);
    if (!path) return c.notFound();
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const cache = options.immutableAssets && relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(await readFile(path), 200, { 'Content-Type': type, 'Cache-Control': cache });
  };
}
