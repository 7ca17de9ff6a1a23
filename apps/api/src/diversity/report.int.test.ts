import { Application, Candidate, DiversityResponse, Job, JobStage, StageChange, Tenant } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import type { TDiversityReport } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { candidateKey, ensureTenantDataKey, sealFor } from '../keys/data-keys.js';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { passes } from './suppression.js';

const K = 10;

/** Counts a reader can take from one report: cells, and differences along each row. */
function rowValues(report: TDiversityReport): Map<string, Array<number | null>> {
  return new Map(report.rows.map((r) => [r.option, r.counts]));
}

/** Scope rank: a job is inside its department, which is inside everything. */
const rank = (r: TDiversityReport) =>
  r.scopeLabel === 'All jobs' ? 0 : r.scopeLabel.endsWith('(department)') ? 1 : 2;
function within(inner: TDiversityReport, outer: TDiversityReport): boolean {
  return rank(inner) >= rank(outer) && inner.from >= outer.from && inner.to <= outer.to;
}

forEachDatabase('diversity reports', (db) => {
  /**
   * Two jobs in Engineering: Robots (many respondents over three months)
   * and Drones (a few). Each respondent's stage reached is given.
   */
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const deps = testDeps(db.orm());
    const tem = tenantEm(db.orm(), tenant.id);
    const row = await tem.findOneOrFail(Tenant, tenant.id);
    row.diversitySettings = { enabled: true, template: 'uk_eu', questions: ['gender'], k: K };
    const job = (title: string) => {
      const j = tem.create(Job, {
        tenant: tenant.id,
        title,
        department: 'Engineering',
        country: 'DE',
        workplace: 'remote',
        employmentType: 'full_time',
        questions: [],
        criteria: [],
        status: 'open',
      });
      const stages = Object.fromEntries(
        (['applied', 'interview', 'offer', 'hired'] as const).map((kind, position) => [
          kind,
          tem.create(JobStage, { tenant: tenant.id, job: j, name: kind, kind, position }),
        ]),
      );
      return { j, stages };
    };
    const robots = job('Robots');
    const drones = job('Drones');
    await tem.flush();
    await ensureTenantDataKey(tem, deps, tenant.id);
    let n = 0;
    const respondent = async (
      where: ReturnType<typeof job>,
      month: string,
      gender: string,
      reached: 'applied' | 'interview' | 'offer' | 'hired',
    ) => {
      n += 1;
      const c = tem.create(Candidate, {
        tenant: tenant.id,
        name: `R${n}`,
        email: `r${n}-${Date.now()}@example.test`,
        nameKey: `r${n}`,
        links: [],
        source: 'careers_site',
      });
      const appliedAt = new Date(`${month}-10T10:00:00.000Z`);
      const a = tem.create(Application, {
        tenant: tenant.id,
        candidate: c,
        job: where.j,
        stage: where.stages[reached]!,
        status: reached === 'hired' ? 'hired' : 'active',
        source: 'careers_site',
        answers: [],
        appliedAt,
      });
      tem.create(StageChange, {
        tenant: tenant.id,
        application: a,
        toStage: where.stages[reached]!,
        at: appliedAt,
      });
      await tem.flush();
      const key = await candidateKey(tem, deps, { tenantId: tenant.id, candidateId: c.id }, { create: true });
      tem.create(DiversityResponse, {
        tenant: tenant.id,
        candidate: c,
        application: a,
        template: 'uk_eu',
        gender: sealFor(key, gender),
      });
    };
    // Robots, January to March: 12 women and 14 men applied in each month, some got further; 3 non-binary in February only.
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      for (let i = 0; i < 12; i++) await respondent(robots, month, 'woman', i < 6 ? 'interview' : 'applied');
      for (let i = 0; i < 14; i++) await respondent(robots, month, 'man', i < 4 ? 'interview' : 'applied');
    }
    for (let i = 0; i < 3; i++) await respondent(robots, '2026-02', 'non_binary', 'applied');
    // Drones: 10 women in February, one of them hired, and 2 men.
    for (let i = 0; i < 10; i++) await respondent(drones, '2026-02', 'woman', i === 0 ? 'hired' : 'applied');
    for (let i = 0; i < 2; i++) await respondent(drones, '2026-02', 'man', 'applied');
    await tem.flush();
    const asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const asRecruiter = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    return { tenant, robots: robots.j, drones: drones.j, asAdmin, asRecruiter };
  };

  describe('diversity.report', () => {
    it('counts respondents by answer and stage, hiding every group under k, for admins only', async () => {
      const w = await setup();
      const report = await w.asAdmin.diversity.report({
        question: 'gender',
        jobId: w.robots.id,
        from: '2026-01',
        to: '2026-03',
      });
      const rows = rowValues(report);
      expect(rows.get('woman')?.[0]).toBe(36);
      // Engineering has 2 more men than Robots (in Drones): showing Robots' 42 next to Engineering's 44 would single them out.
      expect(rows.get('man')?.[0]).toBeNull();
      const department = rowValues(
        await w.asAdmin.diversity.report({
          question: 'gender',
          department: 'Engineering',
          from: '2026-01',
          to: '2026-03',
        }),
      );
      // The department counts them (with the Drones women); men, the smallest shown cell, go with the 3 hidden non-binary applicants.
      expect(department.get('woman')?.[0]).toBe(46);
      expect(department.get('man')?.[0]).toBeNull();
      // Three non-binary applicants: hidden, and so are cells that would give them away.
      expect(rows.get('non_binary')?.[0]).toBeNull();
      expect(report.hiddenCells).toBeGreaterThan(0);
      for (const r of report.rows) for (const v of r.counts) if (v !== null) expect(passes(v, K)).toBe(true);
      await expect(
        w.asRecruiter.diversity.report({ question: 'gender', from: '2026-01', to: '2026-03' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        w.asAdmin.diversity.report({ question: 'gender', from: '2026-03', to: '2026-01' }),
      ).rejects.toThrow(/ends before it starts/);
    });

    it('is counted live: moving applications along the pipeline changes the next report', async () => {
      const w = await setup();
      const ask = () =>
        w.asAdmin.diversity.report({
          question: 'gender',
          jobId: w.robots.id,
          from: '2026-01',
          to: '2026-03',
        });
      expect((await ask()).totals.slice(0, 2)).toEqual([81, 30]);
      const tem = tenantEm(db.orm(), w.tenant.id);
      const interview = await tem.findOneOrFail(JobStage, { job: w.robots, kind: 'interview' });
      const waiting = await tem.find(
        Application,
        { job: w.robots, stage: { kind: 'applied' } },
        { orderBy: { id: 'asc' }, limit: 12 },
      );
      // The recruiter moves twelve applicants to the interview stage, as in the backoffice.
      expect(
        (await w.asRecruiter.applications.move({ ids: waiting.map((a) => a.id), stageId: interview.id }))
          .updated,
      ).toBe(12);
      expect((await ask()).totals.slice(0, 2)).toEqual([81, 42]);
    });

    it('gives nothing away by differencing adjacent periods, a job against its department, or adjacent stages', async () => {
      const w = await setup();
      const ask = (input: { jobId?: string; department?: string; from: string; to: string }) =>
        w.asAdmin.diversity.report({ question: 'gender', ...input });
      const reports = [
        await ask({ jobId: w.robots.id, from: '2026-01', to: '2026-03' }),
        await ask({ jobId: w.robots.id, from: '2026-02', to: '2026-03' }),
        await ask({ jobId: w.robots.id, from: '2026-01', to: '2026-02' }),
        await ask({ jobId: w.robots.id, from: '2026-02', to: '2026-02' }),
        await ask({ department: 'Engineering', from: '2026-01', to: '2026-03' }),
        await ask({ department: 'Engineering', from: '2026-02', to: '2026-02' }),
        await ask({ from: '2026-01', to: '2026-03' }),
      ];
      // A report inside another (its scope and months within the other's) differenced with it counts the people in one and
      // not the other: no such difference is a small group, for any option and stage both show. Nor is any difference along a row.
      for (const a of reports) {
        for (const r of a.rows) {
          for (let s = 0; s < r.counts.length; s++) {
            for (let t = s + 1; t < r.counts.length; t++) {
              const [x, y] = [r.counts[s], r.counts[t]];
              if (x != null && y != null)
                expect(passes(x - y, K), `${a.scopeLabel} ${r.option} stages ${s}-${t}`).toBe(true);
            }
          }
        }
        for (const b of reports) {
          if (a === b || !within(b, a)) continue;
          const other = rowValues(b);
          for (const r of a.rows) {
            r.counts.forEach((x, s) => {
              const y = other.get(r.option)?.[s];
              if (x != null && y != null && x >= y)
                expect(
                  passes(x - y, K),
                  `${a.scopeLabel} ${a.from}..${a.to} minus ${b.scopeLabel} ${b.from}..${b.to}: ${r.option} stage ${s}`,
                ).toBe(true);
            });
          }
        }
      }
      // The one hire (a woman, in Drones) shows nowhere.
      for (const report of reports)
        expect(report.rows.find((r) => r.option === 'woman')?.counts[3] ?? null).not.toBe(1);
    });
  });
});
