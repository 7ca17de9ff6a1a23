import { Attachment, DEMO_TENANT, DiversityResponse, seedDemo, Tenant } from '@candor/db';
import { forEachDatabase } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { diversityReport } from '../diversity/report.service.js';
import { redactedAttachmentText } from '../attachments/attachments.service.js';
import { actorOf, tenantEm } from '../testing/hiring-fixtures.js';
import { testDeps } from '../testing/test-app.js';
import { seedSealedDemoData } from './sealed-demo-data.js';

forEachDatabase('sealed demo data', (db) => {
  it('gives the demo survey answers a report can count and resumes to read blind, once', async () => {
    const deps = testDeps(db.orm());
    await seedDemo(db.orm().em.fork());
    await seedSealedDemoData(db.orm(), deps);
    const tenant = await db.orm().em.fork().findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    const em = tenantEm(db.orm(), tenant.id);
    const answered = await em.count(DiversityResponse, {});
    expect(answered).toBeGreaterThan(30);
    const resumes = await em.find(Attachment, {}, { populate: ['application.stage', 'candidate'] });
    expect(resumes.length).toBeGreaterThan(0);
    expect(resumes.every((r) => r.application?.stage.blindReview)).toBe(true);

    const admin = actorOf('00000000-0000-4000-8000-000000000000', tenant.id, 'admin');
    const now = new Date().toISOString().slice(0, 7);
    const from = new Date(Date.now() - 330 * 86_400_000).toISOString().slice(0, 7);
    const report = await diversityReport(em, admin, deps, { question: 'gender', from, to: now });
    const shown = report.rows.flatMap((row) => row.counts).filter((count) => count !== null && count > 0);
    expect(shown.length).toBeGreaterThan(0);

    const resume = resumes[0]!;
    const text = await redactedAttachmentText(em, admin, deps, resume.id);
    expect(text.text).toContain('motor control firmware');
    expect(text.text).not.toContain(resume.candidate.name);

    await seedSealedDemoData(db.orm(), deps);
    expect(await tenantEm(db.orm(), tenant.id).count(DiversityResponse, {})).toBe(answered);
    expect(await tenantEm(db.orm(), tenant.id).count(Attachment, {})).toBe(resumes.length);
  });
});
