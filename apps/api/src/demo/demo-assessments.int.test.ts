import { AssessmentInvitation, StageAssessment, Tenant } from '@candor/db';
import { DEMO_TENANT, seedDemo } from '@candor/db/seed';
import { forEachDatabase } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { assessmentsOf } from '../assessments/assessments.service.js';
import { actorOf, tenantEm } from '../testing/hiring-fixtures.js';
import { testDeps } from '../testing/test-app.js';
import { seedSealedDemoData } from './sealed-demo-data.js';

forEachDatabase('demo assessments', (db) => {
  it('gives one demo job a stage with an assessment, one applicant scored and one invited, once', async () => {
    const deps = testDeps(db.orm());
    await seedDemo(db.orm().em.fork());
    await seedSealedDemoData(db.orm(), deps);
    await seedSealedDemoData(db.orm(), deps);
    const tenant = await db.orm().em.fork().findOneOrFail(Tenant, { slug: DEMO_TENANT.slug });
    const em = tenantEm(db.orm(), tenant.id);
    expect(await em.count(StageAssessment, { autoSend: true })).toBe(1);
    const rows = await em.find(AssessmentInvitation, {}, { orderBy: { status: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['invited', 'scored']);
    const scored = rows.find((r) => r.status === 'scored')!;
    const view = await assessmentsOf(
      em,
      actorOf('00000000-0000-4000-8000-000000000000', tenant.id, 'admin'),
      deps,
      scored.application.id,
    );
    const shown = view.invitations.find((i) => i.status === 'scored')!;
    expect([shown.totalPoints, shown.maxPoints]).toEqual([13, 15]);
    expect(shown.questions[0]!.answer).toContain('order picking');
    // The whole demo is seeded first: slow on a busy machine.
  }, 120_000);
});
