import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationIntake, AuditEvent, Candidate } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { createApp } from '../app.js';
import { diskFileStore } from '../files/file-store.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { formOf } from '../testing/careers-apply.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { fileReceivedApplications, INTAKE_MAX_ATTEMPTS } from './file-applications.js';

forEachDatabase('received applications filing gave up on', (db) => {
  it('are shown to admins with the error kind, and filed once a person has them tried again', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const other = await seedTenant(em);
    const otherAdmin = await seedUser(em, other, 'admin');
    await seedPublishedNotice(em, tenant);
    const filesRoot = mkdtempSync(join(tmpdir(), 'candor-unfiled-'));
    const deps = testDeps(db.orm(), { files: diskFileStore(filesRoot) });
    const actor = actorOf(admin.id, tenant.id);
    const { job } = await seedJobWithApplicant(db.orm(), actor);
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    const email = `stuck-${Math.random().toString(36).slice(2)}@example.test`;
    const received = await createApp(deps).request(`/careers/${tenant.slug}/jobs/${job.id}/apply`, {
      method: 'POST',
      headers: { Accept: 'application/json', Origin: TEST_ORIGIN },
      body: formOf({
        name: 'Stuck Applicant',
        email,
        ageConfirmed: 'yes',
        noticeVersion: '1',
        resume: { bytes: pdfBytes('stuck resume'), name: 'cv.pdf' },
      }),
    });
    expect(received.status).toBe(201);
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    expect(await caller.backgroundJobs.unfiledApplications()).toEqual({ waiting: 1, stuck: [] });

    // The received resume is unreadable (a disk taken away): every attempt fails, and filing gives up.
    const intake = await db.orm().em.fork().findOneOrFail(ApplicationIntake, { email }, { filters: false });
    const pendingPath = join(filesRoot, intake.resumeKey.slice(0, 2), `${intake.resumeKey}.pending`);
    const hidden = `${pendingPath}.away`;
    renameSync(pendingPath, hidden);
    for (let attempt = 1; attempt <= INTAKE_MAX_ATTEMPTS; attempt += 1)
      expect(await fileReceivedApplications(deps, { tenantId: tenant.id })).toMatchObject({
        filed: 0,
        failed: 1,
      });
    expect(await fileReceivedApplications(deps, { tenantId: tenant.id })).toMatchObject({ failed: 0 });

    const unfiled = await caller.backgroundJobs.unfiledApplications();
    expect(unfiled.waiting).toBe(0);
    expect(unfiled.stuck).toEqual([
      expect.objectContaining({
        id: intake.id,
        jobId: job.id,
        jobTitle: job.title,
        email,
        attempts: INTAKE_MAX_ATTEMPTS,
      }),
    ]);
    // Only the error's kind, never a message that could quote a path or the form.
    expect(unfiled.stuck[0]!.lastError).toMatch(/^Error/);
    expect(unfiled.stuck[0]!.lastError).not.toContain(filesRoot);

    // Another tenant's admin neither sees it nor can touch it.
    const otherCaller = await callerFor(deps, await sessionFor(deps, otherAdmin.id, other.id));
    expect(await otherCaller.backgroundJobs.unfiledApplications()).toEqual({ waiting: 0, stuck: [] });
    await expect(otherCaller.backgroundJobs.fileAgain({ id: intake.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // The disk is back; the admin has it tried again, and it is filed once.
    writeFileSync(pendingPath, readFileSync(hidden));
    await caller.backgroundJobs.fileAgain({ id: intake.id });
    await expect(caller.backgroundJobs.fileAgain({ id: intake.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await caller.backgroundJobs.unfiledApplications()).toEqual({ waiting: 1, stuck: [] });
    expect(await fileReceivedApplications(deps, { tenantId: tenant.id })).toMatchObject({ filed: 1 });
    const tem = tenantEm(db.orm(), tenant.id);
    expect(await tem.count(Candidate, { email })).toBe(1);
    expect(await caller.backgroundJobs.unfiledApplications()).toEqual({ waiting: 0, stuck: [] });
    expect(
      await tem.count(AuditEvent, {
        action: 'application.file_again',
        targetId: intake.id,
        actorId: admin.id,
      }),
    ).toBe(1);
  });
});
