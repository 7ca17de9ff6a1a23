import { Application, AuditEvent } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { auditSubjectRef } from '../audit/audit-subject.js';
import { pdfBytes, unzip } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';

forEachDatabase('export to HR', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const manager = await seedUser(em, tenant, 'hiring_manager');
    await seedPublishedNotice(em, tenant);
    const deps = testDeps(db.orm());
    const staff = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    const { job, candidate, applicationId } = await seedJobWithApplicant(
      db.orm(),
      actorOf(recruiter.id, tenant.id, 'recruiter'),
      {},
      { name: 'Hana Hired', phone: '+49 30 1234567' },
    );
    await staff.attachments.upload({
      candidateId: candidate.id,
      kind: 'resume',
      filename: 'Hana CV.pdf',
      contentBase64: pdfBytes('CV of Hana Hired').toString('base64'),
    });
    return { tenant, recruiter, manager, deps, staff, job, candidate, applicationId };
  };

  describe('applications.exportToHr', () => {
    it('gives HR the hire’s record and files, and records when (the retention clock)', async () => {
      const w = await setup();
      await expect(w.staff.applications.exportToHr({ id: w.applicationId })).rejects.toThrow(/Only a hired/);
      const hired = w.job.stages.find((s) => s.kind === 'hired')!;
      await w.staff.applications.move({ ids: [w.applicationId], stageId: hired.id });

      const result = await w.staff.applications.exportToHr({ id: w.applicationId });
      expect(result.filename).toMatch(/^hire-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = unzip(Buffer.from(result.contentBase64, 'base64'));
      const hire = JSON.parse(zip.get('hire.json')!.toString('utf8'));
      expect(hire).toMatchObject({
        format: 'candor.hr-export.v1',
        candidate: { name: 'Hana Hired', email: w.candidate.email, phone: '+49 30 1234567' },
        job: { title: w.job.title, country: 'DE' },
        files: ['files/Hana CV.pdf'],
      });
      expect(hire.hiredAt).toEqual(expect.any(String));
      // The file as uploaded, opened from its sealed copy.
      expect(zip.get('files/Hana CV.pdf')?.equals(pdfBytes('CV of Hana Hired'))).toBe(true);

      const application = await w.staff.applications.get({ id: w.applicationId });
      expect(application.hrExport).toMatchObject({ by: { id: w.recruiter.id } });
      const row = await tenantEm(db.orm(), w.tenant.id).findOneOrFail(Application, w.applicationId);
      expect(row.hrExportedAt).toBeInstanceOf(Date);
      expect(
        await tenantEm(db.orm(), w.tenant.id).count(AuditEvent, {
          action: 'application.hr_export',
          subjectRef: auditSubjectRef(w.candidate.id),
        }),
      ).toBe(1);
    });

    it('is for recruiters and admins, and refused while the candidate’s processing is restricted', async () => {
      const w = await setup();
      const hired = w.job.stages.find((s) => s.kind === 'hired')!;
      await w.staff.applications.move({ ids: [w.applicationId], stageId: hired.id });
      const manager = await callerFor(w.deps, await sessionFor(w.deps, w.manager.id, w.tenant.id));
      await expect(manager.applications.exportToHr({ id: w.applicationId })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });

      const admin = await seedUser(db.orm().em.fork(), w.tenant, 'admin');
      const owner = await callerFor(w.deps, await sessionFor(w.deps, admin.id, w.tenant.id));
      await owner.candidates.restrict({ id: w.candidate.id });
      await expect(w.staff.applications.exportToHr({ id: w.applicationId })).rejects.toThrow();
      const row = await tenantEm(db.orm(), w.tenant.id).findOneOrFail(Application, w.applicationId);
      expect(row.hrExportedAt ?? null).toBeNull();
    });
  });
});
