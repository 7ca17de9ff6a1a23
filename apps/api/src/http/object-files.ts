import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Context } from 'hono';
import { bodyBytes, isMissingObject, isNotModified, type S3Place } from '../storage/s3.js';
import {
  type Bytes,
  COMPRESSIBLE,
  type Coding,
  chooseCoding,
  compress,
  contentTypeOf,
  decodedPath,
  matchesEtag,
} from './static-files.js';

interface ObjectFile {
  /** The bucket's ETag of what is cached: asked with If-None-Match, a 304 means the cache is current. */
  objectEtag: string;
  type: string;
  cacheControl: string;
  /** Our strong validator, from the content (the same whichever store serves it). */
  hash: string;
  lastModified: Date;
  identity: Bytes;
  encoded: Partial<Record<Coding, Bytes>>;
}

const MAX_CACHED_BYTES = 64 * 1024 * 1024;

/**
 * Serves objects under `root` (a key prefix in the bucket) for requests
 * below `prefix`, like `serveDirectory` serves a folder: compressed by
 * Accept-Encoding, with a strong ETag and Last-Modified, 304 when unchanged,
 * `index.html` for a "folder", the tenant's own 404 page for a missing file.
 *
 * Each request costs one conditional GET to the bucket (a 304 from the
 * bucket while the cached copy is current), so a republished page shows at
 * once on every instance. Cache-Control is what the publisher stored with
 * the object (storage/careers-site.ts). A CDN can serve the same prefix
 * straight from the bucket instead (docs/storage.md).
 */
export function serveObjects(options: {
  place: S3Place;
  root: string;
  prefix: string;
  notFoundPages?: (relative: string) => string[];
}) {
  const { place } = options;
  const cache = new Map<string, { bytes: number; file: ObjectFile }>();
  let cachedBytes = 0;

  const remember = (key: string, file: ObjectFile) => {
    const bytes = file.identity.length + (file.encoded.br?.length ?? 0) + (file.encoded.gzip?.length ?? 0);
    const old = cache.get(key);
    if (old) cachedBytes -= old.bytes;
    cache.delete(key);
    cache.set(key, { bytes, file });
    cachedBytes += bytes;
    for (const [oldest, entry] of cache) {
      if (cachedBytes <= MAX_CACHED_BYTES || oldest === key) break;
      cache.delete(oldest);
      cachedBytes -= entry.bytes;
    }
  };

  /** The object at `relative` (below root), fresh or from the cache; null when there is none. */
  const load = async (relative: string): Promise<ObjectFile | null> => {
    const key = `${options.root}${relative}`;
    const hit = cache.get(key);
    try {
      const object = await place.client.send(
        new GetObjectCommand({
          Bucket: place.bucket,
          Key: key,
          ...(hit ? { IfNoneMatch: hit.file.objectEtag } : {}),
        }),
      );
      const identity = (await bodyBytes(object.Body)) as Bytes;
      const encoded: ObjectFile['encoded'] = {};
      if (COMPRESSIBLE.has(extname(relative))) {
        for (const coding of ['br', 'gzip'] as const) {
          const body = await compress(coding, identity);
          if (body.length < identity.length) encoded[coding] = body;
        }
      }
      const file: ObjectFile = {
        objectEtag: object.ETag ?? '',
        type:
          object.ContentType && object.ContentType !== 'application/octet-stream'
            ? object.ContentType
            : contentTypeOf(relative),
        cacheControl: object.CacheControl ?? 'no-cache',
        hash: createHash('sha256').update(identity).digest('base64url').slice(0, 27),
        lastModified: object.LastModified ?? new Date(),
        identity,
        encoded,
      };
      if (file.objectEtag) remember(key, file);
      return file;
    } catch (error) {
      if (hit && isNotModified(error)) {
        cache.delete(key); // re-inserted: Map order is recency
        cache.set(key, hit);
        return hit.file;
      }
      if (isMissingObject(error)) {
        if (hit) {
          cache.delete(key);
          cachedBytes -= hit.bytes;
        }
        return null;
      }
      throw error;
    }
  };

  const find = async (relative: string): Promise<ObjectFile | null> => {
    if (relative === '' || relative.endsWith('/')) return load(`${relative}index.html`);
    return (await load(relative)) ?? load(`${relative}/index.html`);
  };

  return async (c: Context) => {
    const decoded = decodedPath(c.req.path.slice(options.prefix.length));
    if (decoded === null || decoded.includes('\u0000')) return c.notFound();
    const relative = decoded.replace(/^\/+/, '');
    // A key is taken literally by the bucket; still, `..` and `.` name nothing of ours.
    if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return c.notFound();
    if (/\.(br|gz)$/.test(relative)) return c.notFound();
    const file = await find(relative);
    if (!file) {
      for (const page of options.notFoundPages?.(relative) ?? []) {
        const notFound = await load(page);
        if (notFound)
          return c.body(notFound.identity, 404, {
            'Content-Type': notFound.type,
            'Cache-Control': 'no-store',
          });
      }
      return c.notFound();
    }
    const coding = chooseCoding(c.req.header('Accept-Encoding'), Object.keys(file.encoded) as Coding[]);
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'Cache-Control': file.cacheControl,
      ETag: `"${file.hash}${coding ? `-${coding}` : ''}"`,
      'Last-Modified': file.lastModified.toUTCString(),
    };
    if (Object.keys(file.encoded).length > 0) headers.Vary = 'Accept-Encoding';
    const ifNoneMatch = c.req.header('If-None-Match');
    const since = Date.parse(c.req.header('If-Modified-Since') ?? '');
    const unchanged =
      ifNoneMatch !== undefined
        ? matchesEtag(ifNoneMatch, file.hash)
        : !Number.isNaN(since) && Math.floor(file.lastModified.getTime() / 1000) * 1000 <= since;
    if (unchanged) return c.body(null, 304, headers);
    if (coding) headers['Content-Encoding'] = coding;
    return c.body(coding ? file.encoded[coding]! : file.identity, 200, headers);
  };
}
