import { AuditEvent, Membership, TENANT_FILTER, User } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { httpClient, testDeps } from '../testing/test-app.js';
import { SIGN_IN_THROTTLE, SignInThrottle } from './sign-in-throttle.js';

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

    const me = (await (await client.query('auth.me')).json()) as {
      result: { data: { email: string; role: string } };
    };
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
    const [a, b] = [
      (await wrong.json()) as { error: { message: string } },
      (await unknown.json()) as { error: { message: string } },
    ];
    expect(a.error.message).toBe(b.error.message);
  });

  it('refuses a deactivated member', async () => {
    const em = db.orm().em.fork();
    const user = await seedUser(em, await seedTenant(em), 'admin', { status: 'deactivated' });
    expect((await httpClient(testDeps(db.orm())).signIn(user.email)).status).toBe(401);
  });

  describe('wrong passwords', () => {
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });
    const signInFrom = (
      client: ReturnType<typeof httpClient>,
      ip: string,
      email: string,
      password = TEST_PASSWORD,
    ) => client.mutate('auth.signIn', { email, password }, from(ip));

    it("never lock the owner out: an attacker's 50 wrong passwords from one network are slowed, the owner signs in from another", async () => {
      const em = db.orm().em.fork();
      const owner = await seedUser(em, await seedTenant(em), 'owner');
      // A first wait far longer than the burst takes, so a slow machine cannot outlast it between two tries.
      const deps = testDeps(db.orm(), {
        signInThrottle: new SignInThrottle(db.orm(), { ...SIGN_IN_THROTTLE, firstDelayMs: 10 * 60_000 }),
      });
      const attacker = httpClient(deps);
      const statuses: number[] = [];
      for (let i = 0; i < 50; i++)
        statuses.push(
          (await signInFrom(attacker, '203.0.113.66', owner.email, `guess-${i}-wrong-pass`)).status,
        );
      // Five free tries, then a wait (growing with each further failure) that the attacker's burst keeps running into.
      expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      // Even the right password waits on the attacker's network ...
      expect((await signInFrom(attacker, '203.0.113.66', owner.email)).status).toBe(429);
      // ... and is never refused from the owner's.
      expect((await signInFrom(httpClient(deps), '198.51.100.7', owner.email)).status).toBe(200);
    });

    it('make the same client wait twice as long after each further failure, and forget them after a success', async () => {
      // The clock is moved on instead of waited for, so the figures are exact however busy the machine is.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-04-01T08:00:00Z') });
      onTestFinished(() => {
        vi.useRealTimers();
      });
      const em = db.orm().em.fork();
      const user = await seedUser(em, await seedTenant(em), 'admin');
      const throttle = new SignInThrottle(db.orm(), {
        ...SIGN_IN_THROTTLE,
        freeFailures: 2,
        firstDelayMs: 1000,
      });
      const client = httpClient(testDeps(db.orm(), { signInThrottle: throttle }));
      expect((await signInFrom(client, '192.0.2.1', user.email, 'wrong-password-1')).status).toBe(401);
      expect(await throttle.waitMs(user.email, '192.0.2.1')).toBe(0);
      expect((await signInFrom(client, '192.0.2.1', user.email, 'wrong-password-2')).status).toBe(401);
      const firstWait = await throttle.waitMs(user.email, '192.0.2.1');
      expect(firstWait).toBe(1000);
      expect((await signInFrom(client, '192.0.2.1', user.email, TEST_PASSWORD)).status).toBe(429);
      vi.setSystemTime(Date.now() + firstWait + 50);
      expect((await signInFrom(client, '192.0.2.1', user.email, 'wrong-password-3')).status).toBe(401);
      expect(await throttle.waitMs(user.email, '192.0.2.1')).toBe(2000);
      // Other accounts from the same client are not held up.
      expect(
        (await signInFrom(client, '192.0.2.1', 'someone-else@example.test', 'wrong-password-4')).status,
      ).toBe(401);
      await throttle.succeeded(user.email, '192.0.2.1');
      expect((await signInFrom(client, '192.0.2.1', user.email)).status).toBe(200);
    });
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
    const list = (await (await client.query('users.list', {})).json()) as {
      result: { data: { data: { id: string }[] } };
    };
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
