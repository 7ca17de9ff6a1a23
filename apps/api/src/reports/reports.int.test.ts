import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Application, createOrm, Interview, JobStage, Scorecard, StageChange } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_DIVERSITY_SETTINGS, defaultReportPeriod, type TApplicationSource } from '@candor/schemas';
import { describe, expect, it, vi } from 'vitest';
import { inProcessRunner } from '../background-jobs/in-process-runner.js';
import { pgBossRunner } from '../background-jobs/pg-boss-runner.js';
import { JOB_NAMES, jobRegistry } from '../background-jobs/registry.js';
import { fileTransport } from '../mail/transport.js';
import { daysFromNow } from '../testing/dates.js';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { tenantChanged, tenantGeneration } from '../trpc/tenant-changes.js';
import { claimRecount, RECOUNT_LEASE_MS, readCopy, releaseRecount } from './report-cache.js';

const K = 5;
const DAY = 86_400_000;
const HOUR = 3_600_000;

forEachDatabase('hiring reports', (db) => {
  /**
   * Robots (Engineering): 20 applicants 60 days ago: 15 screened (2 days after
   * applying), 10 of those interviewed (3 days later), 5 hired (5 days later,
   * all referrals, 5/10/15/20/25 days after applying), 5 rejected for skills.
   * A 21st applicant, interviewed, then restricted processing. Drones (Sales):
   * 3 applicants, 2 rejected for experience, one of them 200 days ago.
   */
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const interviewer = await seedUser(em, tenant, 'hiring_manager');
    // Background recounts start at once after a change here; the gap has a test of its own.
    const deps = testDeps(db.orm(), { reportRecountGapSeconds: 0 });
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const [ac, rc, mc] = [await as(admin), await as(recruiter), await as(interviewer)];
    await ac.diversity.saveSettings({ ...DEFAULT_DIVERSITY_SETTINGS, k: K });
    const job = async (title: string, department: string) => {
      const created = await rc.jobs.create({
        title,
        department,
        city: 'Lisbon',
        country: 'pt',
        workplace: 'onsite',
        employmentType: 'full_time',
        questions: [],
        criteria: [{ name: 'Robotics' }],
      });
      await rc.jobs.setStatus({ id: created.id, status: 'open' });
      return created;
    };
    const robots = await job('Robots', 'Engineering');
    const drones = await job('Drones', 'Sales');
    const stageOf = (j: typeof robots, kind: string) => j.stages.find((s) => s.kind === kind)!.id;
    let n = 0;
    const apply = async (j: typeof robots, source: TApplicationSource) => {
      n += 1;
      const c = await rc.candidates.create({
        name: `Applicant ${n}`,
        email: `applicant${n}-${Date.now()}@example.test`,
        source,
        jobId: j.id,
      });
      return { candidateId: c.id, applicationId: c.applications[0]!.id };
    };
    const people: Array<{ candidateId: string; applicationId: string }> = [];
    for (let i = 0; i < 20; i++) people.push(await apply(robots, i < 5 ? 'referral' : 'sourced'));
    const ids = (from: number, to: number) => people.slice(from, to).map((p) => p.applicationId);
    await rc.applications.move({ ids: ids(0, 15), stageId: stageOf(robots, 'screening') });
    await rc.applications.move({ ids: ids(0, 10), stageId: stageOf(robots, 'interview') });
    await rc.applications.move({ ids: ids(0, 5), stageId: stageOf(robots, 'hired') });
    await rc.applications.reject({ ids: ids(10, 15), reasonId: 'skills', emailDelayHours: null });
    const restricted = await apply(robots, 'referral');
    await rc.applications.move({ ids: [restricted.applicationId], stageId: stageOf(robots, 'interview') });
    const dronesPeople = [await apply(drones, 'careers_site'), await apply(drones, 'sourced')];
    await apply(drones, 'sourced');
    await rc.applications.reject({
      ids: dronesPeople.map((p) => p.applicationId),
      reasonId: 'experience',
      emailDelayHours: null,
    });

    // The dates the story needs (the services stamp "now").
    const tem = tenantEm(db.orm(), tenant.id);
    const applied = Date.now() - 60 * DAY;
    const at = (days: number) => new Date(applied + days * DAY);
    const kinds = new Map((await tem.find(JobStage, {})).map((s) => [s.id, s.kind]));
    const waits: Record<string, number> = { screening: 2, interview: 5, hired: 10, rejected: 10 };
    for (const [i, person] of people.entries()) {
      const app = await tem.findOneOrFail(Application, person.applicationId);
      app.appliedAt = at(0);
      if (app.status === 'hired') app.decidedAt = at(5 * (i + 1));
      for (const change of await tem.find(StageChange, { application: app }))
        change.at = at(waits[kinds.get(change.toStage.id) ?? ''] ?? 0);
    }
    (await tem.findOneOrFail(Application, dronesPeople[0]!.applicationId)).decidedAt = at(-140);
    (await tem.findOneOrFail(Application, dronesPeople[0]!.applicationId)).appliedAt = at(-140);
    await tem.flush();
    await ac.candidates.restrict({ id: restricted.candidateId });

    // Interviews: two held by the hiring manager (one scorecard an hour after, one missing), one by the recruiter (late).
    const interview = async (applicationId: string, who: string) =>
      rc.interviews.schedule({
        applicationId,
        title: 'Technical interview',
        startsAt: '2030-03-01T09:00:00Z',
        endsAt: '2030-03-01T10:00:00Z',
        videoUrl: 'https://meet.example.test/robots',
        interviewerIds: [who],
      });
    const first = await interview(people[5]!.applicationId, interviewer.id);
    const second = await interview(people[6]!.applicationId, interviewer.id);
    const third = await interview(people[7]!.applicationId, recruiter.id);
    await mc.interviews.submitScorecard({ interviewId: first.id, ratings: [], recommendation: 'yes' });
    await rc.interviews.submitScorecard({ interviewId: third.id, ratings: [], recommendation: 'no' });
    const ended = at(20);
    for (const id of [first.id, second.id, third.id]) {
      const row = await tem.findOneOrFail(Interview, id);
      row.startsAt = new Date(ended.getTime() - HOUR);
      row.endsAt = ended;
    }
    (await tem.findOneOrFail(Scorecard, { interview: first.id })).submittedAt = new Date(
      ended.getTime() + HOUR,
    );
    (await tem.findOneOrFail(Scorecard, { interview: third.id })).submittedAt = new Date(
      ended.getTime() + 72 * HOUR,
    );
    await tem.flush();
    return { tenant, ac, rc, mc, robots, drones, interviewer, recruiter };
  };

  describe('reports.all', () => {
    it('counts the funnel, timings, sources and rejections, without restricted candidates', async () => {
      const w = await setup();
      const report = await w.rc.reports.all({ jobId: w.robots.id });
      expect(report.k).toBe(K);
      expect(report.scopeLabel).toBe('Robots');
      // The restricted applicant (interviewed, a referral) is in none of the numbers.
      expect(report.funnel.map((s) => [s.step, s.count])).toEqual([
        ['applied', 20],
        ['screening', 15],
        ['interview', 10],
        ['offer', 5],
        ['hired', 5],
      ]);
      expect(report.funnel.map((s) => s.rate)).toEqual([null, 0.75, 10 / 15, 0.5, 1]);
      expect(report.timeToHire).toEqual({ count: 5, median: 15, p75: 20 });
      expect(report.timeInStage.map((s) => [s.kind, s.count, s.median, s.p75])).toEqual([
        ['applied', 15, 2, 2],
        ['screening', 15, 3, 8],
        ['interview', 5, 5, 5],
        ['offer', 0, null, null],
      ]);
      expect(report.sources.map((s) => [s.source, s.applications, s.hires, s.conversion])).toEqual([
        ['sourced', 15, 0, 0],
        ['referral', 5, 5, 1],
      ]);
      expect(report.rejections).toEqual({
        total: 5,
        reasons: [{ reasonId: 'skills', label: 'Skills do not match the role', count: 5 }],
      });
      expect(report.openJobs.map((j) => [j.title, j.applications])).toEqual([['Robots', 20]]);
    });

    it('hides counts under k, and what would give them away', async () => {
      const w = await setup();
      const all = await w.rc.reports.all({});
      // Drones' one rejection in the last 90 days is hidden; so is the smallest other reason, or the total would tell it.
      expect(all.rejections.reasons.map((r) => [r.reasonId, r.count])).toEqual([
        ['skills', null],
        ['experience', null],
      ]);
      expect(all.rejections.total).toBe(6);
      // Drones' applicants from a careers site (1) and the sources: the one careers-site applicant is outside the period.
      expect(all.sources.find((s) => s.source === 'sourced')?.applications).toBe(17);
      const sales = await w.rc.reports.all({ department: 'Sales' });
      expect(sales.scopeLabel).toBe('Sales (department)');
      expect(sales.funnel[0]?.count).toBeNull();
      expect(sales.openJobs.map((j) => [j.title, j.applications])).toEqual([['Drones', 3]]);
      const csv = await w.rc.reports.csv({ report: 'rejections', filter: {} });
      expect(csv.csv).toBe(
        'Reason,Rejections\r\nSkills do not match the role,hidden\r\nNot enough relevant experience,hidden\r\nTotal,6\r\n',
      );
    });

    it('serves the kept copy after a change, saying a recount is on its way, then the recount', async () => {
      const w = await setup();
      const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
      const first = await w.rc.reports.all({ jobId: w.robots.id });
      expect(first.recounting).toBe(false);
      // Another person of the tenant opening the same report gets the same count.
      const again = await w.ac.reports.all({ jobId: w.robots.id });
      expect([again.computedAt, again.recounting]).toEqual([first.computedAt, false]);
      // Interviewer names are not kept with the counts: they are read when the copy is served.
      const all = await w.ac.reports.all({});
      const kept = await w.ac.reports.all({});
      expect(kept.computedAt).toBe(all.computedAt);
      expect(kept.interviewers.map((i) => i.name)).toEqual(all.interviewers.map((i) => i.name));
      expect(kept.interviewers[0]?.name).toBeTruthy();
      const stored = await db
        .orm()
        .em.fork()
        .getConnection()
        .execute<Array<{ counts: string }>>('select counts from report_copy where tenant_id = ?', [
          w.tenant.id,
        ]);
      expect(stored.some((r) => r.counts.includes(w.interviewer.id))).toBe(true);
      expect(stored.every((r) => !r.counts.includes(all.interviewers[0]!.name))).toBe(true);
      await tick();
      // A change through the API: the copy is still served at once, and says a newer count is coming ...
      await w.rc.jobs.update({ id: w.robots.id, title: 'Robots and more' });
      const changed = await w.rc.reports.all({ jobId: w.robots.id });
      expect([changed.computedAt, changed.recounting, changed.scopeLabel]).toEqual([
        first.computedAt,
        true,
        'Robots',
      ]);
      // ... which comes in the background and is served from then on.
      await vi.waitFor(
        async () => {
          const recounted = await w.rc.reports.all({ jobId: w.robots.id });
          expect([recounted.recounting, recounted.scopeLabel]).toEqual([false, 'Robots and more']);
          expect(recounted.computedAt > first.computedAt).toBe(true);
        },
        { timeout: 5000, interval: 50 },
      );
    });

    it('counts again in the background no sooner than the gap after the last count', async () => {
      const w = await setup();
      const deps = testDeps(db.orm(), { reportRecountGapSeconds: 1 });
      const rc = await callerFor(deps, await sessionFor(deps, w.recruiter.id, w.tenant.id));
      const first = await rc.reports.all({ jobId: w.robots.id });
      await w.rc.jobs.update({ id: w.robots.id, title: 'Robots, a second later' });
      const stale = await rc.reports.all({ jobId: w.robots.id });
      expect([stale.computedAt, stale.recounting]).toEqual([first.computedAt, true]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await rc.reports.all({ jobId: w.robots.id })).computedAt).toBe(first.computedAt);
      await vi.waitFor(
        async () => {
          const recounted = await rc.reports.all({ jobId: w.robots.id });
          expect([recounted.recounting, recounted.scopeLabel]).toEqual([false, 'Robots, a second later']);
          expect(Date.parse(recounted.computedAt) - Date.parse(first.computedAt)).toBeGreaterThanOrEqual(
            1000,
          );
        },
        { timeout: 5000, interval: 50 },
      );
    });

    it('serves no count kept from before a candidate restricted processing', async () => {
      const w = await setup();
      const late = await w.rc.candidates.create({
        name: 'Late applicant',
        email: `late-${Date.now()}@example.test`,
        source: 'sourced',
        jobId: w.robots.id,
      });
      const before = await w.rc.reports.all({ jobId: w.robots.id });
      expect(before.funnel[0]?.count).toBe(21);
      await w.ac.candidates.restrict({ id: late.id });
      // Not the kept count with them in it, even for a moment: counted again now, without them.
      const after = await w.rc.reports.all({ jobId: w.robots.id });
      expect([after.recounting, after.funnel[0]?.count]).toEqual([false, 20]);
    });

    it('counts now when asked to ("Count again"), and a filter never counted while the person waits', async () => {
      const w = await setup();
      const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
      const first = await w.rc.reports.all({ jobId: w.robots.id });
      await tick();
      await w.rc.jobs.update({ id: w.robots.id, title: 'Robots, counted now' });
      const recounted = await w.rc.reports.all({ jobId: w.robots.id, fresh: true });
      expect(recounted.computedAt > first.computedAt).toBe(true);
      expect([recounted.recounting, recounted.scopeLabel]).toEqual([false, 'Robots, counted now']);
      expect(recounted.funnel).toEqual(first.funnel);
      // The fresh count is kept: the next open serves it as it is.
      expect((await w.ac.reports.all({ jobId: w.robots.id })).computedAt).toBe(recounted.computedAt);
      const sales = await w.rc.reports.all({ department: 'Sales' });
      expect([sales.recounting, sales.scopeLabel]).toEqual([false, 'Sales (department)']);
    });

    it('shares copies and one recount between instances on one database', async () => {
      const w = await setup();
      const other = await createOrm(db.url());
      try {
        const deps = testDeps(other, { reportRecountGapSeconds: 0 });
        const elsewhere = await callerFor(deps, await sessionFor(deps, w.recruiter.id, w.tenant.id));
        const first = await w.rc.reports.all({ jobId: w.robots.id });
        // The other instance serves the copy this one counted.
        const there = await elsewhere.reports.all({ jobId: w.robots.id });
        expect([there.computedAt, there.recounting]).toEqual([first.computedAt, false]);
        // Another instance's application or mutation moves the counter in the shared database, nothing in this process.
        await tenantChanged(other.em.fork(), w.tenant.id);
        expect(await tenantGeneration(db.orm().em.fork(), w.tenant.id)).toBeGreaterThan(0);
        const key = { tenantId: w.tenant.id, ...defaultReportPeriod(), jobId: w.robots.id };
        // One recount at a time per tenant and filter, whichever instance asks; a claim left by a dead one runs out.
        expect(await claimRecount(db.orm().em.fork(), key)).toBe(true);
        expect(await claimRecount(other.em.fork(), key)).toBe(false);
        const stale = await elsewhere.reports.all({ jobId: w.robots.id });
        expect([stale.computedAt, stale.recounting]).toEqual([first.computedAt, true]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        // The claim is held (by the first claim above): nobody recounted.
        expect((await w.rc.reports.all({ jobId: w.robots.id })).computedAt).toBe(first.computedAt);
        const later = new Date(Date.now() + RECOUNT_LEASE_MS + 1000);
        expect(await claimRecount(other.em.fork(), key, later)).toBe(true);
        await releaseRecount(other.em.fork(), key);
        // Released: the next open starts the recount, and both instances then serve it.
        expect((await w.rc.reports.all({ jobId: w.robots.id })).recounting).toBe(true);
        await vi.waitFor(
          async () => {
            const recounted = await elsewhere.reports.all({ jobId: w.robots.id });
            expect(recounted.recounting).toBe(false);
            expect(recounted.computedAt > first.computedAt).toBe(true);
            expect((await w.rc.reports.all({ jobId: w.robots.id })).computedAt).toBe(recounted.computedAt);
          },
          { timeout: 5000, interval: 50 },
        );
      } finally {
        await other.close();
      }
    });

    it('recounts through the background jobs, and warms the default view after a change', async () => {
      const w = await setup();
      const deps = testDeps(db.orm(), { reportRecountGapSeconds: 0 });
      const definitions = jobRegistry({
        orm: db.orm(),
        deps,
        logger: deps.logger,
        mail: {
          transport: fileTransport(mkdtempSync(join(tmpdir(), 'candor-mail-'))),
          from: 'test@example.test',
        },
        retentionIntervalMinutes: 0,
        notificationCheckSeconds: 0,
      }).filter((d) => d.name.startsWith('reports.'));
      // The runner this database gets in production: pg-boss on PostgreSQL, in process on SQLite.
      const runner =
        db.dialect === 'postgresql'
          ? pgBossRunner({
              connectionString: db.url(),
              definitions,
              logger: deps.logger,
              work: true,
              pollingIntervalSeconds: 0.5,
            })
          : inProcessRunner({ definitions, logger: deps.logger, schedules: false });
      await runner.start();
      deps.jobs = runner;
      try {
        const rc = await callerFor(deps, await sessionFor(deps, w.recruiter.id, w.tenant.id));
        // The default view: nothing kept yet; the warming job counts it before anyone opens it.
        const key = { tenantId: w.tenant.id, ...defaultReportPeriod() };
        expect(await readCopy(db.orm().em.fork(), key)).toBeNull();
        await runner.send(JOB_NAMES.reportsWarmDefault, { tenantId: w.tenant.id });
        await vi.waitFor(async () => expect((await readCopy(db.orm().em.fork(), key))?.counts).toBeTruthy(), {
          timeout: 10_000,
          interval: 50,
        });
        const warm = await readCopy(db.orm().em.fork(), key);
        const opened = await rc.reports.all({ ...defaultReportPeriod() });
        expect([opened.computedAt, opened.recounting]).toEqual([warm!.counts!.computedAt, false]);
        const before = opened.funnel[0]?.count ?? 0;
        expect(before).toBeGreaterThan(20);
        // A change: the copy is served, a `reports.recount` job counts again.
        await w.rc.candidates.create({
          name: 'Late applicant',
          email: `late-${Date.now()}@example.test`,
          source: 'sourced',
          jobId: w.robots.id,
        });
        const stale = await rc.reports.all({ ...defaultReportPeriod() });
        expect([stale.computedAt, stale.recounting, stale.funnel[0]?.count]).toEqual([
          opened.computedAt,
          true,
          before,
        ]);
        await vi.waitFor(
          async () => {
            const recounted = await rc.reports.all({ ...defaultReportPeriod() });
            expect([recounted.recounting, recounted.funnel[0]?.count]).toEqual([false, before + 1]);
          },
          { timeout: 10_000, interval: 50 },
        );
        const jobs = await runner.list(w.tenant.id);
        expect(jobs.jobs.filter((j) => j.name === JOB_NAMES.reportsRecount).map((j) => j.state)).toEqual([
          'completed',
        ]);
      } finally {
        await runner.stop(1000);
      }
    });

    it('counts only the chosen period', async () => {
      const w = await setup();
      const longAgo = await w.rc.reports.all({ from: daysFromNow(-250), to: daysFromNow(-100) });
      expect(longAgo.funnel[0]?.count).toBeNull(); // one applicant
      const none = await w.rc.reports.all({ from: daysFromNow(-100), to: daysFromNow(-65) });
      expect(none.funnel.map((s) => s.count)).toEqual([0, 0, 0, 0, 0]);
      expect(none.timeToHire).toEqual({ count: 0, median: null, p75: null });
      await expect(w.rc.reports.all({ from: '2026-03-02', to: '2026-03-01' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    });

    it('reports interviewer load and feedback timeliness, unhidden (it is about staff)', async () => {
      const w = await setup();
      const report = await w.ac.reports.all({});
      expect(
        report.interviewers.map((i) => [
          i.userId,
          i.interviews,
          i.onTime,
          i.late,
          i.missing,
          i.medianHoursToFeedback,
        ]),
      ).toEqual([
        [w.interviewer.id, 2, 1, 0, 1, 1],
        [w.recruiter.id, 1, 0, 1, 0, 72],
      ]);
      const csv = await w.ac.reports.csv({ report: 'interviewers', filter: {} });
      expect(csv.filename).toMatch(/^interviewer-load-and-feedback-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
      expect(csv.csv.split('\r\n')[0]).toBe(
        'Interviewer,Interviews,Scorecards on time,Late,Missing,Median hours to feedback',
      );
    });

    it('is for owners, admins and recruiters, and sees only its own tenant', async () => {
      const w = await setup();
      await expect(w.mc.reports.all({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const em = db.orm().em.fork();
      const other = await seedTenant(em);
      const outsider = await seedUser(em, other, 'admin');
      const deps = testDeps(db.orm());
      const oc = await callerFor(deps, await sessionFor(deps, outsider.id, other.id));
      const theirs = await oc.reports.all({});
      expect(theirs.funnel[0]?.count).toBe(0);
      expect(theirs.openJobs).toEqual([]);
      expect(theirs.interviewers).toEqual([]);
      await expect(oc.reports.all({ jobId: w.robots.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
