import { createHash } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { siteFiles } from '@candor/careers';
import { contentTypeOf } from '../http/static-files.js';
import { type CareersSiteStore, careersCacheControl } from './careers-site.js';
import { listObjects, type S3Place } from './s3.js';

/** S3's ETag of a plain (not multipart, not KMS-encrypted) upload is the MD5 of its bytes. */
function md5Etag(bytes: Uint8Array): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}

const PUTS_IN_FLIGHT = 8;

async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PUTS_IN_FLIGHT) {
    await Promise.all(items.slice(i, i + PUTS_IN_FLIGHT).map(work));
  }
}

/**
 * Sites as objects, `<prefix>careers/<slug>/<path>`, each with its
 * Content-Type and Cache-Control, so a CDN can serve the prefix straight
 * from the bucket (docs/storage.md). A file whose bytes are what the bucket
 * holds already is not written again (the hourly republish changes little).
 *
 * Objects cannot be swapped in all at once like the folder: assets go
 * first, then the pages that use them, then files no longer part of the
 * site are deleted. A visitor may see the old and the new page side by side
 * for the seconds it takes, never a page whose script is missing.
 */
export function s3CareersSite(place: S3Place): CareersSiteStore & { objectKeyOf(relative: string): string } {
  const root = `${place.prefix}careers/`;
  return {
    objectKeyOf: (relative) => `${root}${relative}`,
    async write(input) {
      const files = await siteFiles(input);
      const folder = `${root}${input.tenant.slug}/`;
      const existing = new Map<string, string | undefined>();
      for await (const object of listObjects(place, folder)) existing.set(object.key, object.etag);
      const changed: { key: string; path: string; bytes: Uint8Array }[] = [];
      for (const [path, content] of files) {
        const bytes = typeof content === 'string' ? Buffer.from(content) : content;
        const key = `${folder}${path}`;
        if (existing.get(key) !== md5Etag(bytes)) changed.push({ key, path, bytes });
      }
      const put = async (file: (typeof changed)[number]) => {
        await place.client.send(
          new PutObjectCommand({
            Bucket: place.bucket,
            Key: file.key,
            Body: file.bytes,
            ContentType: contentTypeOf(file.path),
            CacheControl: careersCacheControl(file.path),
          }),
        );
      };
      await inBatches(
        changed.filter((file) => !file.path.endsWith('.html')),
        put,
      );
      await inBatches(
        changed.filter((file) => file.path.endsWith('.html')),
        put,
      );
      const stale = [...existing.keys()].filter((key) => !files.has(key.slice(folder.length)));
      // Public pages: a plain delete will do (old versions, where kept, hold nothing private).
      await inBatches(stale, async (key) => {
        await place.client.send(new DeleteObjectCommand({ Bucket: place.bucket, Key: key }));
      });
    },
  };
}
