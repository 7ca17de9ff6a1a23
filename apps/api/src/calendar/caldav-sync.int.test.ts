import { Interview, OutboxEmail, StaffCalendar } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { type Radicale, radicaleInstalled, startRadicale } from '../testing/radicale.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

const available = radicaleInstalled();

forEachDatabase('calendar: CalDAV connection (Radicale)', (db) => {
  let radicale: Radicale;
  beforeAll(async () => {
    if (available) radicale = await startRadicale();
  });
  afterAll(() => radicale?.stop());

  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const alice = await seedUser(em, tenant, 'hiring_manager', { name: 'Alice Interviewer' });
    const bob = await seedUser(em, tenant, 'hiring_manager', { name: 'Bob Interviewer' });
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(db.orm(), actor, {}, { name: 'Casey Quinn' });
    const login = (user: { id: string }) => `u${user.id.slice(0, 8)}`;
    return { tenant, recruiter, alice, bob, deps, as, login, ...seeded };
  };

  it.skipIf(!available)(
    'connects after signing in, keeps the app password sealed, refuses a wrong one',
    async () => {
      const { alice, as, login } = await setup();
      await radicale.addUser(login(alice), 'alice-app-password');
      const aliceCaller = await as(alice);
      await expect(
        aliceCaller.calendar.connectCalDav({
          serverUrl: radicale.url,
          username: login(alice),
          password: 'wrong',
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect((await aliceCaller.calendar.mine()).caldav).toBeNull();
      const settings = await aliceCaller.calendar.connectCalDav({
        serverUrl: radicale.url,
        username: login(alice),
        password: 'alice-app-password',
      });
      expect(settings.caldav).toMatchObject({ serverUrl: radicale.url, username: login(alice), error: null });
      expect(settings.caldav!.calendarUrl).toContain(`/${login(alice)}/calendar`);
      const row = await db.orm().em.fork().findOneOrFail(StaffCalendar, { user: alice.id });
      expect(row.caldavPasswordWrapped).toMatch(/^v1\./);
      expect(row.caldavPasswordWrapped).not.toContain('alice-app-password');
      expect((await aliceCaller.calendar.disconnectCalDav()).caldav).toBeNull();
    },
  );

  it.skipIf(!available)(
    'writes, moves and removes the interview in each connected calendar; a failing one is recorded, not blocking',
    async () => {
      const { alice, bob, recruiter, as, login, applicationId, job } = await setup();
      await radicale.addUser(login(alice), 'pw-a');
      const bobCalendar = await radicale.addUser(login(bob), 'pw-b');
      await (await as(alice)).calendar.connectCalDav({
        serverUrl: radicale.url,
        username: login(alice),
        password: 'pw-a',
      });
      await (await as(bob)).calendar.connectCalDav({
        serverUrl: radicale.url,
        username: login(bob),
        password: 'pw-b',
      });
      // Bob's calendar goes away on the server: writing to it fails.
      await fetch(bobCalendar, {
        method: 'DELETE',
        headers: { Authorization: `Basic ${Buffer.from(`${login(bob)}:pw-b`).toString('base64')}` },
      });

      const recruiterCaller = await as(recruiter);
      const interview = await recruiterCaller.interviews.schedule({
        applicationId,
        startsAt: '2030-06-04T09:00:00Z',
        endsAt: '2030-06-04T10:00:00Z',
        interviewerIds: [alice.id, bob.id],
        location: 'Room 2',
        videoUrl: 'https://meet.example.test/r2',
      });
      expect(interview.status).toBe('scheduled');
      const aliceEvents = async () =>
        (await radicale.eventsOf(login(alice), 'pw-a')).filter((e) =>
          e.includes(`UID:${interview.id}@candor`),
        );
      let [event] = await aliceEvents();
      expect(event).toContain('DTSTART:20300604T090000Z');
      expect(event).toContain(`SUMMARY:Interview: ${job.title}`);
      expect(event).toContain('LOCATION:Room 2');
      expect(event).not.toContain('Casey Quinn');
      const bobSettings = await (await as(bob)).calendar.mine();
      expect(bobSettings.caldav!.error).toMatch(/refused/);
      expect((await (await as(alice)).calendar.mine()).caldav!.error).toBeNull();

      await recruiterCaller.interviews.reschedule({
        id: interview.id,
        startsAt: '2030-06-05T13:00:00Z',
        endsAt: '2030-06-05T14:00:00Z',
        location: 'Room 3',
      });
      [event] = await aliceEvents();
      expect(event).toContain('DTSTART:20300605T130000Z');
      expect(event).toContain('SEQUENCE:1');
      expect(event).toContain('LOCATION:Room 3');

      await recruiterCaller.interviews.cancel({ id: interview.id });
      expect(await aliceEvents()).toEqual([]);
    },
  );

  it.skipIf(!available)(
    'offers the times all interviewers can make: working hours in their zones, Candor interviews, calendar busy times',
    async () => {
      const { tenant, alice, bob, recruiter, as, login, applicationId, job } = await setup();
      const recruiterCaller = await as(recruiter);
      await recruiterCaller.jobs.update({ id: job.id, timeZone: 'Europe/Berlin' });
      // Alice works Mondays 09:00–13:00 in Berlin (07:00–11:00 UTC in June); Bob keeps the default, 09:00–17:00 UTC.
      await (await as(alice)).calendar.update({
        timeZone: 'Europe/Berlin',
        workingHours: [{ weekday: 1, start: '09:00', end: '13:00' }],
      });
      await radicale.addUser(login(bob), 'pw-b');
      await (await as(bob)).calendar.connectCalDav({
        serverUrl: radicale.url,
        username: login(bob),
        password: 'pw-b',
      });
      await radicale.putEvent(login(bob), 'pw-b', {
        uid: 'dentist',
        start: new Date('2030-06-03T09:30:00Z'),
        end: new Date('2030-06-03T10:00:00Z'),
      });
      // Alice has a Candor interview at 10:30 UTC (about another candidate, in another application).
      const other = await seedJobWithApplicant(db.orm(), {
        userId: recruiter.id,
        tenantId: tenant.id,
        role: 'recruiter',
        requestId: 't',
      });
      await recruiterCaller.interviews.schedule({
        applicationId: other.applicationId,
        startsAt: '2030-06-03T10:30:00Z',
        endsAt: '2030-06-03T11:00:00Z',
        interviewerIds: [alice.id],
        location: 'Room 9',
      });

      const offer = await recruiterCaller.calendar.freeSlots({
        applicationId,
        interviewerIds: [alice.id, bob.id],
        durationMinutes: 30,
        from: '2030-06-03',
        to: '2030-06-04',
      });
      expect(offer.timeZone).toBe('Europe/Berlin');
      expect(offer.calendarsUnread).toEqual([]);
      expect(offer.slots.map((s) => s.startsAt)).toEqual([
        '2030-06-03T09:00:00.000Z',
        '2030-06-03T10:00:00.000Z',
      ]);
    },
  );

  it.skipIf(!available)(
    'a candidate is not offered, and cannot book, a time an interviewer has since filled in their own calendar',
    async () => {
      const { tenant, alice, recruiter, as, login, applicationId } = await setup();
      await radicale.addUser(login(alice), 'pw-a');
      await (await as(alice)).calendar.connectCalDav({
        serverUrl: radicale.url,
        username: login(alice),
        password: 'pw-a',
      });
      await (await as(recruiter)).scheduling.offer({
        applicationId,
        interviewerIds: [alice.id],
        videoUrl: 'https://meet.example.test/pick',
        slots: [
          { startsAt: '2030-06-03T09:00:00Z', endsAt: '2030-06-03T10:00:00Z' },
          { startsAt: '2030-06-04T13:00:00Z', endsAt: '2030-06-04T14:00:00Z' },
        ],
      });
      const em = tenantEm(db.orm(), tenant.id);
      const [mail] = await em.find(OutboxEmail, { template: 'self_scheduling_invitation' });
      const token = mail!.text.match(/schedule\/\?t=([A-Za-z0-9_-]{43})/)![1]!;
      const client = httpClient(testDeps(db.orm()));
      const path = `/careers/${tenant.slug}/schedule/`;
      const book = (slot: string) =>
        client.request(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, tz: 'UTC', slot }).toString(),
        });
      // Alice's dentist appointment lands on the first time after the offer went out.
      await radicale.putEvent(login(alice), 'pw-a', {
        uid: 'dentist',
        start: new Date('2030-06-03T09:30:00Z'),
        end: new Date('2030-06-03T10:30:00Z'),
      });
      const html = await (await client.request(`${path}?t=${token}&tz=UTC`)).text();
      expect(html).not.toContain('2030-06-03T09:00:00.000Z');
      expect(html).toContain('2030-06-04T13:00:00.000Z');
      // An old page posting it is refused; the other time books.
      const refused = await book('2030-06-03T09:00:00.000Z');
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('that time is no longer free');
      expect(await em.count(Interview, {})).toBe(0);
      expect((await book('2030-06-04T13:00:00.000Z')).status).toBe(200);
      expect(await em.count(Interview, {})).toBe(1);
    },
  );

  it.skipIf(!available)(
    'calls no calendar server on a private network unless the operator allows it',
    async () => {
      const { tenant, alice, recruiter, login, applicationId } = await setup();
      await radicale.addUser(login(alice), 'pw-a');
      // Connected while the operator allowed private hosts (as the tests do) ...
      const allowed = testDeps(db.orm());
      await (await callerFor(allowed, await sessionFor(allowed, alice.id, tenant.id))).calendar.connectCalDav(
        {
          serverUrl: radicale.url,
          username: login(alice),
          password: 'pw-a',
        },
      );
      // ... and then not: Radicale listens on 127.0.0.1.
      const strict = testDeps(db.orm(), { allowPrivateHosts: false });
      const as = async (user: { id: string }) =>
        callerFor(strict, await sessionFor(strict, user.id, tenant.id));
      await expect(
        (await as(alice)).calendar.connectCalDav({
          serverUrl: radicale.url,
          username: login(alice),
          password: 'pw-a',
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/private network/) });
      const offer = await (await as(recruiter)).calendar.freeSlots({
        applicationId,
        interviewerIds: [alice.id],
        durationMinutes: 60,
        from: '2030-06-03',
        to: '2030-06-03',
      });
      expect(offer.calendarsUnread.map((p) => p.id)).toEqual([alice.id]);
      expect((await (await as(alice)).calendar.mine()).caldav!.error).toMatch(/private network/);
    },
  );
});
