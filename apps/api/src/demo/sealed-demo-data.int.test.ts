import { Attachment, BackgroundCheck, CandidateProfile, DiversityResponse, Tenant } from '@candor/db';
import { DEMO_TENANT, seedDemo } from '@candor/db/seed';
import { forEachDatabase } from '@candor/db/testing';
import { DEFAULT_DIVERSITY_SETTINGS, surveyQuestions } from '@candor/schemas';
import { expect, it } from 'vitest';
import { redactedAttachmentText } from '../attachments/attachments.service.js';
import { checksOf } from '../background-checks/background-checks.service.js';
import { getCandidateProfile } from '../candidates/profile.service.js';
import { diversityReport } from '../diversity/report.service.js';
import { candidateKey, openText } from '../keys/data-keys.js';
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

    // Each answer opens with its candidate's key to one of the survey's options, as the report reads it.
    const options = new Set(
      surveyQuestions(DEFAULT_DIVERSITY_SETTINGS).flatMap((q) => q.options.map((o) => o.id)),
    );
    for (const response of await em.find(DiversityResponse, {}, { limit: 10 })) {
      const key = await candidateKey(em, deps, { tenantId: tenant.id, candidateId: response.candidate.id });
      if (response.gender) expect(options).toContain(openText(key, response.gender));
    }
    const admin = actorOf('00000000-0000-4000-8000-000000000000', tenant.id, 'admin');
    const month = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 7);
    const report = await diversityReport(em, admin, deps, {
      question: 'gender',
      from: month(120),
      to: month(0),
    });
    const since = new Date(`${month(120)}-01T00:00:00Z`);
    // Everyone who answered counts at "applied" (the total is large enough never to be hidden).
    const respondents = await em.count(DiversityResponse, {
      application: { appliedAt: { $gte: since } },
      candidate: { restrictedAt: null },
    });
    expect(report.totals[0]).toBe(respondents);

    const resume = resumes[0]!;
    const text = await redactedAttachmentText(em, admin, deps, resume.id);
    expect(text.text).toContain('motor control firmware');
    expect(text.text).not.toContain(resume.candidate.name);

    // The candidates in blind review have the profile a recruiter filled in from their resume.
    expect(await em.count(CandidateProfile, {})).toBe(new Set(resumes.map((r) => r.candidate.id)).size);
    const profile = await getCandidateProfile(em, admin, deps, resume.candidate.id);
    expect(profile.workHistory.map((w) => w.employer)).toEqual(['Initech', 'Globex']);
    expect(profile.salaryExpectation?.currency).toBe('EUR');

    // Background checks are on, and one offer's check is in the waiting period after a pre-adverse notice.
    const [check] = await em.find(BackgroundCheck, {}, { populate: ['application'] });
    const checks = await checksOf(em, admin, deps, check!.application.id);
    expect(checks.enabled).toBe(true);
    expect(checks.checks[0]).toMatchObject({ status: 'pre_adverse', finalNoticeAllowed: false });
    expect(checks.checks[0]!.waitUntil! >= new Date().toISOString().slice(0, 10)).toBe(true);

    await seedSealedDemoData(db.orm(), deps);
    expect(await tenantEm(db.orm(), tenant.id).count(BackgroundCheck, {})).toBe(1);
    expect(await tenantEm(db.orm(), tenant.id).count(DiversityResponse, {})).toBe(answered);
    expect(await tenantEm(db.orm(), tenant.id).count(Attachment, {})).toBe(resumes.length);
    expect(await tenantEm(db.orm(), tenant.id).count(CandidateProfile, {})).toBe(
      new Set(resumes.map((r) => r.candidate.id)).size,
    );
    // Seeds the whole demo tenant (7 s alone): room for a CI machine running the browser tests beside it.
  }, 90_000);
});
