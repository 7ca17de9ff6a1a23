/**
 * One contract for every driver of the file store and the key store: the
 * same assertions on disk and against a real S3-protocol server (s3rver,
 * started here on a free port). Set CANDOR_TEST_S3_URL (an s3:// URL with its
 * bucket's credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, e.g. a
 * MinIO bucket with versioning on) to run the S3 drivers against that server
 * too, where the version assertions also apply.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFileStore, type FileStore } from '../files/file-store.js';
import { createKeyStore, type KeyStore } from '../keys/key-store.js';
import { startS3Server, type TestS3Server } from '../testing/s3-server.js';
import { type S3Place, s3PlaceOf } from './s3.js';
import { s3FileStore } from './s3-file-store.js';
import { type S3KeyStore, s3KeyStore } from './s3-key-store.js';
import { parseStorageUrl } from './storage-url.js';

let s3rver: TestS3Server;
beforeAll(async () => {
  s3rver = await startS3Server(['candor-files', 'candor-keys']);
});
afterAll(async () => {
  await s3rver?.stop();
});

/** A fresh, empty prefix per store, so the drivers' tests never see each other's objects. */
function freshPrefix(): string {
  return `t-${randomUUID().slice(0, 8)}`;
}

function externalPlace(): S3Place | null {
  const url = process.env.CANDOR_TEST_S3_URL;
  if (!url) return null;
  const location = parseStorageUrl(url);
  if (location.kind !== 's3') throw new Error('CANDOR_TEST_S3_URL must be an s3:// URL');
  return s3PlaceOf({ ...location, prefix: `${location.prefix}${freshPrefix()}/` });
}

interface Driver<T> {
  name: string;
  make(): T;
  /** The S3 place it writes to, for looking behind its back (versions); null on disk. */
  place?: S3Place;
}

const fileDrivers: Driver<FileStore>[] = [
  { name: 'disk', make: () => diskFileStore(mkdtempSync(join(tmpdir(), 'candor-files-contract-'))) },
  {
    name: 's3 (s3rver)',
    make() {
      this.place = s3rver.placeOf('candor-files', freshPrefix());
      return s3FileStore(this.place);
    },
  },
];
const keyDrivers: Driver<KeyStore>[] = [
  { name: 'disk', make: () => createKeyStore(mkdtempSync(join(tmpdir(), 'candor-keys-contract-'))) },
  {
    name: 's3 (s3rver)',
    make() {
      this.place = s3rver.placeOf('candor-keys', freshPrefix());
      return s3KeyStore(this.place);
    },
  },
];
if (process.env.CANDOR_TEST_S3_URL) {
  fileDrivers.push({
    name: 's3 (CANDOR_TEST_S3_URL)',
    make() {
      this.place = externalPlace()!;
      return s3FileStore(this.place);
    },
  });
  keyDrivers.push({
    name: 's3 (CANDOR_TEST_S3_URL)',
    make() {
      this.place = externalPlace()!;
      return s3KeyStore(this.place);
    },
  });
}

/** Every version and delete marker the bucket keeps of `key`; null where the server has no versioning. */
async function versionsOf(place: S3Place, key: string): Promise<string[] | null> {
  try {
    const page = await place.client.send(
      new ListObjectVersionsCommand({ Bucket: place.bucket, Prefix: key }),
    );
    return [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .filter((v) => v.Key === key)
      .map((v) => v.VersionId ?? 'null');
  } catch {
    return null;
  }
}

async function exists(place: S3Place, key: string): Promise<boolean> {
  try {
    await place.client.send(new HeadObjectCommand({ Bucket: place.bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);
const later = () => new Date(Date.now() + 60_000);
const earlier = () => new Date(Date.now() - 60 * 60_000);

describe.each(fileDrivers)('FileStore contract: $name', (driver) => {
  let store: FileStore;
  beforeAll(() => {
    store = driver.make();
  });

  it('reads back what it wrote, under a fresh key each time', async () => {
    const a = await store.put(bytes('one'));
    const b = await store.put(bytes('one'));
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{20,80}$/);
    expect((await store.read(a)).toString()).toBe('one');
  });

  it('keeps a pending file readable, lists it for the sweep until promoted, and promotes it once', async () => {
    const key = await store.putPending(bytes('pending resume'));
    expect((await store.read(key)).toString()).toBe('pending resume');
    expect(await store.pendingBefore(later())).toContain(key);
    // Younger than the cut-off: an apply in flight on another instance, not a leftover.
    expect(await store.pendingBefore(earlier())).not.toContain(key);
    await store.promote(key);
    expect((await store.read(key)).toString()).toBe('pending resume');
    expect(await store.pendingBefore(later())).not.toContain(key);
    // Promoted already (the sweep was first): nothing to do, nothing lost.
    await store.promote(key);
    expect((await store.read(key)).toString()).toBe('pending resume');
  });

  it('removes a file, final or pending, and a missing one without complaint', async () => {
    const final = await store.put(bytes('final'));
    const pending = await store.putPending(bytes('pending'));
    await store.remove(final);
    await store.remove(pending);
    await expect(store.read(final)).rejects.toThrow();
    await expect(store.read(pending)).rejects.toThrow();
    expect(await store.pendingBefore(later())).not.toContain(pending);
    await store.remove(final);
  });

  it('refuses keys it never makes', async () => {
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/invalid file key/);
    await expect(store.remove('a/b')).rejects.toThrow(/invalid file key/);
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('leaves no version of a removed file in the bucket', async () => {
    if (!driver.place) return; // disk: rm is the end of it
    const key = await store.put(bytes('to be erased'));
    const objectKey = `${driver.place.prefix}files/${key}`;
    expect(await exists(driver.place, objectKey)).toBe(true);
    await store.remove(key);
    expect(await exists(driver.place, objectKey)).toBe(false);
    // s3rver has no versioning (null); a versioning server must list none.
    const versions = await versionsOf(driver.place, objectKey);
    if (versions !== null) expect(versions).toEqual([]);
  });
});

describe.each(keyDrivers)('KeyStore contract: $name', (driver) => {
  let store: KeyStore;
  const tenantId = randomUUID();
  const stored = (n: number) => ({ tenantKeyId: `tk-${n}`, wrapped: `wrapped-${n}` });
  beforeAll(() => {
    store = driver.make();
  });

  it('has no key for a candidate until one is created, and never replaces it by creating', async () => {
    const candidateId = randomUUID();
    expect(await store.read(tenantId, candidateId)).toBeNull();
    expect(await store.writtenAt(tenantId, candidateId)).toBeNull();
    expect(await store.create(tenantId, candidateId, stored(1))).toBe(true);
    expect(await store.create(tenantId, candidateId, stored(2))).toBe(false);
    expect(await store.read(tenantId, candidateId)).toEqual(stored(1));
    const written = await store.writtenAt(tenantId, candidateId);
    expect(written).toBeInstanceOf(Date);
    expect(Math.abs(written!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('replaces a key whole (rotation)', async () => {
    const candidateId = randomUUID();
    await store.create(tenantId, candidateId, stored(1));
    await store.replace(tenantId, candidateId, stored(3));
    expect(await store.read(tenantId, candidateId)).toEqual(stored(3));
    expect(await store.removeTemporaryBefore(later())).toBe(0);
  });

  it('lists the tenants and their candidates', async () => {
    const otherTenant = randomUUID();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) await store.create(otherTenant, id, stored(1));
    expect(await store.candidatesOf(otherTenant)).toEqual([...ids].sort());
    expect(await store.tenants()).toEqual(expect.arrayContaining([tenantId, otherTenant].sort()));
    expect(await store.candidatesOf(randomUUID())).toEqual([]);
  });

  it('erases a key for good: gone, no version left, and a missing one is no error', async () => {
    const candidateId = randomUUID();
    await store.create(tenantId, candidateId, stored(1));
    await store.replace(tenantId, candidateId, stored(2)); // a second version where versions are kept
    await store.remove(tenantId, candidateId);
    expect(await store.read(tenantId, candidateId)).toBeNull();
    expect(await store.candidatesOf(tenantId)).not.toContain(candidateId);
    await store.remove(tenantId, candidateId);
    if (driver.place) {
      const objectKey = `${driver.place.prefix}${tenantId}/${candidateId}.key`;
      expect(await exists(driver.place, objectKey)).toBe(false);
      const versions = await versionsOf(driver.place, objectKey);
      if (versions !== null) expect(versions).toEqual([]);
    }
  });

  it('refuses ids that could leave its folder', async () => {
    await expect(store.read('../x', randomUUID())).rejects.toThrow(/invalid id/);
    await expect(store.create(tenantId, 'a/../../b', stored(1))).rejects.toThrow(/invalid id/);
  });

  it('keeps its own tenant-key cache, and answers ping', async () => {
    expect(store.tenantKeyCache).toBeInstanceOf(Map);
    const place = driver.place;
    expect(driver.make().tenantKeyCache).not.toBe(store.tenantKeyCache);
    driver.place = place;
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('lets exactly one of several concurrent creates win where the server honours create-only writes', async () => {
    const conditional = 'conditionalWrites' in store ? await (store as S3KeyStore).conditionalWrites() : true;
    if (!conditional) return; // s3rver: see the test below
    const candidateId = randomUUID();
    const made = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => store.create(tenantId, candidateId, stored(n))),
    );
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await store.read(tenantId, candidateId)).toEqual(stored(made.indexOf(true) + 1));
  });
});

describe('s3rver, the test server, as it is', () => {
  it('ignores If-None-Match on PUT: the key store finds that out and still refuses a second create', async () => {
    const place = s3rver.placeOf('candor-keys', freshPrefix());
    await place.client.send(
      new PutObjectCommand({ Bucket: place.bucket, Key: `${place.prefix}x`, Body: '1' }),
    );
    // Were the condition honoured this would be a 412.
    await place.client.send(
      new PutObjectCommand({ Bucket: place.bucket, Key: `${place.prefix}x`, Body: '2', IfNoneMatch: '*' }),
    );
    const warnings: string[] = [];
    const store = s3KeyStore(place, { onWarning: (message) => warnings.push(message) });
    expect(await store.conditionalWrites()).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/ignores create-only writes/)]);
    const [tenantId, candidateId] = [randomUUID(), randomUUID()];
    expect(await store.create(tenantId, candidateId, { tenantKeyId: 'a', wrapped: 'a' })).toBe(true);
    expect(await store.create(tenantId, candidateId, { tenantKeyId: 'b', wrapped: 'b' })).toBe(false);
    expect(await store.read(tenantId, candidateId)).toEqual({ tenantKeyId: 'a', wrapped: 'a' });
  });

  it('has no versioning (ListObjectVersions is refused), so erasure falls back to a plain delete', async () => {
    const place = s3rver.placeOf('candor-keys', freshPrefix());
    expect(await versionsOf(place, `${place.prefix}x`)).toBeNull();
  });
});
