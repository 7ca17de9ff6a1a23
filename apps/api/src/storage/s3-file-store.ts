import { randomBytes } from 'node:crypto';
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { FileStore } from '../files/file-store.js';
import {
  bodyBytes,
  deleteEveryVersion,
  isMissingObject,
  listObjects,
  pingBucket,
  type S3Place,
} from './s3.js';

const KEY = /^[A-Za-z0-9_-]{20,80}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid file key');
  return key;
}

function missing(): Error {
  return Object.assign(new Error('no such file'), { code: 'ENOENT' });
}

/**
 * Files in an S3-compatible bucket: `<prefix>files/<key>` once final,
 * `<prefix>pending/<key>` while pending. Promotion is a server-side copy to
 * the final name and a delete of the pending object (S3 has no rename); a
 * process killed between the two leaves both, which reads the same and which
 * the next promotion or the sweep tidies. A lifecycle rule on `pending/` is
 * a useful safety net (docs/storage.md), though the sweep does the work.
 *
 * Deleting removes every version of the object, so a versioned bucket keeps
 * no copy of an erased candidate's file.
 */
export function s3FileStore(place: S3Place): FileStore {
  const finalKey = (key: string) => `${place.prefix}files/${checkKey(key)}`;
  const pendingKey = (key: string) => `${place.prefix}pending/${checkKey(key)}`;
  const versions: { supported?: boolean } = {};
  const get = async (objectKey: string): Promise<Buffer | null> => {
    try {
      const object = await place.client.send(new GetObjectCommand({ Bucket: place.bucket, Key: objectKey }));
      return await bodyBytes(object.Body);
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  };
  const write = async (bytes: Uint8Array, objectKeyOf: (key: string) => string) => {
    const key = randomBytes(24).toString('base64url');
    await place.client.send(
      new PutObjectCommand({
        Bucket: place.bucket,
        Key: objectKeyOf(key),
        Body: bytes,
        ContentType: 'application/octet-stream',
      }),
    );
    return key;
  };
  return {
    put: (bytes) => write(bytes, finalKey),
    putPending: (bytes) => write(bytes, pendingKey),
    async promote(key) {
      try {
        await place.client.send(
          new CopyObjectCommand({
            Bucket: place.bucket,
            Key: finalKey(key),
            CopySource: `${place.bucket}/${pendingKey(key)}`.split('/').map(encodeURIComponent).join('/'),
          }),
        );
      } catch (error) {
        // Promoted already (by the sweep, or an earlier try that died before answering).
        if (isMissingObject(error)) return;
        throw error;
      }
      await deleteEveryVersion(place, pendingKey(key), versions);
    },
    async read(key) {
      const bytes = (await get(finalKey(key))) ?? (await get(pendingKey(key)));
      if (!bytes) throw missing();
      return bytes;
    },
    async remove(key) {
      await deleteEveryVersion(place, finalKey(key), versions);
      await deleteEveryVersion(place, pendingKey(key), versions);
    },
    async pendingBefore(before) {
      const keys: string[] = [];
      const folder = `${place.prefix}pending/`;
      for await (const object of listObjects(place, folder)) {
        const key = object.key.slice(folder.length);
        if (KEY.test(key) && object.lastModified && object.lastModified < before) keys.push(key);
      }
      return keys;
    },
    ping: () => pingBucket(place),
  };
}
