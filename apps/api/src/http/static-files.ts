import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module file; a worker refuses a script served as anything but JavaScript.
  '.mjs': 'text/javascript; charset=utf-8',
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

/** The Content-Type a file of ours is served with, by its extension. */
export function contentTypeOf(path: string): string {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

/** Text formats worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.xml',
  '.map',
]);

/** Content codings we send, best first; `identity` is always acceptable unless refused. */
const CODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type Coding = (typeof CODINGS)[number]['name'];

/** Bytes as Hono sends them (zlib and readFile never hand out shared memory). */
export type Bytes = Buffer<ArrayBuffer>;

interface StaticFile {
  type: string;
  /** Strong validator of the file's content; each coding's ETag adds its name (RFC 9110 8.8.3.3). */
  hash: string;
  lastModified: Date;
  identity: Bytes;
  encoded: Partial<Record<Coding, Bytes>>;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export async function compress(coding: Coding, raw: Bytes): Promise<Bytes> {
  if (coding === 'gzip') return (await gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION })) as Bytes;
  return (await brotli(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  })) as Bytes;
}

/**
 * The compressed variants of a file: the build's `.br` / `.gz` next to it
 * (the admin precompresses at build time) when as new as the file, else
 * compressed here once (careers pages, written by the publisher at any time,
 * are small: compressing on first request avoids teaching the publisher and
 * every writer of that folder to keep siblings in step). A variant no
 * smaller than the file is not worth a Content-Encoding.
 */
async function encodedVariants(path: string, info: Stats, raw: Bytes): Promise<StaticFile['encoded']> {
  const encoded: StaticFile['encoded'] = {};
  if (!COMPRESSIBLE.has(extname(path))) return encoded;
  for (const { name, suffix } of CODINGS) {
    const sibling = await stat(path + suffix).catch(() => null);
    const body =
      sibling?.isFile() && sibling.mtimeMs >= info.mtimeMs
        ? await readFile(path + suffix)
        : await compress(name, raw);
    if (body.length < raw.length) encoded[name] = body;
  }
  return encoded;
}

/**
 * Files read, hashed and compressed once, kept while their size and mtime
 * stay the same (a republished careers page gets a new entry). Bounded: the
 * least recently used go first past MAX_CACHED_BYTES.
 */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, { key: string; bytes: number; file: StaticFile }>();
let cachedBytes = 0;

async function loadFile(path: string, info: Stats): Promise<StaticFile> {
  const key = `${info.size}:${info.mtimeMs}`;
  const hit = cache.get(path);
  if (hit?.key === key) {
    cache.delete(path); // re-inserted below: Map order is recency
    cache.set(path, hit);
    return hit.file;
  }
  const identity = await readFile(path);
  const file: StaticFile = {
    type: contentTypeOf(path),
    hash: createHash('sha256').update(identity).digest('base64url').slice(0, 27),
    lastModified: info.mtime,
    identity,
    encoded: await encodedVariants(path, info, identity),
  };
  const bytes = identity.length + (file.encoded.br?.length ?? 0) + (file.encoded.gzip?.length ?? 0);
  if (hit) cachedBytes -= hit.bytes;
  cache.delete(path);
  cache.set(path, { key, bytes, file });
  cachedBytes += bytes;
  for (const [oldest, entry] of cache) {
    if (cachedBytes <= MAX_CACHED_BYTES || oldest === path) break;
    cache.delete(oldest);
    cachedBytes -= entry.bytes;
  }
  return file;
}

async function fileIn(root: string, relative: string): Promise<{ path: string; info: Stats } | null> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return null; // no escaping the root
  const info = await stat(path).catch(() => null);
  if (info?.isFile()) return { path, info };
  if (info?.isDirectory()) return fileIn(root, join(relative, 'index.html'));
  return null;
}

export function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** The quality the client gives each coding in Accept-Encoding (RFC 9110 12.5.3); none: identity only. */
export function chooseCoding(
  acceptEncoding: string | undefined,
  available: readonly Coding[],
): Coding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (name: string) =>
    weights.get(name) ?? (name === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  let best: Coding | null = null;
  for (const { name } of CODINGS) {
    if (available.includes(name) && weightOf(name) > 0 && (best === null || weightOf(name) > weightOf(best)))
      best = name;
  }
  return best;
}

/** If-None-Match matches when any listed tag names this content, whatever its coding (weak comparison). */
export function matchesEtag(ifNoneMatch: string, hash: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some(
    (tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"|"$/g, '')
        .replace(/-(br|gzip)$/, '') === hash,
  );
}

function notModified(c: Context, file: StaticFile): boolean {
  const ifNoneMatch = c.req.header('If-None-Match');
  // If-Modified-Since counts only without If-None-Match (RFC 9110 13.1.3); dates have whole seconds.
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, file.hash);
  const since = Date.parse(c.req.header('If-Modified-Since') ?? '');
  return !Number.isNaN(since) && Math.floor(file.lastModified.getTime() / 1000) * 1000 <= since;
}

/** The first of `pages` there is, with status 404 and not cached; else the app's plain not-found answer. */
async function notFound(c: Context, root: string, pages: string[]) {
  for (const page of pages) {
    const found = await fileIn(root, page);
    if (!found) continue;
    const file = await loadFile(found.path, found.info);
    return c.body(file.identity, 404, { 'Content-Type': file.type, 'Cache-Control': 'no-store' });
  }
  return c.notFound();
}

/**
 * Serves files under `root` for requests below `prefix`, compressed (brotli
 * or gzip, by Accept-Encoding) and revalidated (strong ETag from the content,
 * Last-Modified; 304 when unchanged). With `spaFallback`, unknown paths get
 * index.html (the admin is a single-page app). With `immutableAssets`, files
 * under assets/ carry a content hash in their name and are cached for a year;
 * everything else is revalidated on every use (no-cache).
 */
export function serveDirectory(options: {
  root: string;
  prefix: string;
  spaFallback?: boolean;
  immutableAssets?: boolean;
  /**
   * For a path that names no file: the pages (relative to `root`, first found wins) to answer
   * with, status 404, like a careers site's own not-found page in its language.
   */
  notFoundPages?: (relative: string) => string[];
}) {
  return async (c: Context) => {
    const decoded = decodedPath(c.req.path.slice(options.prefix.length));
    // A path that is not valid percent-encoding, or that asks for a NUL, names no file of ours.
    if (decoded === null || decoded.includes('\u0000')) return c.notFound();
    const relative = decoded.replace(/^\/+/, '');
    // The build's compressed siblings are representations of a file, not files of their own.
    if (/\.(br|gz)$/.test(relative)) return c.notFound();
    const found =
      (await fileIn(options.root, relative)) ??
      (options.spaFallback ? await fileIn(options.root, 'index.html') : null);
    if (!found) return notFound(c, options.root, options.notFoundPages?.(relative) ?? []);
    const file = await loadFile(found.path, found.info);
    const coding = chooseCoding(c.req.header('Accept-Encoding'), Object.keys(file.encoded) as Coding[]);
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'Cache-Control':
        options.immutableAssets &&
        relative.startsWith('assets/') &&
        found.path !== join(options.root, 'index.html')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      ETag: `"${file.hash}${coding ? `-${coding}` : ''}"`,
      'Last-Modified': file.lastModified.toUTCString(),
    };
    if (Object.keys(file.encoded).length > 0) headers.Vary = 'Accept-Encoding';
    if (notModified(c, file)) return c.body(null, 304, headers);
    if (coding) headers['Content-Encoding'] = coding;
    return c.body(coding ? file.encoded[coding]! : file.identity, 200, headers);
  };
}
