import { AuditEvent, OutboxEmail, Passkey, Tenant, WebAuthnChallenge } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import type {
  TPasskeyAuthenticationOptions,
  TPasskeyRegistrationOptions,
  TPasskeySummary,
} from '@candor/schemas';
import { afterEach, expect, it, vi } from 'vitest';
import { SoftwareAuthenticator } from '../../testing/software-authenticator.js';
import { httpClient, TEST_ORIGIN, testDeps } from '../../testing/test-app.js';
import { totpCodeFor } from '../../testing/totp-code.js';
import { PASSKEY_REFUSED } from './sign-in.procedures.js';

type Client = ReturnType<typeof httpClient>;

async function data<T>(res: Response): Promise<T> {
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`expected a result, got ${res.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

async function errorOf(res: Response) {
  return (
    (await res.json()) as { error: { message: string; data: { fieldErrors?: Record<string, string[]> } } }
  ).error;
}

/** Adds a passkey from `client`'s session with `authenticator`, as the Account page does. */
async function addPasskey(client: Client, authenticator: SoftwareAuthenticator, name: string) {
  const options = await data<TPasskeyRegistrationOptions>(await client.mutate('passkeys.startRegistration'));
  return client.mutate('passkeys.finishRegistration', { name, response: authenticator.register(options) });
}

/** The sign-in page's "Sign in with a passkey": options, then the authenticator's answer. */
async function passkeySignIn(
  client: Client,
  authenticator: SoftwareAuthenticator,
  tamper: Parameters<SoftwareAuthenticator['authenticate']>[1] = {},
) {
  const options = await data<TPasskeyAuthenticationOptions>(await client.mutate('auth.passkeySignInOptions'));
  return client.mutate('auth.signInWithPasskey', { response: authenticator.authenticate(options, tamper) });
}

/** Why the API last refused a passkey response, as it logs it for an operator. */
function lastRefusal(logLines: string[]): string | undefined {
  return logLines.filter((line) => line.includes('passkey response refused')).at(-1);
}

forEachDatabase('passkeys', (db) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function member() {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const user = await seedUser(em, tenant, 'recruiter');
    const deps = testDeps(db.orm());
    const browser = httpClient(deps);
    expect((await browser.signIn(user.email)).status).toBe(200);
    return { em, tenant, user, deps, browser };
  }

  async function withPasskey() {
    const setup = await member();
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN);
    expect((await addPasskey(setup.browser, authenticator, 'Laptop')).status).toBe(200);
    return { ...setup, authenticator };
  }

  it('emails the account owner when a passkey is added or removed, naming the device and not the passkey', async () => {
    const { user, browser, em } = await member();
    const added = await addPasskey(browser, new SoftwareAuthenticator(TEST_ORIGIN), 'Laptop');
    const { passkey } = await data<{ passkey: TPasskeySummary }>(added);
    await data(await browser.mutate('passkeys.remove', { id: passkey.id }));
    const notices = await em
      .fork()
      .find(
        OutboxEmail,
        { to: user.email, template: 'user.sign_in_change' },
        { filters: false, orderBy: { createdAt: 'asc' } },
      );
    expect(notices.map((n) => n.subject)).toEqual([
      'A passkey was added to your Candor account',
      'A passkey was removed from your Candor account',
    ]);
    expect(notices[0]!.text).toContain('/admin/#/forgot-password');
    expect(notices[0]!.text).not.toContain('Laptop');
  });

  it('registers several passkeys; the first ends the other sessions, the next do not', async () => {
    const { user, deps, browser } = await member();
    const laptop = httpClient(deps);
    await laptop.signIn(user.email);
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN);

    const options = await data<TPasskeyRegistrationOptions>(
      await browser.mutate('passkeys.startRegistration'),
    );
    expect(options.rp).toEqual({ id: 'candor.test', name: 'Candor' });
    expect(options.user.name).toBe(user.email);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    expect(options.excludeCredentials).toEqual([]);
    const first = await browser.mutate('passkeys.finishRegistration', {
      name: '  MacBook Touch ID ',
      response: authenticator.register(options),
    });
    const added = await data<{ passkey: TPasskeySummary; signedInAfresh: boolean }>(first);
    expect(added).toMatchObject({
      passkey: { name: 'MacBook Touch ID', lastUsedAt: null, synced: false },
      signedInAfresh: true,
    });
    expect(first.headers.getSetCookie()).toHaveLength(1);
    expect((await laptop.query('auth.me')).status).toBe(401);
    expect((await browser.query('auth.me')).status).toBe(200);

    // A second one, from another authenticator: the first is excluded from its options, no session ends.
    await laptop
      .signIn(user.email)
      .then(async (res) => expect(await data<{ secondFactor: unknown }>(res)).toHaveProperty('secondFactor'));
    const phone = new SoftwareAuthenticator(TEST_ORIGIN);
    const again = await data<TPasskeyRegistrationOptions>(await browser.mutate('passkeys.startRegistration'));
    expect(again.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.credentials[0]!.id]);
    const second = await browser.mutate('passkeys.finishRegistration', {
      name: 'Phone',
      response: phone.register(again),
    });
    expect(await data<{ signedInAfresh: boolean }>(second)).toMatchObject({ signedInAfresh: false });
    expect(second.headers.getSetCookie()).toEqual([]);
    expect((await browser.query('auth.me')).status).toBe(200);

    const list = await data<TPasskeySummary[]>(await browser.query('passkeys.list'));
    expect(list.map((p) => p.name)).toEqual(['MacBook Touch ID', 'Phone']);
    const audit = await db
      .orm()
      .em.fork()
      .count(AuditEvent, { actorId: user.id, action: 'auth.passkey_add' }, { filters: false });
    expect(audit).toBe(2);
  });

  it('refuses a registration answered for another origin, twice, or with a name missing', async () => {
    const { browser } = await member();
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN);
    const foreign = await data<TPasskeyRegistrationOptions>(
      await browser.mutate('passkeys.startRegistration'),
    );
    const wrongOrigin = await browser.mutate('passkeys.finishRegistration', {
      name: 'Laptop',
      response: authenticator.register(foreign, { origin: 'http://evil.test' }),
    });
    expect(wrongOrigin.status).toBe(400);
    expect((await errorOf(wrongOrigin)).data.fieldErrors).toHaveProperty('response');

    const options = await data<TPasskeyRegistrationOptions>(
      await browser.mutate('passkeys.startRegistration'),
    );
    const response = new SoftwareAuthenticator(TEST_ORIGIN).register(options);
    expect((await browser.mutate('passkeys.finishRegistration', { name: ' ', response })).status).toBe(400);
    expect((await browser.mutate('passkeys.finishRegistration', { name: 'Laptop', response })).status).toBe(
      200,
    );
    expect((await browser.mutate('passkeys.finishRegistration', { name: 'Laptop', response })).status).toBe(
      400,
    );
    expect(await data<TPasskeySummary[]>(await browser.query('passkeys.list'))).toHaveLength(1);
  });

  it('signs in without a password, moving the counter on, and refuses an older counter (a clone)', async () => {
    const { user, deps, authenticator } = await withPasskey();
    const phone = httpClient(deps);
    const res = await passkeySignIn(phone, authenticator);
    expect(res.status).toBe(200);
    expect((await data<{ email: string }>(res)).email).toBe(user.email);
    expect((await phone.query('auth.me')).status).toBe(200);

    const row = await db.orm().em.fork().findOneOrFail(Passkey, { user: user.id });
    expect(row.counter).toBe(1);
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(
      await db
        .orm()
        .em.fork()
        .count(AuditEvent, { actorId: user.id, action: 'auth.sign_in_passkey' }, { filters: false }),
    ).toBe(1);

    expect((await passkeySignIn(httpClient(deps), authenticator)).status).toBe(200);
    expect((await db.orm().em.fork().findOneOrFail(Passkey, { user: user.id })).counter).toBe(2);
    const clone = await passkeySignIn(httpClient(deps), authenticator, { counter: 1 });
    expect(clone.status).toBe(401);
  });

  it('refuses an unknown passkey, a used challenge, an expired one and a foreign origin alike', async () => {
    const { deps, authenticator } = await withPasskey();
    const client = httpClient(deps);

    // A passkey made for Candor's RP ID but never registered with it.
    const unregistered = new SoftwareAuthenticator(TEST_ORIGIN);
    unregistered.register({
      rp: { id: 'candor.test', name: 'Candor' },
      user: { id: 'eA', name: 'x', displayName: 'x' },
      challenge: 'eA',
      pubKeyCredParams: [],
    });
    const stranger = await passkeySignIn(client, unregistered);
    expect(stranger.status).toBe(401);
    expect((await errorOf(stranger)).message).toBe(PASSKEY_REFUSED);

    const options = await data<TPasskeyAuthenticationOptions>(
      await client.mutate('auth.passkeySignInOptions'),
    );
    const response = authenticator.authenticate(options);
    expect((await client.mutate('auth.signInWithPasskey', { response })).status).toBe(200);
    const replay = httpClient(deps);
    const replayed = await replay.mutate('auth.signInWithPasskey', { response });
    expect(replayed.status).toBe(401);
    expect((await errorOf(replayed)).message).toBe(PASSKEY_REFUSED);
    expect((await replay.query('auth.me')).status).toBe(401);
    expect(lastRefusal(deps.logLines)).toMatch(/challenge verifier returned false/);

    const foreign = await passkeySignIn(httpClient(deps), authenticator, { origin: 'http://evil.test' });
    expect(foreign.status).toBe(401);
    expect((await errorOf(foreign)).message).toBe(PASSKEY_REFUSED);
    expect(lastRefusal(deps.logLines)).toMatch(/response origin .*evil\.test/);

    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    const late = httpClient(deps);
    const stale = await data<TPasskeyAuthenticationOptions>(await late.mutate('auth.passkeySignInOptions'));
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1000);
    const expired = await late.mutate('auth.signInWithPasskey', {
      response: authenticator.authenticate(stale),
    });
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).message).toBe(PASSKEY_REFUSED);
    expect(lastRefusal(deps.logLines)).toMatch(/challenge verifier returned false/);
    // Expired challenges are swept as new ones are made.
    await late.mutate('auth.passkeySignInOptions');
    expect(
      await db
        .orm()
        .em.fork()
        .count(WebAuthnChallenge, { expiresAt: { $lt: new Date() } }),
    ).toBe(0);
  });

  it('stands as the second factor after a password, for this pending sign-in only', async () => {
    const { user, deps, browser, authenticator } = await withPasskey();
    const phone = httpClient(deps);
    const answer = await data<{ secondFactor: { token: string; methods: string[] } }>(
      await phone.signIn(user.email),
    );
    expect(answer.secondFactor.methods).toEqual(['passkey']);
    const { token } = answer.secondFactor;

    const options = await data<TPasskeyAuthenticationOptions>(
      await phone.mutate('auth.passkeySecondFactorOptions', { token }),
    );
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.credentials[0]!.id]);

    // Someone else's passkey, or options for a passwordless sign-in, do not pass this step.
    const other = await withPasskey();
    const theirs = other.authenticator.authenticate(options, {
      credential: other.authenticator.credentials[0],
    });
    const refused = await phone.mutate('auth.completeSignIn', { method: 'passkey', token, response: theirs });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).data.fieldErrors).toHaveProperty('response');
    const unbound = await data<TPasskeyAuthenticationOptions>(
      await phone.mutate('auth.passkeySignInOptions'),
    );
    expect(
      (
        await phone.mutate('auth.completeSignIn', {
          method: 'passkey',
          token,
          response: authenticator.authenticate(unbound),
        })
      ).status,
    ).toBe(400);

    const done = await phone.mutate('auth.completeSignIn', {
      method: 'passkey',
      token,
      response: authenticator.authenticate(options),
    });
    expect(done.status).toBe(200);
    expect((await phone.query('auth.me')).status).toBe(200);
    // As with a code: the other sessions end, and the pending sign-in is used up.
    expect((await browser.query('auth.me')).status).toBe(401);
    expect((await phone.mutate('auth.passkeySecondFactorOptions', { token })).status).toBe(401);
  });

  it('renames and removes only your own passkeys; without any, a password alone signs in again', async () => {
    const { user, deps, browser, authenticator } = await withPasskey();
    const other = await withPasskey();
    const [mine] = await data<TPasskeySummary[]>(await browser.query('passkeys.list'));
    const [theirs] = await data<TPasskeySummary[]>(await other.browser.query('passkeys.list'));

    expect((await browser.mutate('passkeys.rename', { id: mine!.id, name: 'Work laptop' })).status).toBe(200);
    expect((await browser.mutate('passkeys.rename', { id: theirs!.id, name: 'Mine now' })).status).toBe(404);
    expect((await browser.mutate('passkeys.remove', { id: theirs!.id })).status).toBe(404);
    expect((await data<TPasskeySummary[]>(await other.browser.query('passkeys.list')))[0]!.name).toBe(
      'Laptop',
    );
    expect((await data<TPasskeySummary[]>(await browser.query('passkeys.list')))[0]!.name).toBe(
      'Work laptop',
    );

    expect((await browser.mutate('passkeys.remove', { id: mine!.id })).status).toBe(200);
    expect((await browser.mutate('passkeys.remove', { id: mine!.id })).status).toBe(404);
    expect(await data(await browser.query('passkeys.list'))).toEqual([]);
    expect(
      await db
        .orm()
        .em.fork()
        .count(AuditEvent, { actorId: user.id, action: 'auth.passkey_remove' }, { filters: false }),
    ).toBe(1);
    // The removed passkey signs in nowhere; the password alone does.
    expect((await passkeySignIn(httpClient(deps), authenticator)).status).toBe(401);
    expect(await data(await httpClient(deps).signIn(user.email))).toHaveProperty('email', user.email);
  });

  it('counts as a second factor: offered first beside TOTP, enough for an organisation that requires one, kept while it does', async () => {
    const { tenant, user, deps, browser, authenticator } = await withPasskey();
    const { secret } = await data<{ secret: string }>(await browser.mutate('twoFactor.startTotp'));
    const code = totpCodeFor(secret);
    expect((await browser.mutate('twoFactor.confirmTotp', { code })).status).toBe(200);
    const answer = await data<{ secondFactor: { methods: string[] } }>(
      await httpClient(deps).signIn(user.email),
    );
    expect(answer.secondFactor.methods).toEqual(['passkey', 'totp', 'recovery_code']);

    await db.orm().em.fork().nativeUpdate(Tenant, { id: tenant.id }, { requireSecondFactor: true });
    const phone = httpClient(deps);
    const me = await data<{ secondFactorRequired: boolean }>(await passkeySignIn(phone, authenticator));
    expect(me.secondFactorRequired).toBe(false);
    expect((await phone.query('jobs.list', {})).status).toBe(200);

    // TOTP may go while the passkey stays; then the passkey is the last factor and stays too, until another is added.
    const nextCode = totpCodeFor(secret, 1);
    expect((await phone.mutate('twoFactor.disableTotp', { code: nextCode })).status).toBe(200);
    const [passkey] = await data<TPasskeySummary[]>(await phone.query('passkeys.list'));
    expect((await phone.mutate('passkeys.remove', { id: passkey!.id })).status).toBe(409);
    expect((await addPasskey(phone, new SoftwareAuthenticator(TEST_ORIGIN), 'Phone')).status).toBe(200);
    expect((await phone.mutate('passkeys.remove', { id: passkey!.id })).status).toBe(200);
    expect((await data<TPasskeySummary[]>(await phone.query('passkeys.list'))).map((p) => p.name)).toEqual([
      'Phone',
    ]);
  });
});
