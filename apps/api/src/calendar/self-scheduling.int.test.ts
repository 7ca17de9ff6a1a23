import { Candidate, OutboxEmail, SchedulingLink } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { hashToken } from '../auth/token-hash.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';

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
});
