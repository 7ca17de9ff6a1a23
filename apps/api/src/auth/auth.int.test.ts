import { AuditEvent, Membership, TENANT_FILTER, User } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../http/rate-limit.js';
import { httpClient, testDeps } from '../testing/test-app.js';

forEachDatabase('sign-in', (db) => {
  it('sets an httpOnly SameSite session cookie, answers me, and signs out', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const user = await seedUser(em, tenant, 'recruiter');
    const client = httpClient(testDeps(db.orm()));

    const res = await client.signIn(user.email.toUpperCase());
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^candor_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = (await (await client.query('auth.me')).json()) as { result: { data: { email: string; role: string } } };
    expect(me.result.data).toMatchObject({ email: user.email, role: 'recruiter' });

    expect((await client.mutate('auth.signOut')).status).toBe(200);
    expect((await client.query('auth.me')).status).toBe(401);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const em = db.orm().em.fork();
    const user = await seedUser(em, await seedTenant(em), 'admin');
    const client = httpClient(testDeps(db.orm()));
    const wrong = await client.signIn(user.email, 'not the password at all');
    const unknown = await client.signIn('nobody-here@example.test');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [(await wrong.json()) as { error: { message: string } }, (await unknown.json()) as { error: { message: string } }];
    expect(a.error.message).toBe(b.error.message);
  });

  it('refuses a deactivated member', async () => {
    const em = db.orm().em.fork();
    const user = await seedUser(em, await seedTenant(em), 'admin', { status: 'deactivated' });
    expect((await httpClient(testDeps(db.orm())).signIn(user.email)).status).toBe(401);
  });

  it('rate-limits sign-in attempts per email', async () => {
    const em = db.orm().em.fork();
    const user = await seedUser(em, await seedTenant(em), 'admin');
    const deps = testDeps(db.orm());
    deps.limits.signInPerEmail = new RateLimiter(3, 60_000);
    const client = httpClient(deps);
    for (let i = 0; i < 3; i++) expect((await client.signIn(user.email, 'wrong password')).status).toBe(401);
    expect((await client.signIn(user.email)).status).toBe(429);
  });

  it('refuses mutations from another origin or without an Origin header', async () => {
    const client = httpClient(testDeps(db.orm()));
    const body = JSON.stringify({ email: 'x@example.test', password: 'y' });
    const evil = await client.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body,
    });
    expect(evil.status).toBe(403);
  });

  it('lets a member of two tenants switch between them, and only to those', async () => {
    const em = db.orm().em.fork();
    const [first, second, foreign] = [await seedTenant(em), await seedTenant(em), await seedTenant(em)];
    const user = await seedUser(em, first, 'admin');
    const colleague = await seedUser(em, second, 'recruiter', { name: 'Second Tenant Colleague' });
    // The same person is also an admin of the second tenant.
    em.create(Membership, { tenant: second, user, role: 'admin', status: 'active' });
    await em.flush();

    const client = httpClient(testDeps(db.orm()));
    await client.signIn(user.email, TEST_PASSWORD);
    const switched = await client.mutate('auth.switchTenant', { tenantId: second.id });
    expect(switched.status).toBe(200);
    const list = (await (await client.query('users.list', {})).json()) as { result: { data: { data: { id: string }[] } } };
    expect(list.result.data.data.map((u) => u.id)).toContain(colleague.id);

    expect((await client.mutate('auth.switchTenant', { tenantId: foreign.id })).status).toBe(403);
  });
});

describe('audit of sign-in', () => {
  forEachDatabase('audit', (db) => {
    it('records sign-ins without any personal data beyond the actor id', async () => {
      const em = db.orm().em.fork();
      const tenant = await seedTenant(em);
      const user = await seedUser(em, tenant, 'admin');
      await httpClient(testDeps(db.orm())).signIn(user.email);
      const events = await db
        .orm()
        .em.fork()
        .find(AuditEvent, { tenant, action: 'auth.sign_in' }, { filters: { [TENANT_FILTER]: false } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: user.id, targetType: 'User', targetId: user.id });
      expect((await em.fork().findOneOrFail(User, user.id)).lastSignInAt).not.toBeNull();
    });
  });
});
