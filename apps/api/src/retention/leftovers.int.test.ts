import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attachment } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { mergeCandidates } from '../candidates/candidates.service.js';
import { diskFileStore } from '../files/file-store.js';
import { candidateKey } from '../keys/data-keys.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { testDeps } from '../testing/test-app.js';
import { LEFTOVER_GRACE_MS, sweepLeftovers } from './leftovers.js';
import { defaultWorkerId, runRetention } from './sweep.js';

/** Makes a file look as if it had been written `ms` ago. */
function age(path: string, ms = LEFTOVER_GRACE_MS + 60_000): void {
  const then = new Date(Date.now() - ms);
  utimesSync(path, then, then);
}

forEachDatabase('sweeping what a killed process left behind', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const actor = actorOf(admin.id, tenant.id);
    const filesRoot = mkdtempSync(join(tmpdir(), 'candor-leftover-files-'));
    const deps = testDeps(db.orm(), { files: diskFileStore(filesRoot) });
    const { candidate } = await seedJobWithApplicant(db.orm(), actor);
    const keyFile = (candidateId: string) =>
      join(deps.keyStore.dir, tenant.id, candidateId.slice(0, 2), `${candidateId}.key`);
    const pendingFile = (key: string) => join(filesRoot, key.slice(0, 2), `${key}.pending`);
    const finalFile = (key: string) => join(filesRoot, key.slice(0, 2), key);
    /** A key file as an apply leaves it for a new candidate whose row never committed. */
    const orphanKey = async () => {
      const id = randomUUID();
      await candidateKey(
        tenantEm(db.orm(), tenant.id),
        deps,
        { tenantId: tenant.id, candidateId: id },
        { create: true },
      );
      return id;
    };
    /** A resume sealed and written pending, and (with `commit`) the attachment row that names it. */
    const pendingResume = async (commit: boolean) => {
      const key = await deps.files.putPending(pdfBytes('resume'));
      if (commit) {
        const tem = tenantEm(db.orm(), tenant.id);
        tem.create(Attachment, {
          tenant: tenant.id,
          candidate: candidate.id,
          application: null,
          kind: 'resume',
          filename: 'cv.pdf',
          contentType: 'application/pdf',
          size: 10,
          sha256: '0'.repeat(64),
          storageKey: key,
          encrypted: false,
          uploadedBy: null,
        });
        await tem.flush();
      }
      return key;
    };
    return { tenant, actor, deps, candidate, keyFile, pendingFile, finalFile, orphanKey, pendingResume };
  };

  it('removes old pending files and orphan keys, keeps fresh ones, committed ones and living candidates’ keys', async () => {
    const { tenant, deps, candidate, keyFile, pendingFile, finalFile, orphanKey, pendingResume } =
      await setup();
    const oldPending = await pendingResume(false);
    const freshPending = await pendingResume(false);
    const committedPending = await pendingResume(true);
    const promoted = await deps.files.putPending(pdfBytes('promoted'));
    await deps.files.promote(promoted);
    for (const key of [oldPending, committedPending]) age(pendingFile(key));
    age(finalFile(promoted));

    const oldOrphan = await orphanKey();
    const freshOrphan = await orphanKey();
    await candidateKey(
      tenantEm(db.orm(), tenant.id),
      deps,
      { tenantId: tenant.id, candidateId: candidate.id },
      { create: true },
    );
    age(keyFile(oldOrphan));
    age(keyFile(candidate.id));
    // A rotation killed between writing the re-wrapped key and renaming it.
    const temporary = `${keyFile(candidate.id)}.0123456789ab.tmp`;
    writeFileSync(temporary, '{}');
    age(temporary);

    const counts = await sweepLeftovers(db.orm(), deps);

    expect(counts).toEqual({
      pendingFilesRemoved: 1,
      pendingFilesPromoted: 1,
      orphanKeysRemoved: 1,
      temporaryKeysRemoved: 1,
    });
    expect(existsSync(pendingFile(oldPending))).toBe(false);
    await expect(deps.files.read(oldPending)).rejects.toThrow();
    expect(existsSync(pendingFile(freshPending))).toBe(true);
    // Not promoted yet (its transaction may be about to commit): it reads under its pending name.
    expect((await deps.files.read(freshPending)).equals(pdfBytes('resume'))).toBe(true);
    // The committed one got the name it would have had, and still reads.
    expect(existsSync(pendingFile(committedPending))).toBe(false);
    expect(existsSync(finalFile(committedPending))).toBe(true);
    expect((await deps.files.read(committedPending)).equals(pdfBytes('resume'))).toBe(true);
    expect((await deps.files.read(promoted)).equals(pdfBytes('promoted'))).toBe(true);

    expect(await deps.keyStore.read(tenant.id, oldOrphan)).toBeNull();
    expect(await deps.keyStore.read(tenant.id, freshOrphan)).not.toBeNull();
    expect(await deps.keyStore.read(tenant.id, candidate.id)).not.toBeNull();
    expect(existsSync(temporary)).toBe(false);
  });

  it('a merge destroys the merged candidate’s key itself, having sealed their data afresh under the kept one’s', async () => {
    const { tenant, actor, deps, candidate } = await setup();
    const { candidate: other } = await seedJobWithApplicant(db.orm(), actor);
    await candidateKey(
      tenantEm(db.orm(), tenant.id),
      deps,
      { tenantId: tenant.id, candidateId: other.id },
      { create: true },
    );
    await mergeCandidates(
      tenantEm(db.orm(), tenant.id),
      actor,
      { keepId: candidate.id, mergeId: other.id },
      deps,
    );

    expect(await deps.keyStore.read(tenant.id, other.id)).toBeNull();
    expect(await deps.keyStore.read(tenant.id, candidate.id)).not.toBeNull();
    expect((await sweepLeftovers(db.orm(), deps)).orphanKeysRemoved).toBe(0);
  });

  it('a dry run counts and changes nothing; every full retention run sweeps, logging counts only', async () => {
    const { tenant, deps, keyFile, pendingFile, orphanKey, pendingResume } = await setup();
    const pending = await pendingResume(false);
    age(pendingFile(pending));
    const orphan = await orphanKey();
    age(keyFile(orphan));

    expect(await sweepLeftovers(db.orm(), deps, { dryRun: true })).toMatchObject({
      pendingFilesRemoved: 1,
      orphanKeysRemoved: 1,
    });
    expect(existsSync(pendingFile(pending))).toBe(true);

    await runRetention(db.orm(), {
      dryRun: false,
      workerId: defaultWorkerId(':test'),
      files: deps.files,
      keyStore: deps.keyStore,
      logger: deps.logger,
    });
    expect(existsSync(pendingFile(pending))).toBe(false);
    expect(await deps.keyStore.read(tenant.id, orphan)).toBeNull();
    const line = deps.logLines.find((l) => l.includes('leftovers of interrupted writes swept'));
    expect(line).toBeDefined();
    expect(line).toMatch(/"pendingFilesRemoved":1/);
    for (const name of [pending, orphan]) expect(deps.logLines.join('\n')).not.toContain(name);
    expect(readdirSync(join(deps.keyStore.dir, tenant.id), { recursive: true }).map(String)).not.toContain(
      `${orphan}.key`,
    );
  });
});
