import {
  AuditEvent,
  Candidate,
  Interview,
  InterviewParticipant,
  OutboxEmail,
  SchedulingLink,
} from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { hashToken } from '../auth/token-hash.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

forEachDatabase('self-scheduling', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const alice = await seedUser(em, tenant, 'hiring_manager', { name: 'Alice Interviewer' });
    const deps = testDeps(db.orm());
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(
      db.orm(),
      actor,
      {},
      {
        name: 'Casey Quinn',
        email: 'casey.quinn@example.test',
      },
    );
    const caller = await callerFor(deps, await sessionFor(deps, recruiter.id, tenant.id));
    return { tenant, recruiter, alice, deps, caller, ...seeded };
  };
  const slots = [
    { startsAt: '2030-06-04T13:00:00Z', endsAt: '2030-06-04T14:00:00Z' },
    { startsAt: '2030-06-03T09:00:00Z', endsAt: '2030-06-03T10:00:00Z' },
  ];

  it('offers times: emails the candidate a one-time link to the careers site, stores only its hash', async () => {
    const { tenant, alice, caller, applicationId } = await setup();
    const link = await caller.scheduling.offer({
      applicationId,
      interviewerIds: [alice.id],
      videoUrl: 'https://meet.example.test/pick',
      slots,
    });
    expect(link.slots.map((s) => s.startsAt)).toEqual([
      '2030-06-03T09:00:00.000Z',
      '2030-06-04T13:00:00.000Z',
    ]);
    expect(link.bookedAt).toBeNull();
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    const em = tenantEm(db.orm(), tenant.id);
    const [mail] = await em.find(OutboxEmail, { template: 'self_scheduling_invitation' });
    expect(mail).toMatchObject({ to: 'casey.quinn@example.test', status: 'pending' });
    expect(mail!.text).toContain('/privacy/portal/');
    const token = mail!.text.match(
      new RegExp(`/careers/${tenant.slug}/schedule/\\?t=([A-Za-z0-9_-]{43})`),
    )?.[1];
    expect(token).toBeTruthy();
    const stored = await em.findOneOrFail(SchedulingLink, link.id);
    expect(stored.tokenHash).toBe(hashToken(token!));
    expect(stored.interviewerIds).toEqual([alice.id]);
  });

  it('refuses a candidate who restricted processing, past times and non-members', async () => {
    const { tenant, alice, caller, applicationId, candidate } = await setup();
    const input = {
      applicationId,
      interviewerIds: [alice.id],
      videoUrl: 'https://meet.example.test/pick',
      slots,
    };
    await expect(
      caller.scheduling.offer({
        ...input,
        slots: [{ startsAt: '2020-01-01T09:00:00Z', endsAt: '2020-01-01T10:00:00Z' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const stranger = await seedUser(db.orm().em.fork(), await seedTenant(db.orm().em.fork()), 'recruiter');
    await expect(caller.scheduling.offer({ ...input, interviewerIds: [stranger.id] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const em = tenantEm(db.orm(), tenant.id);
    await em.nativeUpdate(Candidate, { id: candidate.id }, { restrictedAt: new Date() });
    const admin = await seedUser(db.orm().em.fork(), tenant, 'admin');
    const deps = testDeps(db.orm());
    const asAdmin = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    await expect(asAdmin.scheduling.offer(input)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await em.count(SchedulingLink, {})).toBe(0);
    expect(await em.count(OutboxEmail, { template: 'self_scheduling_invitation' })).toBe(0);
  });

  /** Offers the two times with Alice and returns the link's token, read from the candidate's email. */
  const offered = async () => {
    const context = await setup();
    await context.caller.scheduling.offer({
      applicationId: context.applicationId,
      interviewerIds: [context.alice.id],
      title: 'Technical interview',
      videoUrl: 'https://meet.example.test/pick',
      slots,
    });
    const em = tenantEm(db.orm(), context.tenant.id);
    const [mail] = await em.find(OutboxEmail, { template: 'self_scheduling_invitation' });
    const token = mail!.text.match(/schedule\/\?t=([A-Za-z0-9_-]{43})/)![1]!;
    const client = httpClient(context.deps);
    const path = `/careers/${context.tenant.slug}/schedule/`;
    const book = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      client.request(path, {
        method: 'POST',
        headers: { ...FORM, ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    return { ...context, em, token, client, path, book };
  };

  it('shows the times in the zone the candidate picks, and books one: the interview, its invitations, the link used', async () => {
    const { em, token, client, path, book, alice, applicationId, caller } = await offered();
    const page = await client.request(`${path}?t=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('Pick a time for your interview');
    // The job's zone first.
    expect(html).toContain('Monday, June 3, 2030, 9:00');
    expect(html).toContain('<option value="UTC" selected>');
    const tokyo = await (await client.request(`${path}?t=${token}&tz=Asia%2FTokyo`)).text();
    expect(tokyo).toMatch(/Monday, June 3, 2030, 6:00\s.{0,3}\s7:00\sPM \(Asia\/Tokyo\)/u);
    expect(tokyo).toContain('<option value="Asia/Tokyo" selected>');

    const booked = await book({ token, tz: 'Asia/Tokyo', slot: '2030-06-03T09:00:00.000Z' });
    expect(booked.status).toBe(200);
    expect(await booked.text()).toContain('Your interview is booked');
    const [interview] = await caller.interviews.forApplication({ applicationId });
    expect(interview).toMatchObject({
      title: 'Technical interview',
      startsAt: '2030-06-03T09:00:00.000Z',
      endsAt: '2030-06-03T10:00:00.000Z',
      videoUrl: 'https://meet.example.test/pick',
    });
    expect(interview!.interviewers.map((i) => i.id)).toEqual([alice.id]);
    const [toCandidate] = await em.find(OutboxEmail, { template: 'candidate_interview_invitation' });
    expect(toCandidate!.text).toContain('(Asia/Tokyo)');
    expect(await em.count(OutboxEmail, { template: 'interview_invitation', to: alice.email })).toBe(1);
    const link = await em.findOneOrFail(SchedulingLink, { tokenHash: hashToken(token) });
    expect(link.bookedAt).not.toBeNull();
    expect(link.interview?.id).toBe(interview!.id);
    expect(await em.count(AuditEvent, { action: 'interview.self_schedule', actorId: null })).toBe(1);

    // The link works once.
    const again = await book({ token, tz: 'UTC', slot: '2030-06-04T13:00:00.000Z' });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('This link no longer works');
    expect((await client.request(`${path}?t=${token}`)).status).toBe(404);
    expect(await em.count(Interview, {})).toBe(1);
  });

  it('refuses a time an interviewer was booked for meanwhile and shows the rest', async () => {
    const { em, token, client, path, book, alice, applicationId, caller } = await offered();
    await caller.interviews.schedule({
      applicationId,
      startsAt: '2030-06-03T09:30:00Z',
      endsAt: '2030-06-03T10:30:00Z',
      interviewerIds: [alice.id],
      videoUrl: 'https://meet.example.test/other',
    });
    // The page no longer offers it ...
    const html = await (await client.request(`${path}?t=${token}&tz=UTC`)).text();
    expect(html).not.toContain('2030-06-03T09:00:00.000Z');
    expect(html).toContain('2030-06-04T13:00:00.000Z');
    // ... and a post for it (an old page) is refused, the link still usable.
    const refused = await book({ token, tz: 'UTC', slot: '2030-06-03T09:00:00.000Z' });
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toContain('that time is no longer free');
    expect(text).toContain('value="2030-06-04T13:00:00.000Z"');
    expect(await em.count(InterviewParticipant, { user: alice.id })).toBe(1);
    expect((await em.findOneOrFail(SchedulingLink, { tokenHash: hashToken(token) })).bookedAt).toBeNull();
    expect((await book({ token, tz: 'UTC', slot: '2030-06-04T13:00:00.000Z' })).status).toBe(200);
  });

  it('answers bad input with 400 and a clear page, never 500; a foreign origin with 403', async () => {
    const { token, client, path, book } = await offered();
    expect((await client.request(`${path}?t=short`)).status).toBe(400);
    expect((await client.request(`${path}?t=${token}&tz=Mars%2FOlympus`)).status).toBe(400);
    expect((await client.request(`${path}?t=${'A'.repeat(43)}`)).status).toBe(404);
    expect((await book({ token, tz: 'UTC', slot: 'tomorrow' })).status).toBe(400);
    expect((await book({ token, tz: 'UTC' })).status).toBe(400);
    expect((await book({ token, tz: 'UTC', slot: '2030-06-05T13:00:00.000Z' })).status).toBe(400);
    expect((await book({ token: 'x', tz: 'UTC', slot: '2030-06-04T13:00:00.000Z' })).status).toBe(400);
    expect(
      (await book({ token, tz: 'UTC', slot: '2030-06-04T13:00:00.000Z' }, { Origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
  });

  it('books nothing for a candidate who restricted processing after the offer', async () => {
    const { em, token, book, candidate } = await offered();
    await em.nativeUpdate(Candidate, { id: candidate.id }, { restrictedAt: new Date() });
    expect((await book({ token, tz: 'UTC', slot: '2030-06-04T13:00:00.000Z' })).status).toBe(404);
    expect(await em.count(Interview, {})).toBe(0);
  });

  it('books one person once when two candidates pick the same time through different links at the same moment', async () => {
    const { tenant, recruiter, alice, caller, deps } = await offered();
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const other = await seedJobWithApplicant(db.orm(), actor, {}, { name: 'Robin Other' });
    await caller.scheduling.offer({
      applicationId: other.applicationId,
      interviewerIds: [alice.id],
      videoUrl: 'https://meet.example.test/pick',
      slots,
    });
    const em = tenantEm(db.orm(), tenant.id);
    const tokens = (await em.find(OutboxEmail, { template: 'self_scheduling_invitation' })).map(
      (mail) => mail.text.match(/schedule\/\?t=([A-Za-z0-9_-]{43})/)![1]!,
    );
    expect(tokens).toHaveLength(2);
    const client = httpClient(deps);
    const statuses = await Promise.all(
      tokens.map(async (token) => {
        const response = await client.request(`/careers/${tenant.slug}/schedule/`, {
          method: 'POST',
          headers: FORM,
          body: new URLSearchParams({ token, tz: 'UTC', slot: '2030-06-03T09:00:00.000Z' }).toString(),
        });
        return response.status;
      }),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    expect(await em.count(InterviewParticipant, { user: alice.id })).toBe(1);
  });
});
