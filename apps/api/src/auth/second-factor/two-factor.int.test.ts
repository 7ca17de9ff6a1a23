import { randomBytes } from 'node:crypto';
import { OutboxEmail, TotpFactor } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../http/rate-limit.js';
import { rotateMasterKey } from '../../keys/rotation.js';
import { httpClient, testDeps } from '../../testing/test-app.js';
import { totpCodeFor } from '../../testing/totp-code.js';

type Client = ReturnType<typeof httpClient>;
type Enrolment = { secret: string; uri: string; qrSvg: string };

/** Moves the clock on by whole 30-second steps, so a new code is due. */
function nextStep(steps = 1) {
  vi.setSystemTime(Date.now() + steps * 30_000);
}

async function data<T>(res: Response): Promise<T> {
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`expected a result, got ${res.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

async function fieldErrors(res: Response) {
  return ((await res.json()) as { error: { data: { fieldErrors?: Record<string, string[]> } } }).error.data
    .fieldErrors;
}

forEachDatabase('two-factor authentication (TOTP)', (db) => {
  beforeEach(() => {
    // Only Date: database drivers keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-03-01T09:00:05Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function enrolled() {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const user = await seedUser(em, tenant, 'recruiter');
    const deps = testDeps(db.orm());
    const browser = httpClient(deps);
    expect((await browser.signIn(user.email)).status).toBe(200);
    const enrolment = await data<Enrolment>(await browser.mutate('twoFactor.startTotp'));
    const { recoveryCodes } = await data<{ recoveryCodes: string[] }>(
      await browser.mutate('twoFactor.confirmTotp', { code: totpCodeFor(enrolment.secret) }),
    );
    return { em, tenant, user, deps, browser, enrolment, recoveryCodes };
  }

  /** Password first; answers the pending sign-in's token. */
  async function passwordStep(client: Client, email: string): Promise<string> {
    const res = await client.signIn(email);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const answer = await data<{ secondFactor: { token: string; methods: string[] } }>(res);
    expect(answer.secondFactor.methods).toEqual(['totp', 'recovery_code']);
    return answer.secondFactor.token;
  }

  it('emails the account owner when two-factor authentication is turned on and off', async () => {
    const { user, browser, enrolment } = await enrolled();
    nextStep();
    expect(
      (await browser.mutate('twoFactor.disableTotp', { code: totpCodeFor(enrolment.secret) })).status,
    ).toBe(200);
    const notices = await db
      .orm()
      .em.fork()
      .find(
        OutboxEmail,
        { to: user.email, template: 'user.sign_in_change' },
        { filters: false, orderBy: { createdAt: 'asc' } },
      );
    expect(notices.map((n) => n.subject)).toEqual([
      'Two-factor authentication was turned on for your Candor account',
      'Two-factor authentication was turned off for your Candor account',
    ]);
  });

  it('enrols only with a right code, then shows a QR code, the secret in text and ten recovery codes', async () => {
    const em = db.orm().em.fork();
    const user = await seedUser(em, await seedTenant(em), 'admin');
    const deps = testDeps(db.orm());
    const browser = httpClient(deps);
    const laptop = httpClient(deps);
    await browser.signIn(user.email);
    await laptop.signIn(user.email);
    expect(await data(await browser.query('twoFactor.status'))).toEqual({
      totp: false,
      recoveryCodesLeft: 0,
    });

    const enrolment = await data<Enrolment>(await browser.mutate('twoFactor.startTotp'));
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    const wrong = await browser.mutate('twoFactor.confirmTotp', { code: totpCodeFor(enrolment.secret, 5) });
    expect(wrong.status).toBe(400);
    expect(await fieldErrors(wrong)).toHaveProperty('code');
    expect(await data(await browser.query('twoFactor.status'))).toEqual({
      totp: false,
      recoveryCodesLeft: 0,
    });

    const right = await browser.mutate('twoFactor.confirmTotp', { code: totpCodeFor(enrolment.secret) });
    const { recoveryCodes } = await data<{ recoveryCodes: string[] }>(right);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    // This browser is signed in afresh; every other session of the user has ended.
    expect(await data(await browser.query('twoFactor.status'))).toEqual({
      totp: true,
      recoveryCodesLeft: 10,
    });
    expect((await laptop.query('auth.me')).status).toBe(401);

    const row = await db.orm().em.fork().findOneOrFail(TotpFactor, { user: user.id });
    expect(row.secretWrapped).toMatch(/^v1\./);
    expect(row.secretWrapped).not.toContain(enrolment.secret);
  });

  it('asks for a current code after the password, accepts it once, and ends older sessions', async () => {
    const { user, deps, browser, enrolment } = await enrolled();
    const phone = httpClient(deps);
    const token = await passwordStep(phone, user.email);
    // A pending sign-in is not a session.
    expect((await phone.query('auth.me')).status).toBe(401);
    const wrong = await phone.mutate('auth.completeSignIn', {
      method: 'totp',
      token,
      code: totpCodeFor(enrolment.secret, 5),
    });
    expect(wrong.status).toBe(400);

    nextStep();
    const code = totpCodeFor(enrolment.secret);
    const done = await phone.mutate('auth.completeSignIn', { method: 'totp', token, code });
    expect(done.status).toBe(200);
    expect((await phone.query('auth.me')).status).toBe(200);
    expect((await browser.query('auth.me')).status).toBe(401);

    // The same pending sign-in cannot be used again, and the same code never works twice.
    expect((await phone.mutate('auth.completeSignIn', { method: 'totp', token, code })).status).toBe(401);
    const other = httpClient(deps);
    const replay = await other.mutate('auth.completeSignIn', {
      method: 'totp',
      token: await passwordStep(other, user.email),
      code,
    });
    expect(replay.status).toBe(400);
    expect((await other.query('auth.me')).status).toBe(401);
    // A code from two steps ago is out of the window, too.
    nextStep(2);
    const stale = await other.mutate('auth.completeSignIn', {
      method: 'totp',
      token: await passwordStep(other, user.email),
      code: totpCodeFor(enrolment.secret, -2),
    });
    expect(stale.status).toBe(400);
  });

  it('accepts each recovery code once', async () => {
    const { user, deps, recoveryCodes } = await enrolled();
    const client = httpClient(deps);
    const [first] = recoveryCodes;
    const used = await client.mutate('auth.completeSignIn', {
      method: 'recovery_code',
      token: await passwordStep(client, user.email),
      code: first!.toUpperCase(),
    });
    expect(used.status).toBe(200);
    expect(await data(await client.query('twoFactor.status'))).toEqual({ totp: true, recoveryCodesLeft: 9 });
    const again = httpClient(deps);
    const reused = await again.mutate('auth.completeSignIn', {
      method: 'recovery_code',
      token: await passwordStep(again, user.email),
      code: first,
    });
    expect(reused.status).toBe(400);
    expect((await again.query('auth.me')).status).toBe(401);
  });

  it('gives up a pending sign-in after five wrong codes', async () => {
    const { user, deps, enrolment } = await enrolled();
    const client = httpClient(
      testDeps(db.orm(), {
        limits: { ...deps.limits, secondFactorPerSignIn: new RateLimiter(5, 5 * 60_000) },
      }),
    );
    const token = await passwordStep(client, user.email);
    for (let i = 0; i < 5; i++) {
      expect(
        (await client.mutate('auth.completeSignIn', { method: 'recovery_code', token, code: 'aaaaa-aaaaa' }))
          .status,
      ).toBe(400);
    }
    expect(
      (await client.mutate('auth.completeSignIn', { method: 'recovery_code', token, code: 'aaaaa-aaaaa' }))
        .status,
    ).toBe(429);
    nextStep();
    // Even the right code cannot revive it: the password step must be done again.
    expect(
      (
        await client.mutate('auth.completeSignIn', {
          method: 'totp',
          token,
          code: totpCodeFor(enrolment.secret),
        })
      ).status,
    ).toBe(401);
  });

  it('turns off only with a fresh code', async () => {
    const { user, deps, browser, enrolment } = await enrolled();
    const usedCode = totpCodeFor(enrolment.secret);
    expect((await browser.mutate('twoFactor.disableTotp', { code: usedCode })).status).toBe(400);
    expect((await browser.mutate('twoFactor.disableTotp', { code: 'abc' })).status).toBe(400);
    nextStep();
    expect(
      (await browser.mutate('twoFactor.disableTotp', { code: totpCodeFor(enrolment.secret) })).status,
    ).toBe(200);
    expect(await data(await browser.query('twoFactor.status'))).toEqual({
      totp: false,
      recoveryCodesLeft: 0,
    });
    // A password alone signs in again.
    const answer = await data<{ email?: string }>(await httpClient(deps).signIn(user.email));
    expect(answer.email).toBe(user.email);
  });

  it('never shows the secret again: not to the user, not to a tenant admin, not in logs', async () => {
    const { em, tenant, user, deps, browser, enrolment } = await enrolled();
    const admin = await seedUser(em, tenant, 'admin');
    const adminBrowser = httpClient(deps);
    await adminBrowser.signIn(admin.email);
    const row = await db.orm().em.fork().findOneOrFail(TotpFactor, { user: user.id });
    const secretForms = [
      enrolment.secret,
      row.secretWrapped,
      Buffer.from(decodeBase32IgnorePadding(enrolment.secret)).toString('hex'),
    ];
    const outputs = [
      await browser.query('twoFactor.status'),
      await browser.query('auth.me'),
      await browser.mutate('twoFactor.startTotp'),
      await adminBrowser.query('users.list', {}),
      await adminBrowser.query('users.get', { id: user.id }),
      await adminBrowser.query('twoFactor.status'),
      await adminBrowser.query('audit.list', {}),
    ];
    expect(outputs[2]!.status).toBe(409);
    const text = (await Promise.all(outputs.map((res) => res.text()))).join('\n') + deps.logLines.join('\n');
    for (const form of secretForms) expect(text).not.toContain(form);
    expect(await data(await adminBrowser.query('twoFactor.status'))).toEqual({
      totp: false,
      recoveryCodesLeft: 0,
    });
  });

  // Last: it re-wraps every secret of this database, and puts them back afterwards.
  it('keeps the secret through a master-key rotation', async () => {
    const { user, deps, enrolment } = await enrolled();
    const next = randomBytes(32);
    const rotation = await rotateMasterKey(db.orm().em.fork(), deps.masterKey, next);
    try {
      expect(rotation.totpSecrets).toBeGreaterThanOrEqual(1);
      const client = httpClient({ ...deps, masterKey: next });
      nextStep();
      const done = await client.mutate('auth.completeSignIn', {
        method: 'totp',
        token: await passwordStep(client, user.email),
        code: totpCodeFor(enrolment.secret),
      });
      expect(done.status).toBe(200);
    } finally {
      await rotateMasterKey(db.orm().em.fork(), next, deps.masterKey);
    }
  });
});
