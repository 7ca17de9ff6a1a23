import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Application, ConsentEvent } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { diskFileStore } from '../files/file-store.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { applicationFields, postApplication } from '../testing/careers-apply.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

forEachDatabase('merging candidates', (db) => {
  async function twoApplicants() {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const deps = testDeps(db.orm(), {
      files: diskFileStore(mkdtempSync(join(tmpdir(), 'candor-merge-files-'))),
    });
    const actor = actorOf(admin.id, tenant.id);
    const jobs = [];
    for (const title of ['Robotics engineer', 'Firmware engineer']) {
      const { job } = await seedJobWithApplicant(db.orm(), actor, { title });
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
      jobs.push(job);
    }
    const site = httpClient(deps);
    const apply = async (email: string, jobId: string, coverLetter: string) => {
      const res = await postApplication(
        site,
        { slug: tenant.slug, jobId },
        applicationFields({ name: 'Ada Lovelace', email }, { coverLetter }),
      );
      expect(res.status).toBe(201);
      return tenantEm(db.orm(), tenant.id).findOneOrFail(
        Application,
        { candidate: { email }, job: jobId },
        { populate: ['candidate'] },
      );
    };
    const kept = await apply('ada@example.test', jobs[0]!.id, 'Kept letter');
    const merged = await apply('ada.work@example.test', jobs[1]!.id, 'Moved letter');
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    return { tenant, admin, deps, caller, kept, merged };
  }

  it('keeps the merged candidate’s sealed data readable under the kept one’s key, then destroys the merged key', async () => {
    const { tenant, admin, deps, caller, kept, merged } = await twoApplicants();
    await caller.interviews.schedule({
      applicationId: merged.id,
      startsAt: '2030-01-09T09:00:00Z',
      endsAt: '2030-01-09T10:00:00Z',
      interviewerIds: [admin.id],
      title: 'Call with Ada',
      location: 'Room 7',
    } as never);
    const [oldResume] = await caller.attachments.forCandidate({ candidateId: merged.candidate.id });
    expect(await deps.keyStore.read(tenant.id, merged.candidate.id)).not.toBeNull();

    await caller.candidates.merge({ keepId: kept.candidate.id, mergeId: merged.candidate.id });

    // Everything of the merged candidate reads under the kept one: texts and files alike.
    expect((await caller.applications.get({ id: merged.id })).coverLetter).toBe('Moved letter');
    expect((await caller.applications.get({ id: kept.id })).coverLetter).toBe('Kept letter');
    const [interview] = await caller.interviews.forApplication({ applicationId: merged.id });
    expect([interview!.title, interview!.location]).toEqual(['Call with Ada', 'Room 7']);
    const resumes = await caller.attachments.forCandidate({ candidateId: kept.candidate.id });
    expect(resumes).toHaveLength(2);
    for (const resume of resumes) {
      const file = await caller.attachments.download({ id: resume.id });
      expect(Buffer.from(file.contentBase64, 'base64').equals(pdfBytes('Ada Lovelace resume'))).toBe(true);
    }
    expect(resumes.map((r) => r.id)).toContain(oldResume!.id);
    // The consent records of the merged application are the kept candidate's now.
    const consents = await tenantEm(db.orm(), tenant.id).find(ConsentEvent, { candidate: kept.candidate.id });
    expect(consents.length).toBeGreaterThanOrEqual(2);
    // Nothing is left under the merged key, and the key is gone: the kept candidate's erasure reaches all of it.
    expect(await deps.keyStore.read(tenant.id, merged.candidate.id)).toBeNull();
  });

  it('changes nothing when the merge is refused half-way (same job twice)', async () => {
    const { tenant, deps, caller, kept, merged } = await twoApplicants();
    await caller.applications
      .create({ candidateId: merged.candidate.id, jobId: kept.job.id } as never)
      .catch(() => undefined);
    await expect(
      caller.candidates.merge({ keepId: kept.candidate.id, mergeId: merged.candidate.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await deps.keyStore.read(tenant.id, merged.candidate.id)).not.toBeNull();
    expect((await caller.applications.get({ id: merged.id })).coverLetter).toBe('Moved letter');
  });
});

forEachDatabase('merging candidates with profiles', (db) => {
  const profile = (employer: string) => ({
    education: [],
    workHistory: [{ employer, title: 'Engineer' }],
    rightToWork: [{ country: 'GB', status: 'yes' as const }],
    salaryExpectation: null,
  });
  async function twoCandidates() {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const actor = actorOf(admin.id, tenant.id);
    const a = await seedJobWithApplicant(db.orm(), actor, {}, { email: `keep-${Date.now()}@example.test` });
    const b = await seedJobWithApplicant(db.orm(), actor, {}, { email: `dup-${Date.now()}@example.test` });
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    return { caller, keptId: a.candidate.id, mergedId: b.candidate.id };
  }

  it('moves the merged candidate’s profile over, readable, when the kept one has none', async () => {
    const { caller, keptId, mergedId } = await twoCandidates();
    await caller.candidates.updateProfile({ candidateId: mergedId, ...profile('Analytical Engines Ltd') });
    await caller.candidates.merge({ keepId: keptId, mergeId: mergedId });
    const moved = await caller.candidates.profile({ id: keptId });
    expect(moved.workHistory[0]?.employer).toBe('Analytical Engines Ltd');
    expect(moved.rightToWork).toEqual([{ country: 'GB', status: 'yes' }]);
  });

  it('keeps the kept candidate’s profile and drops the merged one’s', async () => {
    const { caller, keptId, mergedId } = await twoCandidates();
    await caller.candidates.updateProfile({ candidateId: keptId, ...profile('Kept Employer') });
    await caller.candidates.updateProfile({ candidateId: mergedId, ...profile('Dropped Employer') });
    await caller.candidates.merge({ keepId: keptId, mergeId: mergedId });
    expect((await caller.candidates.profile({ id: keptId })).workHistory[0]?.employer).toBe('Kept Employer');
  });
});
