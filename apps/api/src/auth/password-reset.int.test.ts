import { AuditEvent, OutboxEmail, PasswordToken, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import { afterEach, expect, it, vi } from 'vitest';
import { RateLimiter } from '../http/rate-limit.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';
import { RESET_VALID_MINUTES } from './password-reset.js';

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;
const NEW_PASSWORD = 'plum tractor seventeen lagoon';

function resetToken(text: string): string {
  const match = /#\/reset-password\?token=([^\s]+)/.exec(text);
  if (!match?.[1]) throw new Error('no reset link in the email');
  return decodeURIComponent(match[1]);
}

afterEach(() => {
  vi.useRealTimers();
});

forEachDatabase('password reset', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Acme Robotics' });
    const member = await seedUser(em, tenant, 'recruiter', { name: 'Rita Recruiter' });
    const deps = testDeps(db.orm());
    return { em, tenant, member, deps, client: httpClient(deps) };
  };
  const resetMailsTo = (to: string) =>
    db
      .orm()
      .em.fork()
      .find(
        OutboxEmail,
        { to, template: 'user.password_reset' },
        { ...ALL_TENANTS, orderBy: { createdAt: 'asc' } },
      );
  const requestReset = (client: ReturnType<typeof httpClient>, email: string) =>
    client.mutate('auth.requestPasswordReset', { email });

  it('answers the same for a known, an unknown and a deactivated address, and emails only the active member', async () => {
    const { em, tenant, member, client } = await setup();
    const deactivated = await seedUser(em, tenant, 'admin', { status: 'deactivated' });
    const answers = await Promise.all(
      [member.email.toUpperCase(), 'nobody-here@example.test', deactivated.email].map(async (email) => {
        const res = await requestReset(client, email);
        return { status: res.status, body: await res.text() };
      }),
    );
    expect(answers[0]).toEqual({ status: 200, body: expect.stringContaining('"ok":true') });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    const [mail] = await resetMailsTo(member.email);
    // Not a tenant's email: no organisation's staff see it in their outbox.
    expect(mail).toMatchObject({ tenant: null, subject: 'Reset your Candor password' });
    expect(mail!.text).toContain(`within ${RESET_VALID_MINUTES} minutes`);
    expect(await resetMailsTo('nobody-here@example.test')).toHaveLength(0);
    expect(await resetMailsTo(deactivated.email)).toHaveLength(0);
    const stored = await em.fork().find(PasswordToken, { user: member.id, purpose: 'reset' });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(resetToken(mail!.text));
  });

  it('sets a new password once with the link, ends every session and audits it', async () => {
    const { tenant, member, deps, client } = await setup();
    const [laptop, phone] = [httpClient(deps), httpClient(deps)];
    expect((await laptop.signIn(member.email)).status).toBe(200);
    expect((await phone.signIn(member.email)).status).toBe(200);

    await requestReset(client, member.email);
    const token = resetToken((await resetMailsTo(member.email))[0]!.text);
    const anonymous = await callerFor(deps);
    await anonymous.auth.setPassword({ token, password: NEW_PASSWORD });

    expect((await laptop.query('auth.me')).status).toBe(401);
    expect((await phone.query('auth.me')).status).toBe(401);
    expect((await client.signIn(member.email, TEST_PASSWORD)).status).toBe(401);
    expect((await client.signIn(member.email, NEW_PASSWORD)).status).toBe(200);
    await expect(
      anonymous.auth.setPassword({ token, password: 'orbit lantern wheat harbour' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const events = await db
      .orm()
      .em.fork()
      .find(AuditEvent, { tenant, action: 'auth.password_reset' }, ALL_TENANTS);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: member.id, targetId: member.id });
  });

  it('lets a link work for 30 minutes and no longer', async () => {
    const { member, deps, client } = await setup();
    const asked = Date.now();
    await requestReset(client, member.email);
    await requestReset(client, member.email);
    const [first, second] = (await resetMailsTo(member.email)).map((m) => resetToken(m.text));
    const anonymous = await callerFor(deps);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(asked + (RESET_VALID_MINUTES + 1) * 60_000);
    await expect(
      anonymous.auth.setPassword({ token: second!, password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/expired/),
    });
    vi.setSystemTime(asked + (RESET_VALID_MINUTES - 1) * 60_000);
    // Only the newest link works: asking again retires the earlier one.
    await expect(anonymous.auth.setPassword({ token: first!, password: NEW_PASSWORD })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
      },
    );
    await anonymous.auth.setPassword({ token: second!, password: NEW_PASSWORD });
  });

  it.each(['qwerty123456', 'Welcome2026!', 'acmeacme1234', 'ritarecruiter1'])(
    'refuses the guessable password %s with a field error that says why',
    async (password) => {
      const { member, client } = await setup();
      await requestReset(client, member.email);
      const token = resetToken((await resetMailsTo(member.email))[0]!.text);
      const res = await client.mutate('auth.setPassword', { token, password });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { data: { fieldErrors: Record<string, string[]> } } };
      expect(body.error.data.fieldErrors.password?.[0]).toMatch(/too easy to guess.*passphrase/s);
      // The link still works for a better password.
      expect((await client.mutate('auth.setPassword', { token, password: NEW_PASSWORD })).status).toBe(200);
    },
  );

  it('limits reset requests per address, known or not, so nobody can flood an inbox', async () => {
    const { member, deps } = await setup();
    deps.limits.passwordResetPerEmail = new RateLimiter(3, 60 * 60_000);
    const client = httpClient(deps);
    for (const email of [member.email, 'nobody-here@example.test']) {
      for (let i = 0; i < 3; i++) expect((await requestReset(client, email)).status).toBe(200);
      expect((await requestReset(client, email)).status).toBe(429);
    }
    expect(await resetMailsTo(member.email)).toHaveLength(3);
  });

  it('limits reset requests per client', async () => {
    const { deps } = await setup();
    deps.limits.passwordResetPerIp = new RateLimiter(2, 15 * 60_000);
    const client = httpClient(deps);
    expect((await requestReset(client, 'a@example.test')).status).toBe(200);
    expect((await requestReset(client, 'b@example.test')).status).toBe(200);
    expect((await requestReset(client, 'c@example.test')).status).toBe(429);
  });

  it('refuses a guessable password when an invited person chooses theirs too', async () => {
    const { tenant, deps } = await setup();
    const admin = await seedUser(db.orm().em.fork(), tenant, 'admin');
    const adminCaller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    await adminCaller.users.invite({ email: 'nina.new@example.test', name: 'Nina New', role: 'recruiter' });
    const [invite] = await db
      .orm()
      .em.fork()
      .find(OutboxEmail, { to: 'nina.new@example.test', template: 'user.invite' }, ALL_TENANTS);
    const token = decodeURIComponent(/token=(\S+)/.exec(invite!.text)![1]!);
    const anonymous = await callerFor(deps);
    for (const password of ['qwerty123456', 'Welcome2026!', 'acmeacme1234', 'ninanew12345']) {
      await expect(anonymous.auth.setPassword({ token, password })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
    await anonymous.auth.setPassword({ token, password: NEW_PASSWORD });
    expect((await httpClient(deps).signIn('nina.new@example.test', NEW_PASSWORD)).status).toBe(200);
  });
});
