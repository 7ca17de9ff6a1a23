import { Membership, Notification, OutboxEmail, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { dayOf, type TRole } from '@candor/schemas';
import { beforeAll, expect, it } from 'vitest';
import { eraseSubjects } from '../privacy/subject-erasure.js';
import { daysFromNow } from '../testing/dates.js';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { setBackofficeBase } from './backoffice-link.js';
import { runNotificationChecks } from './periodic.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

forEachDatabase('staff notifications', (db) => {
  let deps: ReturnType<typeof testDeps>;
  beforeAll(() => {
    deps = testDeps(db.orm());
    setBackofficeBase(TEST_ORIGIN);
  });

  /**
   * A tenant with a job whose hiring team is Rita (recruiter) and Hana
   * (hiring manager); Otto is a hiring manager elsewhere, Ada an admin not on
   * the team. Each test makes its own, so counts start at zero.
   */
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const user = (role: TRole, name: string) => seedUser(em, tenant, role, { name });
    const ada = await user('admin', 'Ada Admin');
    const rita = await user('recruiter', 'Rita Recruiter');
    const hana = await user('hiring_manager', 'Hana Manager');
    const otto = await user('hiring_manager', 'Otto Outsider');
    const as = async (u: { id: string }) => callerFor(deps, await sessionFor(deps, u.id, tenant.id));
    const [ac, rc, hc, oc] = await Promise.all([as(ada), as(rita), as(hana), as(otto)]);
    const job = await rc.jobs.create({
      title: 'Sensor Engineer',
      department: 'Engineering',
      workplace: 'remote',
      employmentType: 'full_time',
      hiringTeam: [
        { userId: rita.id, role: 'recruiter' },
        { userId: hana.id, role: 'hiring_manager' },
      ],
      criteria: [{ name: 'Signals' }],
    });
    const addCandidate = async (name: string) => {
      const c = await ac.candidates.create({
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.test`,
        jobId: job.id,
      });
      return { candidateId: c.id, applicationId: c.applications[0]!.id };
    };
    return { tenant, ada, rita, hana, otto, ac, rc, hc, oc, job, addCandidate };
  };

  const kindsOf = async (caller: Awaited<ReturnType<typeof setup>>['rc']) =>
    (await caller.notifications.list({})).items.map((n) => `${n.kind}: ${n.text}`);

  it('tells the hiring team of a new application, and no one else', async () => {
    const { ac, rc, hc, oc, addCandidate } = await setup();
    const { applicationId } = await addCandidate('Nadia Newcomer');
    expect(await kindsOf(rc)).toEqual(['new_application: Nadia Newcomer applied for Sensor Engineer']);
    expect(await kindsOf(hc)).toEqual(['new_application: Nadia Newcomer applied for Sensor Engineer']);
    // Not on the team (Otto), or the one who added the candidate (Ada).
    expect(await kindsOf(oc)).toEqual([]);
    expect(await kindsOf(ac)).toEqual([]);
    const [item] = (await rc.notifications.list({})).items;
    expect(item!.link).toBe(`/applications/${applicationId}/show`);
    expect(await rc.notifications.unreadCount()).toEqual({ unread: 1 });
  });

  it('keeps each member to their own notifications, in their own tenant', async () => {
    const { rc, hc, rita, addCandidate } = await setup();
    await addCandidate('Ivo Isolated');
    const [mine] = (await rc.notifications.list({})).items;
    // Another tenant's member, and a colleague, cannot read or mark it.
    const em = db.orm().em.fork();
    const other = await seedTenant(em);
    const stranger = await seedUser(em, other, 'admin');
    const sc = await callerFor(deps, await sessionFor(deps, stranger.id, other.id));
    expect((await sc.notifications.list({})).items).toEqual([]);
    await sc.notifications.markRead({ ids: [mine!.id] });
    await hc.notifications.markRead({ ids: [mine!.id] });
    expect(await rc.notifications.unreadCount()).toEqual({ unread: 1 });
    // The same person in a second tenant sees that tenant's only.
    em.create(Membership, { tenant: other, user: rita.id, role: 'admin', status: 'active' });
    await em.flush();
    const ritaElsewhere = await callerFor(deps, await sessionFor(deps, rita.id, other.id));
    expect((await ritaElsewhere.notifications.list({})).items).toEqual([]);
    expect(await ritaElsewhere.notifications.unreadCount()).toEqual({ unread: 0 });
    // Marking read.
    expect(await rc.notifications.markRead({ ids: [mine!.id] })).toEqual({ unread: 0 });
    expect((await rc.notifications.list({ unreadOnly: true })).items).toEqual([]);
  });

  it('emails at once those who chose it, and the rest in one daily digest that names no candidate', async () => {
    const { tenant, rita, hana, hc, rc, addCandidate } = await setup();
    expect(await rc.notifications.preferences()).toEqual({ email: 'digest' });
    expect(await hc.notifications.setPreferences({ email: 'immediate' })).toEqual({ email: 'immediate' });
    const { applicationId } = await addCandidate('Dora Digest');
    const em = tenantEm(db.orm(), tenant.id);
    const immediate = await em.find(OutboxEmail, { template: 'staff_notification' });
    expect(immediate.map((m) => m.to)).toEqual([hana.email]);
    expect(immediate[0]!.text).toContain('Dora Digest applied for Sensor Engineer');
    expect(immediate[0]!.text).toContain(`${TEST_ORIGIN}/admin/#/applications/${applicationId}/show`);

    await runNotificationChecks(db.orm());
    const digests = await em.find(OutboxEmail, { template: 'notification_digest' });
    // Rita chose the digest; Hana had hers at once.
    expect(digests.map((m) => m.to)).toEqual([rita.email]);
    expect(digests[0]!.subject).toBe(`${tenant.name}: 1 unread notification in Candor`);
    expect(digests[0]!.text).toContain(
      `- New application\n  ${TEST_ORIGIN}/admin/#/applications/${applicationId}/show`,
    );
    expect(digests[0]!.text).not.toContain('Dora Digest');
    // Once a day: a second run (another instance, the next check) sends nothing more.
    await addCandidate('Second Sender');
    await runNotificationChecks(db.orm());
    expect(await em.count(OutboxEmail, { template: 'notification_digest' })).toBe(1);
    // Tomorrow, only what came since.
    await runNotificationChecks(db.orm(), new Date(Date.now() + 24 * HOUR));
    const next = await em.find(
      OutboxEmail,
      { template: 'notification_digest' },
      { orderBy: { createdAt: 'asc' } },
    );
    expect(next).toHaveLength(2);
    expect(next[1]!.subject).toBe(`${tenant.name}: 1 unread notification in Candor`);
    // In-app only: nothing more by email (so far Hana's two at once, Rita's two digests).
    const emailed = { template: { $in: ['notification_digest', 'staff_notification'] } };
    expect(await em.count(OutboxEmail, emailed)).toBe(4);
    await rc.notifications.setPreferences({ email: 'off' });
    await hc.notifications.setPreferences({ email: 'off' });
    await addCandidate('Quiet Quentin');
    await runNotificationChecks(db.orm(), new Date(Date.now() + 48 * HOUR));
    expect(await em.count(OutboxEmail, emailed)).toBe(4);
    expect(await rc.notifications.unreadCount()).toEqual({ unread: 3 });
  });

  it('tells colleagues @mentioned in a note who can read the application, with the author', async () => {
    const { rc, hc, oc, ac, addCandidate } = await setup();
    const { applicationId } = await addCandidate('Mona Mention');
    const mentionable = await rc.notifications.mentionable({ applicationId });
    // Those who see every job and the job's team; not Otto, not Rita herself.
    expect(mentionable.map((m) => m.name)).toEqual(['Ada Admin', 'Hana Manager']);
    await Promise.all([rc, hc, ac].map((c) => c.notifications.markAllRead()));
    await rc.applications.addNote({
      applicationId,
      body: 'Strong signals work. @Hana Manager, could you look? @Otto Outsider too. cc @ada admin.',
    });
    const [toHana] = (await hc.notifications.list({ unreadOnly: true })).items;
    expect(toHana).toMatchObject({
      kind: 'mention',
      text: 'Note on Mona Mention for Sensor Engineer',
      actorName: 'Rita Recruiter',
    });
    expect((await ac.notifications.list({ unreadOnly: true })).items.map((n) => n.kind)).toEqual(['mention']);
    // Otto cannot open the application: no notification points him at it.
    expect(await kindsOf(oc)).toEqual([]);
    expect((await rc.notifications.list({ unreadOnly: true })).items).toEqual([]);
    // Nor can he list who may read it.
    await expect(oc.notifications.mentionable({ applicationId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('reminds each interviewer of a scorecard due once the interview ended, once, with the form a click away', async () => {
    const { rc, hc, ac, ada, hana, addCandidate } = await setup();
    const { applicationId } = await addCandidate('Sam Scorecard');
    const past = await rc.interviews.schedule({
      applicationId,
      title: 'Systems',
      startsAt: iso(-3 * HOUR),
      endsAt: iso(-2 * HOUR),
      interviewerIds: [hana.id, ada.id],
      videoUrl: 'https://meet.example.test/sys',
    });
    // Ada already wrote hers.
    await ac.interviews.submitScorecard({
      interviewId: past.id,
      ratings: [
        {
          criterionId: (await rc.jobs.get({ id: (await rc.applications.get({ id: applicationId })).job.id }))
            .criteria[0]!.id,
          rating: 3,
        },
      ],
      recommendation: 'yes',
      notes: 'Fine.',
    });
    await runNotificationChecks(db.orm());
    await runNotificationChecks(db.orm());
    const due = (await hc.notifications.list({})).items.filter((n) => n.kind === 'scorecard_due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      text: 'Your scorecard for Sam Scorecard (Sensor Engineer)',
      link: `/applications/${applicationId}/show?scorecard=${past.id}`,
    });
    expect((await ac.notifications.list({})).items.filter((n) => n.kind === 'scorecard_due')).toEqual([]);
  });

  it('reminds interviewers of an interview within a day, once per time it is set for', async () => {
    const { rc, hc, hana, addCandidate } = await setup();
    const { applicationId } = await addCandidate('Tia Tomorrow');
    const later = await rc.interviews.schedule({
      applicationId,
      title: 'Onsite',
      startsAt: iso(20 * HOUR),
      endsAt: iso(21 * HOUR),
      interviewerIds: [hana.id],
      location: 'Room 4',
    });
    // Not yet due two days before.
    await rc.interviews.schedule({
      applicationId,
      title: 'Later',
      startsAt: iso(50 * HOUR),
      endsAt: iso(51 * HOUR),
      interviewerIds: [hana.id],
      location: 'Room 5',
    });
    await runNotificationChecks(db.orm());
    await runNotificationChecks(db.orm());
    const soon = () =>
      hc.notifications.list({}).then((l) => l.items.filter((n) => n.kind === 'interview_tomorrow'));
    expect(await soon()).toHaveLength(1);
    expect((await soon())[0]!.text).toMatch(
      /^Interview with Tia Tomorrow \(Sensor Engineer\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    // Moved: a new reminder for the new time.
    await rc.interviews.reschedule({
      id: later.id,
      startsAt: iso(22 * HOUR),
      endsAt: iso(23 * HOUR),
      location: 'Room 4',
    });
    await runNotificationChecks(db.orm());
    expect(await soon()).toHaveLength(2);
  });

  it('tells who made, approved and hires for an offer when the candidate accepts', async () => {
    const { tenant, rc, ac, hc, addCandidate } = await setup();
    const { applicationId } = await addCandidate('Olu Offeree');
    const offer = await rc.offers.create({
      applicationId,
      salary: 70_000,
      currency: 'eur',
      startDate: daysFromNow(30),
      expiresOn: daysFromNow(7),
    });
    await ac.offers.approve({ id: offer.id });
    await rc.offers.send({ id: offer.id });
    const [mail] = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { template: 'offer' });
    const token = /\/offers\/(\S+)/.exec(mail!.text)![1]!;
    await (await callerFor(deps)).offers.respond({ token, decision: 'accept' });
    for (const caller of [rc, ac, hc]) {
      expect((await caller.notifications.list({})).items[0]).toMatchObject({
        kind: 'offer_accepted',
        text: 'Olu Offeree accepted the offer for Sensor Engineer',
      });
    }
  });

  it('tells those who answer privacy requests when one is due soon, once, naming no requester', async () => {
    const { ac, rc } = await setup();
    const received = dayOf(new Date(Date.now() - 26 * 24 * HOUR));
    await ac.requests.create({
      type: 'erasure',
      channel: 'email',
      requesterEmail: 'rhea.requester@example.test',
      requesterName: 'Rhea Requester',
      country: 'pt',
      receivedOn: received,
    });
    await runNotificationChecks(db.orm());
    await runNotificationChecks(db.orm());
    const due = (await ac.notifications.list({})).items.filter((n) => n.kind === 'request_due');
    expect(due).toHaveLength(1);
    expect(due[0]!.text).toMatch(/^Erasure request [0-9A-F]{8} due \d{4}-\d\d-\d\d$/);
    expect(due[0]!.link).toMatch(/^\/privacy-requests\/[0-9a-f-]{36}\/show$/);
    expect(await kindsOf(rc)).toEqual([]);
  });

  it('shows a blind reviewer the alias, not the name, while the application is in blind review', async () => {
    const { tenant, rc, hc, hana, job, addCandidate } = await setup();
    await rc.jobs.setStages({
      id: job.id,
      stages: job.stages.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        blindReview: s.kind === 'applied',
      })),
    });
    await hc.notifications.setPreferences({ email: 'immediate' });
    const { applicationId } = await addCandidate('Zelda Hidden');
    const [item] = (await hc.notifications.list({})).items;
    expect(item!.text).toMatch(/^Candidate [0-9A-F]{4} applied for Sensor Engineer$/);
    const [mail] = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { to: hana.email });
    expect(mail!.text).toContain(item!.text);
    expect(`${mail!.subject} ${mail!.text}`).not.toContain('Zelda');
    // The recruiter sees who it is; and once revealed, so does the reviewer.
    expect((await rc.notifications.list({})).items[0]!.text).toBe('Zelda Hidden applied for Sensor Engineer');
    await rc.applications.revealIdentity({ id: applicationId });
    expect((await hc.notifications.list({})).items[0]!.text).toBe('Zelda Hidden applied for Sensor Engineer');
  });

  it('goes with the candidate when they are erased', async () => {
    const { tenant, rc, hana, hc, addCandidate } = await setup();
    await hc.notifications.setPreferences({ email: 'immediate' });
    const { candidateId } = await addCandidate('Erin Erased');
    await addCandidate('Kim Kept');
    const em = tenantEm(db.orm(), tenant.id);
    expect(await em.count(Notification, { candidate: candidateId })).toBe(2);
    await em.transactional((tx) => eraseSubjects(tx, [candidateId]));
    const left = await db
      .orm()
      .em.fork()
      .find(Notification, { tenant: tenant.id }, { filters: { [TENANT_FILTER]: false } });
    expect(left.map((n) => n.text).sort()).toEqual([
      'Kim Kept applied for Sensor Engineer',
      'Kim Kept applied for Sensor Engineer',
    ]);
    // The immediate email about them to Hana goes too.
    const mails = await em.find(OutboxEmail, { template: 'staff_notification', to: hana.email });
    expect(mails.map((m) => m.text.split('\n')[0])).toEqual(['Kim Kept applied for Sensor Engineer']);
    expect((await rc.notifications.list({})).items.map((n) => n.text)).toEqual([
      'Kim Kept applied for Sensor Engineer',
    ]);
  });
});
