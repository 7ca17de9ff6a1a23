/**
 * Candor with STORAGE_URL and KEY_STORE_URL pointing at a real S3-protocol
 * server (s3rver, started here): an applicant applies, staff read the
 * resume, the candidate is erased and neither their key nor their file is
 * left in the buckets; the careers site is published to the bucket and served
 * from it with its headers.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { HeadObjectCommand, ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Attachment } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCareersPublisher } from '../careers/careers-publisher.js';
import { readEnv } from '../env.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { candidateKey } from '../keys/data-keys.js';
import { LEFTOVER_GRACE_MS, sweepLeftovers } from '../retention/leftovers.js';
import { applicationFields, postApplication } from '../testing/careers-apply.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { S3RVER_CREDENTIALS, startS3Server, type TestS3Server } from '../testing/s3-server.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';
import { openStorage } from './open-storage.js';
import type { S3Place } from './s3.js';

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server(['candor-files', 'candor-keys']);
});
afterAll(async () => {
  await s3?.stop();
});

async function objectExists(place: S3Place, key: string): Promise<boolean> {
  try {
    await place.client.send(new HeadObjectCommand({ Bucket: place.bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

/** The versions the bucket keeps of `key`; null on a server without versioning (s3rver). */
async function versionsOf(place: S3Place, key: string): Promise<unknown[] | null> {
  try {
    const page = await place.client.send(
      new ListObjectVersionsCommand({ Bucket: place.bucket, Prefix: key }),
    );
    return [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].filter((v) => v.Key === key);
  } catch {
    return null;
  }
}

forEachDatabase('object storage (S3)', (db) => {
  async function setup() {
    const prefix = `run-${db.dialect}-${Date.now()}`;
    const env = readEnv({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'candor-s3-data-')),
      STORAGE_URL: s3.urlOf('candor-files', prefix),
      KEY_STORE_URL: s3.urlOf('candor-keys', prefix),
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    });
    const storage = await openStorage(env);
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const base = testDeps(db.orm(), {
      files: storage.files,
      keyStore: storage.keyStore,
      ...(storage.careersFromBucket ? { careersFromBucket: storage.careersFromBucket } : {}),
    });
    const publisher = createCareersPublisher({
      orm: db.orm(),
      site: storage.careers,
      publicUrl: base.publicUrl,
      logger: base.logger,
      files: base.files,
      masterKey: base.masterKey,
    });
    const deps = { ...base, publishCareers: publisher.publish };
    const actor = actorOf(admin.id, tenant.id);
    const { job } = await seedJobWithApplicant(db.orm(), actor, { title: 'Storage engineer' });
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const files = s3.placeOf('candor-files', prefix);
    const keys = s3.placeOf('candor-keys', prefix);
    return { deps, tenant, job, actor, caller, files, keys, publisher };
  }

  it('applies, reads the resume and erases the candidate, leaving neither key nor file in the buckets', async () => {
    const { deps, tenant, job, caller, files, keys } = await setup();
    const email = `sam-${Date.now()}@example.test`;
    const res = await postApplication(
      httpClient(deps),
      { slug: tenant.slug, jobId: job.id },
      applicationFields(
        { name: 'Sam Stored', email },
        { resume: { bytes: pdfBytes('Sam resume'), name: 'sam.pdf' } },
      ),
    );
    expect(res.status).toBe(201);
    const attachment = await tenantEm(db.orm(), tenant.id).findOneOrFail(
      Attachment,
      { candidate: { email } },
      { populate: ['candidate'] },
    );
    const candidateId = attachment.candidate.id;
    // Sealed, promoted from pending/ to files/, and its key in the other bucket.
    const fileKey = `${files.prefix}files/${attachment.storageKey}`;
    const keyKey = `${keys.prefix}${tenant.id}/${candidateId}.key`;
    expect(attachment.encrypted).toBe(true);
    expect(await objectExists(files, fileKey)).toBe(true);
    expect(await objectExists(files, `${files.prefix}pending/${attachment.storageKey}`)).toBe(false);
    expect(await objectExists(keys, keyKey)).toBe(true);
    expect(await objectExists(files, keyKey)).toBe(false);

    const download = await caller.attachments.download({ id: attachment.id });
    expect(Buffer.from(download.contentBase64, 'base64')).toEqual(pdfBytes('Sam resume'));

    const request = await caller.requests.create({
      type: 'erasure',
      channel: 'email',
      requesterEmail: email,
    });
    expect(request.candidateId).toBe(candidateId);
    await caller.requests.transition({ id: request.id, to: 'verified' });
    expect((await caller.requests.executeErasure({ id: request.id })).status).toBe('completed');

    expect(await deps.keyStore.read(tenant.id, candidateId)).toBeNull();
    expect(await objectExists(keys, keyKey)).toBe(false);
    expect(await objectExists(files, fileKey)).toBe(false);
    await expect(deps.files.read(attachment.storageKey)).rejects.toThrow();
    // s3rver keeps no versions (null); on a versioning server none may be left.
    for (const [place, key] of [
      [keys, keyKey],
      [files, fileKey],
    ] as const) {
      const versions = await versionsOf(place, key);
      if (versions !== null) expect(versions).toEqual([]);
    }
  });

  it('sweeps what a killed process left in the buckets: pending files promoted or deleted, orphan keys deleted', async () => {
    const { deps, tenant, actor, files, keys } = await setup();
    const { candidate } = await seedJobWithApplicant(db.orm(), actor);
    const tem = tenantEm(db.orm(), tenant.id);
    const orphanPending = await deps.files.putPending(pdfBytes('never committed'));
    const committedPending = await deps.files.putPending(pdfBytes('committed'));
    tem.create(Attachment, {
      tenant: tenant.id,
      candidate: candidate.id,
      application: null,
      kind: 'resume',
      filename: 'cv.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: '0'.repeat(64),
      storageKey: committedPending,
      encrypted: false,
      uploadedBy: null,
    });
    await tem.flush();
    const orphanId = randomUUID();
    await candidateKey(tem, deps, { tenantId: tenant.id, candidateId: orphanId }, { create: true });
    await candidateKey(tem, deps, { tenantId: tenant.id, candidateId: candidate.id }, { create: true });
    // Nothing is old yet: an apply in flight on another instance keeps its files.
    expect(await sweepLeftovers(db.orm(), deps)).toMatchObject({
      pendingFilesRemoved: 0,
      orphanKeysRemoved: 0,
    });
    // An hour and more later (the objects' LastModified cannot be moved back, so the clock moves on).
    const later = new Date(Date.now() + LEFTOVER_GRACE_MS + 60_000);
    expect(await sweepLeftovers(db.orm(), deps, { now: later })).toMatchObject({
      pendingFilesRemoved: 1,
      pendingFilesPromoted: 1,
      orphanKeysRemoved: 1,
      temporaryKeysRemoved: 0,
    });
    expect(await objectExists(files, `${files.prefix}pending/${orphanPending}`)).toBe(false);
    expect(await objectExists(files, `${files.prefix}pending/${committedPending}`)).toBe(false);
    expect((await deps.files.read(committedPending)).toString()).toBe(pdfBytes('committed').toString());
    expect(await objectExists(keys, `${keys.prefix}${tenant.id}/${orphanId}.key`)).toBe(false);
    expect(await deps.keyStore.read(tenant.id, candidate.id)).not.toBeNull();
  });

  it('publishes the careers site to the bucket with its headers, and serves it from there with ETag and 304', async () => {
    const { deps, tenant, job, actor, files, publisher } = await setup();
    // Left from an earlier publish: a file no longer part of the site goes.
    const stale = `${files.prefix}careers/${tenant.slug}/jobs/gone/index.html`;
    await files.client.send(new PutObjectCommand({ Bucket: files.bucket, Key: stale, Body: 'old' }));
    await publisher.publish(tenant.id);
    expect(await objectExists(files, stale)).toBe(false);
    const site = `${files.prefix}careers/${tenant.slug}/`;
    const head = (key: string) =>
      files.client.send(new HeadObjectCommand({ Bucket: files.bucket, Key: key }));
    const page = await head(`${site}index.html`);
    expect(page.ContentType).toBe('text/html; charset=utf-8');
    expect(page.CacheControl).toBe('public, max-age=60, must-revalidate');
    expect((await head(`${site}jwks.json`)).ContentType).toBe('application/json');

    const app = httpClient(deps);
    const index = await app.request(`/careers/${tenant.slug}/`, { headers: { 'Accept-Encoding': 'br' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('Content-Encoding')).toBe('br');
    expect(index.headers.get('Cache-Control')).toBe('public, max-age=60, must-revalidate');
    const unpacked = (res: Response) => res.arrayBuffer().then((b) => brotliDecompressSync(b).toString());
    expect(await unpacked(index)).toContain('Storage engineer');
    const etag = index.headers.get('ETag')!;
    const again = await app.request(`/careers/${tenant.slug}/`, {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    // A job's page, by its folder.
    const jobPage = await app.request(`/careers/${tenant.slug}/jobs/${job.id}`);
    expect(jobPage.status).toBe(200);
    expect(await jobPage.text()).toContain('Storage engineer');

    // Closing the job and republishing changes the list page: the next request gets it, with a new ETag.
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'closed');
    await publisher.publish(tenant.id);
    const changed = await app.request(`/careers/${tenant.slug}/`, {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(await unpacked(changed)).not.toContain(`jobs/${job.id}`);
    const missing = await app.request(`/careers/${tenant.slug}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control')).toBe('no-store');
    expect(await missing.text()).toContain('<html');
  });
});
