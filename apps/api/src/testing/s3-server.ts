import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { type S3Place, s3PlaceOf } from '../storage/s3.js';
import { parseStorageUrl } from '../storage/storage-url.js';

/** s3rver's fixed credentials (it checks signatures made with them). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface TestS3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** A STORAGE_URL for `bucket` (and `prefix`) on this server. */
  urlOf(bucket: string, prefix?: string): string;
  /** A client for `bucket` (and `prefix`), as the stores use. */
  placeOf(bucket: string, prefix?: string): S3Place;
  stop(): Promise<void>;
}

/**
 * A real S3-protocol server (the `s3rver` package) on a free port of
 * 127.0.0.1, storing in a temporary folder, with `buckets` made. It speaks
 * S3's HTTP API, with signatures checked; it has no versioning and ignores
 * conditional writes (`If-None-Match` on PUT), which the stores detect.
 */
export async function startS3Server(buckets: readonly string[]): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'candor-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const urlOf = (bucket: string, prefix = '') =>
    `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`;
  const places: S3Place[] = [];
  return {
    endpoint,
    urlOf,
    placeOf(bucket, prefix) {
      const location = parseStorageUrl(urlOf(bucket, prefix));
      if (location.kind !== 's3') throw new Error('not an s3 URL');
      const place = s3PlaceOf(location, S3RVER_CREDENTIALS);
      places.push(place);
      return place;
    },
    async stop() {
      for (const place of places) place.client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
