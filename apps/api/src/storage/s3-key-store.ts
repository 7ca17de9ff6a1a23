import { randomUUID } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  checkKeyStoreId,
  decodeStoredKey,
  encodeStoredKey,
  KEY_STORE_ID,
  type KeyStore,
} from '../keys/key-store.js';
import {
  bodyBytes,
  deleteEveryVersion,
  isConditionalConflict,
  isMissingObject,
  isPreconditionFailed,
  isUnsupported,
  listFolders,
  listObjects,
  pingBucket,
  type S3Place,
} from './s3.js';

/** What a key store on object storage adds: whether its server honours create-only writes. */
export interface S3KeyStore extends KeyStore {
  /**
   * Whether the server refuses a PutObject with `If-None-Match: *` over an existing object
   * (AWS S3 since 2024, MinIO, R2 ...): asked once, by writing a probe object twice.
   */
  conditionalWrites(): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Candidate keys as objects, `<prefix><tenantId>/<candidateId>.key`, in a
 * bucket apart from the files (storage-url.ts refuses the files' bucket).
 *
 * `create` never replaces a key: the write is conditional (`If-None-Match: *`),
 * so of two instances creating the same candidate's key at once one gets a
 * 412 and uses the other's. A server that ignores the condition (s3rver, the
 * test server, does) is detected once; there `create` checks first and reads
 * back after, which narrows the race to the moment between check and write but
 * cannot close it: `onWarning` says so once.
 *
 * Erasure (`remove`) deletes every version and delete marker of the object,
 * so a versioned bucket keeps no copy of the key.
 */
export function s3KeyStore(
  place: S3Place,
  options: { onWarning?: (message: string) => void } = {},
): S3KeyStore {
  const objectKey = (tenantId: string, candidateId: string) =>
    `${place.prefix}${checkKeyStoreId(tenantId)}/${checkKeyStoreId(candidateId)}.key`;
  const versions: { supported?: boolean } = {};

  const put = (key: string, body: string, createOnly: boolean) =>
    place.client.send(
      new PutObjectCommand({
        Bucket: place.bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json',
        ...(createOnly ? { IfNoneMatch: '*' } : {}),
      }),
    );
  const getText = async (key: string): Promise<string | null> => {
    try {
      const object = await place.client.send(new GetObjectCommand({ Bucket: place.bucket, Key: key }));
      return (await bodyBytes(object.Body)).toString('utf8');
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  };
  const head = async (key: string) => {
    try {
      return await place.client.send(new HeadObjectCommand({ Bucket: place.bucket, Key: key }));
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  };

  let probe: Promise<boolean> | undefined;
  const conditionalWrites = () => {
    probe ??= (async () => {
      const key = `${place.prefix}.probe/${randomUUID()}`;
      await put(key, 'probe', false);
      try {
        await put(key, 'probe', true);
        return false;
      } catch (error) {
        if (isPreconditionFailed(error)) return true;
        if (
          isUnsupported(error) ||
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 400
        )
          return false;
        throw error;
      } finally {
        await deleteEveryVersion(place, key, versions);
      }
    })().then(
      (supported) => {
        if (!supported) {
          options.onWarning?.(
            `the key store's server (${place.url}) ignores create-only writes (If-None-Match: *): ` +
              'two instances creating the same candidate key at the same moment could overwrite one another. ' +
              'Use a server that honours them (AWS S3, MinIO, Cloudflare R2; docs/storage.md).',
          );
        }
        return supported;
      },
      (error: unknown) => {
        probe = undefined; // asked again next time
        throw error;
      },
    );
    return probe;
  };

  return {
    dir: place.url,
    tenantKeyCache: new Map(),
    conditionalWrites,
    async read(tenantId, candidateId) {
      const text = await getText(objectKey(tenantId, candidateId));
      return text === null ? null : decodeStoredKey(text);
    },
    async create(tenantId, candidateId, stored) {
      const key = objectKey(tenantId, candidateId);
      const body = encodeStoredKey(stored);
      const conditional = await conditionalWrites();
      for (let attempt = 1; ; attempt++) {
        if (!conditional && (await head(key))) return false;
        try {
          await put(key, body, conditional);
        } catch (error) {
          if (isPreconditionFailed(error)) return false;
          // Another create of the same key is in flight: its outcome decides, on the next round.
          if (isConditionalConflict(error) && attempt < 5) {
            await sleep(40 * attempt);
            continue;
          }
          throw error;
        }
        // Without conditional writes: whoever wrote last holds the key; the others use theirs.
        return conditional || (await getText(key)) === body;
      }
    },
    async replace(tenantId, candidateId, stored) {
      // One PutObject replaces an object whole: a reader sees the old or the new one.
      await put(objectKey(tenantId, candidateId), encodeStoredKey(stored), false);
    },
    remove: (tenantId, candidateId) => deleteEveryVersion(place, objectKey(tenantId, candidateId), versions),
    async candidatesOf(tenantId) {
      const folder = `${place.prefix}${checkKeyStoreId(tenantId)}/`;
      const ids: string[] = [];
      for await (const object of listObjects(place, folder)) {
        const name = object.key.slice(folder.length);
        if (name.endsWith('.key') && KEY_STORE_ID.test(name.slice(0, -'.key'.length)))
          ids.push(name.slice(0, -'.key'.length));
      }
      return ids.sort();
    },
    async tenants() {
      return (await listFolders(place, place.prefix)).filter((name) => KEY_STORE_ID.test(name)).sort();
    },
    async writtenAt(tenantId, candidateId) {
      return (await head(objectKey(tenantId, candidateId)))?.LastModified ?? null;
    },
    // A PutObject is whole or absent: rotation leaves no temporary objects behind.
    removeTemporaryBefore: async () => 0,
    ping: () => pingBucket(place),
  };
}
