import {
  DeleteObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  S3Client,
} from '@aws-sdk/client-s3';
import type { StorageLocation } from './storage-url.js';

export type S3Location = Extract<StorageLocation, { kind: 's3' }>;

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A bucket (and prefix) and the client that reaches it. */
export interface S3Place {
  client: S3Client;
  bucket: string;
  prefix: string;
  /** `s3://bucket/prefix`, for messages. */
  url: string;
}

export function s3PlaceOf(location: S3Location, credentials?: S3Credentials): S3Place {
  const client = new S3Client({
    region: location.region,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    forcePathStyle: location.forcePathStyle,
    // Without them the SDK's default chain (environment, profile, instance role) applies.
    ...(credentials ? { credentials } : {}),
    // Plain S3: the SDK's newer default adds CRC checksums to every upload, which several
    // S3-compatible services (older MinIO, Backblaze B2, some R2 setups) refuse.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  return {
    client,
    bucket: location.bucket,
    prefix: location.prefix,
    url: `s3://${location.bucket}/${location.prefix}`,
  };
}

interface ServiceError {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

function statusOf(error: unknown): number | undefined {
  return (error as ServiceError | null)?.$metadata?.httpStatusCode;
}

function nameOf(error: unknown): string | undefined {
  const e = error as ServiceError | null;
  return e?.Code ?? e?.name;
}

/** The object is not there (GetObject's NoSuchKey, HeadObject's bodiless 404); a missing bucket is not this. */
export function isMissingObject(error: unknown): boolean {
  const name = nameOf(error);
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

/** A conditional request's condition did not hold (412); a 304 to a conditional GET is `isNotModified`. */
export function isPreconditionFailed(error: unknown): boolean {
  return statusOf(error) === 412 || nameOf(error) === 'PreconditionFailed';
}

/** A concurrent conditional write to the same key is in flight (AWS: 409 ConditionalRequestConflict). */
export function isConditionalConflict(error: unknown): boolean {
  return statusOf(error) === 409 || nameOf(error) === 'ConditionalRequestConflict';
}

export function isNotModified(error: unknown): boolean {
  return statusOf(error) === 304;
}

/** The server does not have the operation at all (a test server without versioning, say). */
export function isUnsupported(error: unknown): boolean {
  const status = statusOf(error);
  const name = nameOf(error);
  return status === 501 || status === 405 || name === 'NotImplemented' || name === 'MethodNotAllowed';
}

/** The bucket answers with these credentials (readiness): HeadBucket, one request. */
export async function pingBucket(place: S3Place, timeoutMs = 3_000): Promise<void> {
  await place.client.send(new HeadBucketCommand({ Bucket: place.bucket }), {
    abortSignal: AbortSignal.timeout(timeoutMs),
  });
}

/** Every key under `prefix` (relative to the bucket), with when it was last written, page by page. */
export async function* listObjects(
  place: S3Place,
  prefix: string,
): AsyncGenerator<{ key: string; lastModified: Date | undefined; etag: string | undefined }> {
  let ContinuationToken: string | undefined;
  do {
    const page = await place.client.send(
      new ListObjectsV2Command({ Bucket: place.bucket, Prefix: prefix, ContinuationToken }),
    );
    for (const item of page.Contents ?? []) {
      if (item.Key) yield { key: item.Key, lastModified: item.LastModified, etag: item.ETag };
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
}

/** The "folders" right below `prefix` (ListObjectsV2 with a delimiter), without the prefix and the slash. */
export async function listFolders(place: S3Place, prefix: string): Promise<string[]> {
  const names: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await place.client.send(
      new ListObjectsV2Command({ Bucket: place.bucket, Prefix: prefix, Delimiter: '/', ContinuationToken }),
    );
    for (const common of page.CommonPrefixes ?? []) {
      if (common.Prefix) names.push(common.Prefix.slice(prefix.length, -1));
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return names;
}

/**
 * Deletes an object so that no copy stays in the bucket: on a versioned
 * bucket every version and delete marker of the key (a plain DeleteObject
 * would only add a marker over the old versions); on an unversioned one its
 * one "null" version. A server without ListObjectVersions has no versions to
 * keep, and gets a plain delete. `versions` remembers which kind of server
 * this is across calls.
 */
export async function deleteEveryVersion(
  place: S3Place,
  key: string,
  versions: { supported?: boolean },
): Promise<void> {
  if (versions.supported !== false) {
    try {
      let KeyMarker: string | undefined;
      let VersionIdMarker: string | undefined;
      let page: ListObjectVersionsCommandOutput;
      do {
        page = await place.client.send(
          new ListObjectVersionsCommand({ Bucket: place.bucket, Prefix: key, KeyMarker, VersionIdMarker }),
        );
        versions.supported = true;
        const entries = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])];
        // The prefix also matches longer keys (`a.key` and `a.key.x`): only this one goes.
        for (const entry of entries) {
          if (entry.Key !== key) continue;
          await place.client.send(
            new DeleteObjectCommand({ Bucket: place.bucket, Key: key, VersionId: entry.VersionId ?? 'null' }),
          );
        }
        KeyMarker = page.NextKeyMarker;
        VersionIdMarker = page.NextVersionIdMarker;
      } while (page.IsTruncated);
      return;
    } catch (error) {
      if (!isUnsupported(error)) throw error;
      versions.supported = false;
    }
  }
  await place.client.send(new DeleteObjectCommand({ Bucket: place.bucket, Key: key }));
}

/** A GetObject body as one Buffer. */
export async function bodyBytes(
  body: { transformToByteArray(): Promise<Uint8Array> } | undefined,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const bytes = await body.transformToByteArray();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
