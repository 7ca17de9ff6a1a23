import { Application, Notification, Offer } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import type { TRole } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const dayIso = (offset: number) => iso(offset).slice(0, 10);

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

forEachDatabase('dashboards', (db) => {
  let deps: ReturnType<typeof testDeps>;
  beforeAll(() => {
    deps = testDeps(db.orm());
  });

  /**
   * A tenant with two jobs. Sensor Engineer: Rita recruits, Hana is its hiring
   * manager, Ivan (a hiring manager by role) only interviews. Otto manages
   * the other job. Ada is an admin.
   */
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const user = (role: TRole, name: string) => seedUser(em, tenant, role, { name });
    const ada = await user('admin', 'Ada Admin');
    const rita = await user('recruiter', 'Rita Recruiter');
    const hana = await user('hiring_manager', 'Hana Manager');
    const ivan = await user('hiring_manager', 'Ivan Interviewer');
    const otto = await user('hiring_manager', 'Otto Outsider');
    const as = async (u: { id: string }) => callerFor(deps, await sessionFor(deps, u.id, tenant.id));
    const [ac, rc, hc, ic, oc] = await Promise.all([as(ada), as(rita), as(hana), as(ivan), as(otto)]);
    const newJob = (
      title: string,
      team: Array<{ userId: string; role: 'recruiter' | 'hiring_manager' | 'interviewer' }>,
    ) =>
      rc.jobs.create({
        title,
        department: 'Engineering',
        workplace: 'remote',
        country: 'DE',
        employmentType: 'full_time',
        hiringTeam: team,
        criteria: [{ name: 'Signals' }],
      });
    const job = await newJob('Sensor Engineer', [
      { userId: rita.id, role: 'recruiter' },
      { userId: hana.id, role: 'hiring_manager' },
      { userId: ivan.id, role: 'interviewer' },
    ]);
    const otherJob = await newJob('Other Secret Job', [{ userId: otto.id, role: 'hiring_manager' }]);
    for (const j of [job, otherJob]) await rc.jobs.setStatus({ id: j.id, status: 'open' });
    const stage = (kind: string, j = job) => j.stages.find((s) => s.kind === kind)!;
    const addCandidate = async (name: string, jobId = job.id) => {
      const c = await ac.candidates.create({
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.test`,
        jobId,
      });
      return c.applications[0]!.id;
    };
    return { tenant, ada, rita, hana, ivan, otto, ac, rc, hc, ic, oc, job, otherJob, stage, addCandidate };
  };

  it('shows each role only its panels', async () => {
    const { ac, rc, hc } = await setup();
    const admin = await ac.dashboard.mine({});
    expect([!!admin.recruiting, !!admin.manager, !!admin.privacy, !!admin.admin]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    const recruiter = await rc.dashboard.mine({});
    expect([!!recruiter.recruiting, !!recruiter.manager, !!recruiter.privacy, !!recruiter.admin]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const manager = await hc.dashboard.mine({ timeZone: 'Europe/Berlin' });
    expect([!!manager.recruiting, !!manager.manager, !!manager.privacy, !!manager.admin]).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });

  it("gives recruiters the team's work: new, stuck, interviews, overdue scorecards, offers; and a nudge", async () => {
    const { tenant, rc, ac, hana, ada, job, stage, addCandidate, otherJob } = await setup();
    // A target of its own on the phone screen: 3 days.
    await rc.jobs.setStages({
      id: job.id,
      stages: job.stages.map((s) => ({ ...s, targetDays: s.kind === 'screening' ? 3 : null })),
    });
    await addCandidate('Nadia Newcomer');
    await addCandidate('Nora Newer');
    await addCandidate('Olga Other', otherJob.id);
    const slow = await addCandidate('Sam Slow');
    const fresh = await addCandidate('Fred Fresh');
    await rc.applications.move({ ids: [slow, fresh], stageId: stage('screening').id });
    // Sam has had no activity for 5 days: past the screen's 3.
    const em = tenantEm(db.orm(), tenant.id);
    await em.nativeUpdate(Application, { id: slow }, { lastActivityAt: new Date(Date.now() - 5 * DAY) });

    const interviewed = await addCandidate('Ian Interviewed');
    await rc.applications.move({ ids: [interviewed], stageId: stage('interview').id });
    // Ian's interview ended yesterday evening (UTC, the dashboard's zone here), whatever the hour the test runs.
    const todayStart = Date.parse(`${dayIso(0)}T00:00:00Z`);
    const past = await rc.interviews.schedule({
      applicationId: interviewed,
      startsAt: new Date(todayStart - 3 * HOUR).toISOString(),
      endsAt: new Date(todayStart - 2 * HOUR).toISOString(),
      interviewerIds: [hana.id, ada.id],
      location: 'Room 4',
    });
    await ac.interviews.submitScorecard({
      interviewId: past.id,
      ratings: [{ criterionId: job.criteria[0]!.id, rating: 4 }],
      recommendation: 'yes',
      notes: 'Good.',
    });
    const soon = await addCandidate('Tina Today');
    // Under way now: today's, and this week's (begun a minute ago, or at midnight if that was later).
    await rc.interviews.schedule({
      applicationId: soon,
      startsAt: new Date(Math.max(Date.now() - 60_000, todayStart)).toISOString(),
      endsAt: iso(HOUR),
      interviewerIds: [hana.id],
      location: 'Room 4',
    });
    await rc.offers.create({
      applicationId: interviewed,
      salary: 70_000,
      currency: 'EUR',
      startDate: dayIso(30 * DAY),
      expiresOn: dayIso(10 * DAY),
    });

    const { recruiting } = await rc.dashboard.mine({});
    // Still in "Applied": Nadia, Nora and Tina on this job, Olga on the other.
    expect(recruiting!.newApplications.total).toBe(4);
    expect(recruiting!.newApplications.items.map((i) => [i.jobTitle, i.count])).toEqual([
      ['Sensor Engineer', 3],
      ['Other Secret Job', 1],
    ]);
    expect(recruiting!.stuck.items.map((i) => [i.who, i.stageName, i.days, i.targetDays])).toEqual([
      ['Sam Slow', 'Phone screen', 5, 3],
    ]);
    expect(recruiting!.stuck.total).toBe(1);
    expect(recruiting!.interviews.today).toBe(1);
    expect(recruiting!.interviews.week).toBe(1);
    expect(recruiting!.interviews.items.map((i) => i.who)).toEqual(['Tina Today']);
    expect(recruiting!.overdueScorecards.items.map((i) => [i.who, i.interviewer.name])).toEqual([
      ['Ian Interviewed', 'Hana Manager'],
    ]);
    expect(recruiting!.offers.awaitingApproval).toBe(1);
    expect(recruiting!.offers.items.map((o) => [o.who, o.status])).toEqual([
      ['Ian Interviewed', 'pending_approval'],
    ]);
    // A sent offer waits for the candidate's answer until its date; after that it has expired and waits for nobody.
    const sent = await rc.offers.create({
      applicationId: fresh,
      salary: 65_000,
      currency: 'EUR',
      startDate: dayIso(30 * DAY),
      expiresOn: dayIso(10 * DAY),
    });
    await em.nativeUpdate(Offer, { id: sent.id }, { status: 'sent', sentAt: new Date() });
    const waiting = (await rc.dashboard.mine({})).recruiting!.offers;
    expect(waiting.awaitingAnswer).toBe(1);
    expect(waiting.items.map((o) => [o.who, o.status])).toContainEqual(['Fred Fresh', 'sent']);
    await em.nativeUpdate(Offer, { id: sent.id }, { expiresOn: dayIso(-DAY) });
    const expired = (await rc.dashboard.mine({})).recruiting!.offers;
    expect(expired.awaitingAnswer).toBe(0);
    expect(expired.items.map((o) => o.who)).toEqual(['Ian Interviewed']);

    // The nudge tells Hana once a day, with a link to the form.
    expect(await rc.dashboard.nudge({ interviewId: past.id, userId: hana.id })).toEqual({ notified: 1 });
    expect(await rc.dashboard.nudge({ interviewId: past.id, userId: hana.id })).toEqual({ notified: 0 });
    const notes = await em.find(Notification, { user: hana.id, kind: 'scorecard_due' });
    expect(notes.map((n) => n.link)).toEqual([`/applications/${interviewed}/show?scorecard=${past.id}`]);
    // Ada's is in: nothing to nudge. A made-up seat is not found.
    expect(await codeOf(rc.dashboard.nudge({ interviewId: past.id, userId: ada.id }))).toBe('BAD_REQUEST');
    expect(await codeOf(rc.dashboard.nudge({ interviewId: past.id, userId: slow }))).toBe('NOT_FOUND');
  });

  it("gives a hiring manager their interviews, the scorecards they owe and the decisions on their jobs; others' jobs stay out", async () => {
    const { rc, ac, hc, oc, hana, ada, job, stage, addCandidate } = await setup();
    const interviewed = await addCandidate('Ian Interviewed');
    await rc.applications.move({ ids: [interviewed], stageId: stage('interview').id });
    const past = await rc.interviews.schedule({
      applicationId: interviewed,
      startsAt: iso(-3 * HOUR),
      endsAt: iso(-2 * HOUR),
      interviewerIds: [hana.id, ada.id],
      location: 'Room 4',
    });
    await ac.interviews.submitScorecard({
      interviewId: past.id,
      ratings: [{ criterionId: job.criteria[0]!.id, rating: 4 }],
      recommendation: 'yes',
      notes: 'Good.',
    });
    const next = await addCandidate('Una Upcoming');
    const upcoming = await rc.interviews.schedule({
      applicationId: next,
      startsAt: iso(2 * DAY),
      endsAt: iso(2 * DAY + HOUR),
      interviewerIds: [hana.id],
      location: 'Room 4',
    });

    const { manager } = await hc.dashboard.mine({});
    expect(manager!.interviews.items.map((i) => [i.who, i.interviewId])).toEqual([
      ['Una Upcoming', upcoming.id],
    ]);
    expect(manager!.scorecardsOwed.items.map((i) => [i.who, i.interviewId])).toEqual([
      ['Ian Interviewed', past.id],
    ]);
    expect(manager!.awaitingDecision.items.map((i) => [i.who, i.stageName])).toEqual([
      ['Ian Interviewed', 'Interview'],
    ]);
    expect(manager!.mayDecide).toBe(false);
    // Otto manages another job: none of this is his.
    const other = await oc.dashboard.mine({});
    expect(JSON.stringify(other)).not.toContain('Ian Interviewed');
    expect(JSON.stringify(other)).not.toContain('Una Upcoming');
  });

  it("lets a hiring manager read the team's feedback on their jobs once the first is in, only when the tenant allows it", async () => {
    const { rc, ac, ic, hc, ada, job, stage, addCandidate } = await setup();
    const app = await addCandidate('Fay Feedback');
    await rc.applications.move({ ids: [app], stageId: stage('interview').id });
    const past = await rc.interviews.schedule({
      applicationId: app,
      startsAt: iso(-3 * HOUR),
      endsAt: iso(-2 * HOUR),
      interviewerIds: [ada.id],
      location: 'Room 4',
    });
    expect((await hc.interviews.scorecards({ applicationId: app })).visible).toBe(false);
    const settings = await ac.settings.hiring();
    await ac.settings.updateHiring({ ...settings, managersSeeTeamFeedback: true });
    // On, but nothing in yet: nothing to read.
    expect((await hc.interviews.scorecards({ applicationId: app })).visible).toBe(false);
    await ac.interviews.submitScorecard({
      interviewId: past.id,
      ratings: [{ criterionId: job.criteria[0]!.id, rating: 4 }],
      recommendation: 'yes',
      notes: 'Clear thinker.',
    });
    const seen = await hc.interviews.scorecards({ applicationId: app });
    expect(seen.visible).toBe(true);
    expect(seen.scorecards.map((c) => c.notes)).toEqual(['Clear thinker.']);
    // Ivan only interviews on this job: he still waits for his own first.
    expect((await ic.interviews.scorecards({ applicationId: app })).visible).toBe(false);
    await ac.settings.updateHiring({ ...settings, managersSeeTeamFeedback: false });
    expect((await hc.interviews.scorecards({ applicationId: app })).visible).toBe(false);
  });

  it('lets a hiring manager move and reject only on jobs they manage, and only when the tenant allows it', async () => {
    const { tenant, ac, hc, ic, otherJob, stage, addCandidate } = await setup();
    const mine = await addCandidate('Mia Mine');
    const theirs = await addCandidate('Theo Theirs', otherJob.id);
    const move = (caller: typeof hc, id: string, stageId = stage('screening').id) =>
      codeOf(caller.applications.move({ ids: [id], stageId }));
    const reject = (caller: typeof hc, id: string) =>
      codeOf(caller.applications.reject({ ids: [id], reasonId: 'other' }));
    // Setting off: refused, on their own job too.
    expect(await move(hc, mine)).toBe('FORBIDDEN');
    expect(await reject(hc, mine)).toBe('FORBIDDEN');
    const settings = await ac.settings.hiring();
    await ac.settings.updateHiring({ ...settings, managersMayDecide: true });
    expect((await hc.dashboard.mine({})).manager!.mayDecide).toBe(true);
    // Another job: as if it did not exist.
    expect(await move(hc, theirs, stage('screening', otherJob).id)).toBe('NOT_FOUND');
    expect(await reject(hc, theirs)).toBe('NOT_FOUND');
    // An interviewer's seat is not a hiring manager's.
    expect(await move(ic, mine)).toBe('FORBIDDEN');
    // Their own job: allowed.
    expect(await move(hc, mine)).toBe('OK');
    expect(await reject(hc, mine)).toBe('OK');
    const [row] = await tenantEm(db.orm(), tenant.id).find(Application, { id: mine });
    expect(row!.status).toBe('rejected');
  });

  it('gives admins the setup checklist, second factors, retention runs and the last audit check', async () => {
    const { ac, ada } = await setup();
    const before = (await ac.dashboard.mine({})).admin!;
    const steps = Object.fromEntries(before.setup.map((s) => [s.step, s.done]));
    expect(steps).toMatchObject({ first_job: true, team: true, your_second_factor: false });
    expect(before.usersWithoutSecondFactor.total).toBe(5);
    expect(before.usersWithoutSecondFactor.items.map((u) => u.name)).toContain(ada.name);
    expect(before.audit).toEqual({ lastVerifiedAt: null, intact: null });
    await ac.audit.verify();
    const after = (await ac.dashboard.mine({})).admin!;
    expect(after.audit.intact).toBe(true);
    expect(after.audit.lastVerifiedAt).not.toBeNull();
  });

  describe('access', () => {
    it('keeps the nudge from hiring managers, and another tenant from the interview', async () => {
      const { rc, hc, hana, ada, addCandidate, stage } = await setup();
      const app = await addCandidate('Pia Private');
      await rc.applications.move({ ids: [app], stageId: stage('interview').id });
      const past = await rc.interviews.schedule({
        applicationId: app,
        startsAt: iso(-3 * HOUR),
        endsAt: iso(-2 * HOUR),
        interviewerIds: [hana.id, ada.id],
        location: 'Room 4',
      });
      expect(await codeOf(hc.dashboard.nudge({ interviewId: past.id, userId: ada.id }))).toBe('FORBIDDEN');
      const em = db.orm().em.fork();
      const other = await seedTenant(em);
      const stranger = await seedUser(em, other, 'admin');
      const sc = await callerFor(deps, await sessionFor(deps, stranger.id, other.id));
      expect(await codeOf(sc.dashboard.nudge({ interviewId: past.id, userId: hana.id }))).toBe('NOT_FOUND');
      expect(JSON.stringify(await sc.dashboard.mine({}))).not.toContain('Pia Private');
    });
  });
});
