import { type InferEntity, OutboxEmail } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { createApp } from '../app.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';

function icsOf(mail: InferEntity<typeof OutboxEmail>): string {
  return Buffer.from(mail.attachments![0]!.contentBase64, 'base64').toString('utf8').replace(/\r\n /g, '');
}

forEachDatabase('calendar: time zones and the ICS feed', (db) => {
  const setup = async (job: { timeZone?: string | null } = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const alice = await seedUser(em, tenant, 'hiring_manager', { name: 'Alice Interviewer' });
    const bob = await seedUser(em, tenant, 'hiring_manager', { name: 'Bob Interviewer' });
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(db.orm(), actor, job, {
      name: 'Casey Quinn',
      email: `casey.${Date.now()}@example.test`,
    });
    return { tenant, recruiter, alice, bob, deps, as, ...seeded };
  };

  it('shows each recipient the time in their own zone, named, with the room and the video link; the .ics stays UTC', async () => {
    const { tenant, recruiter, alice, bob, as, applicationId, candidate } = await setup({
      timeZone: 'America/New_York',
    });
    const aliceCaller = await as(alice);
    await aliceCaller.calendar.update({ timeZone: 'Europe/Berlin', workingHours: [] });
    expect((await aliceCaller.calendar.mine()).timeZone).toBe('Europe/Berlin');
    await (await as(recruiter)).interviews.schedule({
      applicationId,
      startsAt: '2026-12-08T13:00:00Z',
      endsAt: '2026-12-08T14:00:00Z',
      interviewerIds: [alice.id, bob.id],
      location: 'Room 4.2',
      videoUrl: 'https://meet.example.test/abc',
    });
    const em = tenantEm(db.orm(), tenant.id);
    const mailTo = async (to: string) => (await em.find(OutboxEmail, { to }))[0]!;
    const toCandidate = await mailTo(candidate.email);
    expect(toCandidate.text).toContain('When: Tue 8 Dec 2026, 08:00–09:00 (America/New_York)');
    expect(toCandidate.text).toContain('Where: Room 4.2, or by video: https://meet.example.test/abc');
    expect((await mailTo(alice.email)).text).toContain('When: Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)');
    expect((await mailTo(bob.email)).text).toContain('When: Tue 8 Dec 2026, 13:00–14:00 (UTC)');
    for (const mail of [toCandidate, await mailTo(alice.email)]) {
      const ics = icsOf(mail);
      expect(ics).toContain('DTSTART:20261208T130000Z');
      expect(ics).toContain('LOCATION:Room 4.2');
      expect(ics).toContain('URL:https://meet.example.test/abc');
    }
  });

  it('refuses an unknown time zone with a field error, for a person and for a job', async () => {
    const { alice, recruiter, as, job } = await setup();
    const aliceCaller = await as(alice);
    await expect(
      aliceCaller.calendar.update({ timeZone: 'Mars/Olympus', workingHours: [] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      aliceCaller.calendar.update({
        timeZone: 'UTC',
        workingHours: [{ weekday: 1, start: '17:00', end: '09:00' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const recruiterCaller = await as(recruiter);
    await expect(
      recruiterCaller.jobs.update({ id: job.id, timeZone: 'Europe/Nowhere' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await recruiterCaller.jobs.update({ id: job.id, timeZone: 'Asia/Tokyo' })).timeZone).toBe(
      'Asia/Tokyo',
    );
  });

  it('serves the private feed of upcoming interviews without a session, until renewed or revoked', async () => {
    const { recruiter, alice, bob, deps, as, applicationId, job } = await setup();
    const recruiterCaller = await as(recruiter);
    const kept = await recruiterCaller.interviews.schedule({
      applicationId,
      startsAt: '2030-05-02T09:00:00Z',
      endsAt: '2030-05-02T10:00:00Z',
      interviewerIds: [alice.id],
      location: 'Room 7',
    });
    const cancelled = await recruiterCaller.interviews.schedule({
      applicationId,
      startsAt: '2030-05-03T09:00:00Z',
      endsAt: '2030-05-03T10:00:00Z',
      interviewerIds: [alice.id],
      videoUrl: 'https://meet.example.test/x',
    });
    await recruiterCaller.interviews.cancel({ id: cancelled.id });
    const bobs = await recruiterCaller.interviews.schedule({
      applicationId,
      startsAt: '2030-05-04T09:00:00Z',
      endsAt: '2030-05-04T10:00:00Z',
      interviewerIds: [bob.id],
      videoUrl: 'https://meet.example.test/y',
    });

    const aliceCaller = await as(alice);
    expect((await aliceCaller.calendar.mine()).feedCreatedAt).toBeNull();
    const { url } = await aliceCaller.calendar.renewFeed();
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/calendar/feed/[A-Za-z0-9_-]{43}\\.ics$`));
    expect((await aliceCaller.calendar.mine()).feedCreatedAt).not.toBeNull();
    const app = createApp(deps);
    const fetchFeed = (link: string) =>
      app.request(new URL(link).pathname, { headers: { Host: 'candor.test' } });
    const res = await fetchFeed(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/calendar');
    const feed = (await res.text()).replace(/\r\n /g, '');
    expect(feed).toContain(`UID:${kept.id}@candor`);
    expect(feed).toContain('DTSTART:20300502T090000Z');
    expect(feed).toContain(`SUMMARY:Interview: ${job.title}`);
    expect(feed).toContain('LOCATION:Room 7');
    expect(feed).toContain(`/admin/#/applications/${applicationId}/show`);
    expect(feed).not.toContain('METHOD:');
    expect(feed).not.toContain(cancelled.id);
    expect(feed).not.toContain(bobs.id);
    expect(feed).not.toContain('Casey Quinn');

    const renewed = await aliceCaller.calendar.renewFeed();
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await fetchFeed(renewed.url)).status).toBe(200);
    await aliceCaller.calendar.revokeFeed();
    expect((await fetchFeed(renewed.url)).status).toBe(404);
    expect((await aliceCaller.calendar.mine()).feedCreatedAt).toBeNull();
  });
});
