import { fileURLToPath } from 'node:url';

/** Where a store keeps its objects: a folder, or a bucket (and key prefix) of an S3-compatible service. */
export type StorageLocation =
  | { kind: 'disk'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      /** '' or ending in '/'. */
      prefix: string;
      /** The service's address; unset: AWS S3 in `region`. */
      endpoint?: string;
      region: string;
      /** `bucket` in the path instead of the host name (MinIO and most self-hosted servers need it). */
      forcePathStyle: boolean;
    };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9._-]+$/;
const PARAMETERS = new Set(['endpoint', 'region', 'forcePathStyle']);

export const STORAGE_URL_FORMS =
  's3://bucket/optional/prefix?endpoint=https://host:port&region=us-east-1&forcePathStyle=true, or file:///absolute/folder';

/**
 * Reads a STORAGE_URL / KEY_STORE_URL; throws an Error whose message says
 * what is wrong (the env parser shows it). Credentials never go in the URL:
 * they come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the SDK's
 * usual sources, like an instance role).
 */
export function parseStorageUrl(value: string): StorageLocation {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`not a URL; expected ${STORAGE_URL_FORMS}`);
  }
  if (url.protocol === 'file:') {
    if (url.search || url.hash || url.host)
      throw new Error('a file: URL is file:///absolute/folder, nothing more');
    return { kind: 'disk', dir: fileURLToPath(url) };
  }
  if (url.protocol !== 's3:')
    throw new Error(`unknown scheme ${url.protocol}; expected ${STORAGE_URL_FORMS}`);
  if (url.username || url.password) {
    throw new Error(
      'credentials do not go in the URL: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use an instance role)',
    );
  }
  const bucket = url.hostname;
  if (!BUCKET.test(bucket) || bucket.includes('..')) {
    throw new Error(`"${bucket}" is not a bucket name (3-63 lower-case letters, digits, dots and dashes)`);
  }
  if (url.port) throw new Error('the port belongs in ?endpoint=, not after the bucket name');
  const segments = decodeURIComponent(url.pathname).split('/').filter(Boolean);
  for (const segment of segments) {
    if (!PREFIX_SEGMENT.test(segment) || segment === '.' || segment === '..') {
      throw new Error(`the prefix "${segment}" may only hold letters, digits, dots, dashes and underscores`);
    }
  }
  for (const name of url.searchParams.keys()) {
    if (!PARAMETERS.has(name))
      throw new Error(`unknown parameter ${name}; known: ${[...PARAMETERS].join(', ')}`);
  }
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(endpoint);
    } catch {
      // reported below
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.pathname !== '/') {
      throw new Error(`endpoint must be http(s)://host[:port] with no path, not "${endpoint}"`);
    }
  }
  const forcePathStyle = url.searchParams.get('forcePathStyle') ?? 'false';
  if (forcePathStyle !== 'true' && forcePathStyle !== 'false') {
    throw new Error('forcePathStyle must be true or false');
  }
  const region = url.searchParams.get('region') ?? 'us-east-1';
  if (!/^[a-z0-9-]{2,32}$/.test(region)) throw new Error(`"${region}" is not a region name`);
  return {
    kind: 's3',
    bucket,
    prefix: segments.length ? `${segments.join('/')}/` : '',
    ...(endpoint ? { endpoint: endpoint.replace(/\/$/, '') } : {}),
    region,
    forcePathStyle: forcePathStyle === 'true',
  };
}

/** For messages and logs: where it is, without anything secret (there is nothing secret in the URL). */
export function describeLocation(location: StorageLocation): string {
  if (location.kind === 'disk') return location.dir;
  return `s3://${location.bucket}/${location.prefix}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
}

/**
 * Why the key store may not live beside the files, or null when it is apart.
 * Crypto-shredding works only if a copy of the files (a bucket backup,
 * replication, versions) never carries the keys along: so never the same
 * bucket, whatever the prefixes, since versioning, replication, lifecycle and
 * backups are set per bucket.
 */
export function keyStoreSharingProblem(files: StorageLocation, keys: StorageLocation): string | null {
  if (files.kind !== 's3' || keys.kind !== 's3') return null;
  const sameService = (files.endpoint ?? `aws:${files.region}`) === (keys.endpoint ?? `aws:${keys.region}`);
  if (!sameService || files.bucket !== keys.bucket) return null;
  return [
    `KEY_STORE_URL: the candidate keys would share the bucket "${keys.bucket}" with the files (STORAGE_URL).`,
    '  Erasure destroys a candidate key so that every copy of their files, backups included, becomes unreadable;',
    '  a bucket backup, replica or version history that holds the keys beside the files would undo that.',
    '  Give the keys a bucket of their own (with a short backup retention), e.g. KEY_STORE_URL=s3://candor-keys',
    '  (docs/storage.md, "The key store").',
  ].join('\n');
}
