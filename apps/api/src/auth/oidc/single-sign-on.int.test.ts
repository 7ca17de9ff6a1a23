import {
  AuditEvent,
  Membership,
  OidcConnection,
  OidcSignInAttempt,
  Session,
  TENANT_FILTER,
  User,
} from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import type {
  TMe,
  TSaveSingleSignOnInput,
  TSingleSignOnButton,
  TSingleSignOnSettings,
} from '@candor/schemas';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RateLimiter } from '../../http/rate-limit.js';
import { rotateMasterKey } from '../../keys/rotation.js';
import {
  CookieJar,
  signInAtProvider,
  startTestProvider,
  type TestProvider,
} from '../../testing/oidc-provider.js';
import { httpClient, TEST_ORIGIN, testDeps } from '../../testing/test-app.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } } as const;
const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ candorRedirectUri: `${TEST_ORIGIN}/auth/oidc/callback` });
});
afterAll(() => provider?.stop());

async function dataOf<T>(res: Response): Promise<T> {
  const body = (await res.json()) as { result?: { data: T } };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.result!.data;
}

let counter = 0;
/** A fresh company domain and a login at the provider for one of its people. */
function person(
  domain: string,
  overrides: { emailVerified?: boolean; email?: string; entraStyle?: boolean } = {},
) {
  counter += 1;
  const login = `person-${Date.now()}-${counter}`;
  const email = overrides.email ?? `${login}@${domain}`;
  provider.accounts.set(login, {
    email,
    emailVerified: overrides.emailVerified ?? true,
    name: `Person ${counter}`,
    entraStyle: overrides.entraStyle,
  });
  return { login, email };
}

forEachDatabase('staff single sign-on (OIDC)', (db) => {
  const setup = async (connection: Partial<TSaveSingleSignOnInput> = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const owner = await seedUser(em, tenant, 'owner');
    const deps = testDeps(db.orm());
    const domain = `${tenant.slug}.example`;
    const ownerBrowser = httpClient(deps);
    await ownerBrowser.signIn(owner.email);
    const settings = await dataOf<TSingleSignOnSettings>(
      await ownerBrowser.mutate('auth.saveSingleSignOn', {
        providerName: 'Okta',
        issuerUrl: provider.issuer,
        clientId: provider.candor.clientId,
        clientSecret: provider.candor.clientSecret,
        allowedDomains: [domain.toUpperCase()],
        jitRole: null,
        enabled: true,
        ...connection,
      }),
    );

    /** One browser: Candor's cookies and the provider's. */
    const jar = new CookieJar();
    const candor = async (path: string) => {
      const res = await ownerBrowser.app.request(path, {
        headers: { Cookie: jar.header(), 'User-Agent': CHROME_ON_LINUX },
      });
      jar.store(res);
      return res;
    };
    /**
     * Starts at Candor and signs in at the provider (a fresh provider session each time, so the
     * login typed is the one signed in); answers the provider's redirect back to Candor.
     */
    const throughProvider = async (login: string, start = `/auth/oidc/start?org=${tenant.slug}`) => {
      const started = await candor(start);
      expect(started.status).toBe(302);
      const authorizationUrl = started.headers.get('Location')!;
      expect(authorizationUrl.startsWith(provider.issuer)).toBe(true);
      return {
        authorizationUrl,
        callbackUrl: await signInAtProvider(new CookieJar(), authorizationUrl, login),
      };
    };
    const callback = async (callbackUrl: string) => {
      const url = new URL(callbackUrl);
      expect(url.origin).toBe(TEST_ORIGIN);
      return candor(`${url.pathname}${url.search}`);
    };
    const signInAs = async (login: string) => callback((await throughProvider(login)).callbackUrl);
    const errorOf = (res: Response) => {
      expect(res.status).toBe(302);
      const location = res.headers.get('Location') ?? '';
      return new URLSearchParams(location.split('?')[1] ?? '').get('sso_error');
    };
    const me = async () => {
      const res = await ownerBrowser.app.request('/trpc/auth.me', { headers: { Cookie: jar.header() } });
      return res.status === 200 ? ((await res.json()) as { result: { data: TMe } }).result.data : null;
    };
    return {
      em,
      tenant,
      owner,
      deps,
      domain,
      ownerBrowser,
      settings,
      candor,
      cookies: () => jar.header(),
      throughProvider,
      callback,
      signInAs,
      errorOf,
      me,
    };
  };

  it('signs an active member in through the real provider: a single_sign_on session, audited, nothing personal logged', async () => {
    const t = await setup();
    const member = await seedUser(t.em, t.tenant, 'recruiter', { email: person(t.domain).email });
    const login = [...provider.accounts].find(([, a]) => a.email === member.email)![0];

    const { authorizationUrl, callbackUrl } = await t.throughProvider(login);
    const asked = new URL(authorizationUrl).searchParams;
    expect(Object.fromEntries(asked)).toMatchObject({
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      client_id: provider.candor.clientId,
      redirect_uri: `${TEST_ORIGIN}/auth/oidc/callback`,
    });
    expect(asked.get('state')).toBeTruthy();
    expect(asked.get('nonce')).toBeTruthy();
    // Only hashes and random values are kept for the attempt, never the state itself.
    const attempts = await db.orm().em.fork().find(OidcSignInAttempt, { tenant: t.tenant.id });
    expect(JSON.stringify(attempts)).not.toContain(asked.get('state'));

    const res = await t.callback(callbackUrl);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/admin/');
    const me = await t.me();
    expect(me).toMatchObject({ email: member.email, role: 'recruiter', tenant: { id: t.tenant.id } });

    const fresh = db.orm().em.fork();
    const sessions = await fresh.find(Session, { user: member.id });
    expect(sessions.map((s) => [s.signedInWith, s.deviceLabel])).toEqual([
      ['single_sign_on', 'Chrome on Linux'],
    ]);
    const audit = await fresh.find(
      AuditEvent,
      { tenant: t.tenant.id, action: 'auth.sign_in_oidc' },
      ANY_TENANT,
    );
    expect(audit.map((e) => e.targetId)).toEqual([member.id]);
    expect(t.deps.logLines.join('\n')).not.toContain(member.email);
  });

  it('finds the organisation from a work address’s domain, and answers alike for unknown domains', async () => {
    const t = await setup();
    const { login, email } = person(t.domain);
    await seedUser(t.em, t.tenant, 'admin', { email });
    const { authorizationUrl, callbackUrl } = await t.throughProvider(
      login,
      `/auth/oidc/start?email=${encodeURIComponent(email)}`,
    );
    expect(new URL(authorizationUrl).searchParams.get('login_hint')).toBe(email);
    expect((await t.callback(callbackUrl)).headers.get('Location')).toBe('/admin/');

    const other = await seedTenant(t.em);
    await seedUser(t.em, other, 'owner', { email: `someone@${other.slug}.example` });
    expect(t.errorOf(await t.candor(`/auth/oidc/start?email=someone@${other.slug}.example`))).toBe(
      'not_available',
    );
    expect(t.errorOf(await t.candor('/auth/oidc/start?email=nobody@unknown-domain.example'))).toBe(
      'not_available',
    );
    expect(t.errorOf(await t.candor('/auth/oidc/start?org=no-such-org'))).toBe('not_available');
  });

  it('refuses an ID token issued to another client (wrong audience), though the provider signed it', async () => {
    const t = await setup();
    const { login, email } = person(t.domain);
    await seedUser(t.em, t.tenant, 'admin', { email });
    const { authorizationUrl, callbackUrl } = await t.throughProvider(login);
    const nonce = new URL(authorizationUrl).searchParams.get('nonce')!;
    provider.substituteNextIdToken(await provider.issueIdToken(provider.otherApp, login, nonce));
    expect(t.errorOf(await t.callback(callbackUrl))).toBe('failed');
    expect(await t.me()).toBeNull();
    expect(t.deps.logLines.join('\n')).toMatch(/code exchange: OAUTH_JWT_CLAIM_COMPARISON_FAILED/);
  });

  it('refuses an ID token with another nonce', async () => {
    const t = await setup();
    const { login, email } = person(t.domain);
    await seedUser(t.em, t.tenant, 'admin', { email });
    const { callbackUrl } = await t.throughProvider(login);
    provider.substituteNextIdToken(
      await provider.issueIdToken(provider.candor, login, 'a-nonce-candor-never-sent'),
    );
    expect(t.errorOf(await t.callback(callbackUrl))).toBe('failed');
    expect(await t.me()).toBeNull();
    expect(t.deps.logLines.join('\n')).toMatch(/code exchange: OAUTH_JWT_CLAIM_COMPARISON_FAILED/);
  });

  it('refuses an expired state, a state used twice and a callback in another browser', async () => {
    const t = await setup();
    const { login, email } = person(t.domain);
    await seedUser(t.em, t.tenant, 'admin', { email });

    const late = await t.throughProvider(login);
    await db
      .orm()
      .em.fork()
      .nativeUpdate(
        OidcSignInAttempt,
        { tenant: t.tenant.id, usedAt: null },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    expect(t.errorOf(await t.callback(late.callbackUrl))).toBe('expired');
    expect(await t.me()).toBeNull();

    // Started by someone else (login CSRF): this browser never held the attempt's cookie.
    const theirs = await t.throughProvider(login);
    const stranger = httpClient(t.deps);
    const url = new URL(theirs.callbackUrl);
    expect(t.errorOf(await stranger.request(`${url.pathname}${url.search}`))).toBe('other_browser');
    expect(stranger.cookie).toBe('');

    // The provider's redirect replayed, with the attempt's cookie still held: the attempt was used up.
    const once = await t.throughProvider(login);
    const cookiesOfAttempt = t.cookies();
    expect((await t.callback(once.callbackUrl)).headers.get('Location')).toBe('/admin/');
    const replayed = new URL(once.callbackUrl);
    const replay = await t.ownerBrowser.app.request(`${replayed.pathname}${replayed.search}`, {
      headers: { Cookie: cookiesOfAttempt },
    });
    expect(t.errorOf(replay)).toBe('expired');
    expect(t.deps.logLines.join('\n')).toMatch(/state used twice/);
  });

  it('refuses an address outside the allowed domains and one the provider has not verified', async () => {
    const t = await setup();
    const outside = person('elsewhere.example');
    await seedUser(t.em, t.tenant, 'admin', { email: outside.email });
    expect(t.errorOf(await t.signInAs(outside.login))).toBe('domain_not_allowed');

    const unverified = person(t.domain, { emailVerified: false });
    await seedUser(t.em, t.tenant, 'admin', { email: unverified.email });
    expect(t.errorOf(await t.signInAs(unverified.login))).toBe('email_not_verified');
    expect(await t.me()).toBeNull();
  });

  it('takes Entra ID’s xms_edov (domain owner verified) in place of email_verified, and refuses it false', async () => {
    const t = await setup();
    const verified = person(t.domain, { entraStyle: true });
    await seedUser(t.em, t.tenant, 'recruiter', { email: verified.email });
    expect((await t.signInAs(verified.login)).headers.get('Location')).toBe('/admin/');

    const unverified = person(t.domain, { entraStyle: true, emailVerified: false });
    await seedUser(t.em, t.tenant, 'recruiter', { email: unverified.email });
    expect(t.errorOf(await t.signInAs(unverified.login))).toBe('email_not_verified');
  });

  it('limits starts per client address, like password sign-ins', async () => {
    const t = await setup();
    const limited = httpClient({
      ...t.deps,
      limits: {
        ...t.deps.limits,
        signInPerIp: new RateLimiter(2, 60_000, { store: db.orm(), name: `sso-start-${t.tenant.slug}` }),
      },
    });
    const start = () => limited.request(`/auth/oidc/start?org=${t.tenant.slug}`);
    expect((await start()).headers.get('Location')).toMatch(/^http:\/\/127\.0\.0\.1/);
    expect((await start()).headers.get('Location')).toMatch(/^http:\/\/127\.0\.0\.1/);
    expect(t.errorOf(await start())).toBe('too_many_attempts');
  });

  it('refuses a deactivated member, and a stranger when just-in-time membership is off', async () => {
    const t = await setup();
    const gone = person(t.domain);
    await seedUser(t.em, t.tenant, 'recruiter', { email: gone.email, status: 'deactivated' });
    expect(t.errorOf(await t.signInAs(gone.login))).toBe('not_a_member');

    const stranger = person(t.domain);
    expect(t.errorOf(await t.signInAs(stranger.login))).toBe('not_a_member');
    expect(await db.orm().em.fork().findOne(User, { email: stranger.email })).toBeNull();
    expect(await t.me()).toBeNull();
  });

  it('makes a stranger of an allowed domain a member with the just-in-time role', async () => {
    const t = await setup({ jitRole: 'hiring_manager' });
    const newcomer = person(t.domain);
    expect((await t.signInAs(newcomer.login)).headers.get('Location')).toBe('/admin/');
    expect(await t.me()).toMatchObject({ email: newcomer.email, role: 'hiring_manager' });

    const fresh = db.orm().em.fork();
    const user = await fresh.findOneOrFail(User, { email: newcomer.email });
    expect(user.passwordHash).toBeNull();
    const membership = await fresh.findOneOrFail(Membership, { user, tenant: t.tenant.id }, ANY_TENANT);
    expect([membership.role, membership.status]).toEqual(['hiring_manager', 'active']);
    const audit = await fresh.find(
      AuditEvent,
      { tenant: t.tenant.id, action: 'user.jit_provision' },
      ANY_TENANT,
    );
    expect(audit.map((e) => e.targetId)).toEqual([user.id]);
  });

  it('does not attach an existing Candor account of another organisation just in time: that needs an invitation', async () => {
    const t = await setup({ jitRole: 'recruiter' });
    const elsewhere = person(t.domain);
    const otherTenant = await seedTenant(t.em);
    const existing = await seedUser(t.em, otherTenant, 'owner', { email: elsewhere.email });
    expect(t.errorOf(await t.signInAs(elsewhere.login))).toBe('not_a_member');
    const memberships = await db.orm().em.fork().find(Membership, { user: existing.id }, ANY_TENANT);
    expect(memberships.map((m) => m.tenant.id)).toEqual([otherTenant.id]);
  });

  it('an invited member accepts the invitation by signing in through the provider', async () => {
    const t = await setup();
    const invited = person(t.domain);
    await seedUser(t.em, t.tenant, 'recruiter', { email: invited.email, status: 'invited' });
    expect((await t.signInAs(invited.login)).headers.get('Location')).toBe('/admin/');
    expect(await t.me()).toMatchObject({ email: invited.email, role: 'recruiter' });
  });

  it('the owner’s settings: the secret is never returned, kept when left empty, sealed, and re-wrapped by a master-key rotation', async () => {
    const t = await setup();
    expect(t.settings.redirectUri).toBe(`${TEST_ORIGIN}/auth/oidc/callback`);
    expect(t.settings.signInLink).toBe(`${TEST_ORIGIN}/admin/#/login?org=${t.tenant.slug}`);
    expect(t.settings.connection).toMatchObject({
      providerName: 'Okta',
      clientSecretSet: true,
      allowedDomains: [t.domain],
      jitRole: null,
    });
    const read = await t.ownerBrowser.query('auth.singleSignOnSettings');
    const text = await read.text();
    expect(text).not.toContain(provider.candor.clientSecret);

    const stored = await db
      .orm()
      .em.fork()
      .findOneOrFail(OidcConnection, { tenant: t.tenant.id }, ANY_TENANT);
    expect(stored.clientSecretWrapped).toMatch(/^v1\./);
    expect(stored.clientSecretWrapped).not.toContain(provider.candor.clientSecret);

    // No secret on an update keeps the sealed one, which must still work at the provider.
    await dataOf(
      await t.ownerBrowser.mutate('auth.saveSingleSignOn', {
        providerName: 'Company SSO',
        issuerUrl: `${provider.issuer}/`,
        clientId: provider.candor.clientId,
        clientSecret: '',
        allowedDomains: [t.domain],
        jitRole: 'recruiter',
        enabled: true,
      }),
    );
    const { login } = person(t.domain);
    expect((await t.signInAs(login)).headers.get('Location')).toBe('/admin/');

    const newMaster = Buffer.alloc(32, 7);
    const rotation = await rotateMasterKey(db.orm().em.fork(), t.deps.masterKey, newMaster);
    expect(rotation.ssoClientSecrets).toBeGreaterThanOrEqual(1);
    const rewrapped = await db
      .orm()
      .em.fork()
      .findOneOrFail(OidcConnection, { tenant: t.tenant.id }, ANY_TENANT);
    expect(rewrapped.clientSecretWrapped).not.toBe(stored.clientSecretWrapped);
    // Put back, so later tests of this database keep the key their deps hold.
    await rotateMasterKey(db.orm().em.fork(), newMaster, t.deps.masterKey);
  });

  it('checks the issuer when saving: a field error when it cannot be reached or is not an OpenID Provider', async () => {
    const t = await setup();
    const save = (issuerUrl: string, clientSecret?: string) =>
      t.ownerBrowser.mutate('auth.saveSingleSignOn', {
        providerName: 'Okta',
        issuerUrl,
        clientId: 'x',
        clientSecret,
        allowedDomains: [t.domain],
        jitRole: null,
        enabled: true,
      });
    const fieldErrorsOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { data: { fieldErrors: Record<string, string[]> } } }).error.data
        .fieldErrors;
    };
    expect(await fieldErrorsOf(await save('http://127.0.0.1:9/', 's'))).toEqual({
      issuerUrl: [expect.stringMatching(/could not reach/)],
    });
    expect(await fieldErrorsOf(await save(`${provider.issuer}/not-an-issuer`, 's'))).toEqual({
      issuerUrl: [expect.stringMatching(/No OpenID Connect discovery document/)],
    });
    expect(await fieldErrorsOf(await save('http://idp.example.com', 's'))).toEqual({
      issuerUrl: [expect.stringMatching(/https/)],
    });
    // A first save needs the secret (the tenant above already has a connection; this one has none).
    const other = await seedTenant(t.em);
    const otherOwner = httpClient(t.deps);
    await otherOwner.signIn((await seedUser(t.em, other, 'owner')).email);
    const first = await otherOwner.mutate('auth.saveSingleSignOn', {
      providerName: 'Okta',
      issuerUrl: provider.issuer,
      clientId: provider.candor.clientId,
      allowedDomains: [`${other.slug}.example`],
      jitRole: null,
      enabled: true,
    });
    expect(await fieldErrorsOf(first)).toEqual({ clientSecret: [expect.any(String)] });
  });

  it('the sign-in page learns the button from the organisation’s link; a disabled or removed connection shows none', async () => {
    const t = await setup();
    const anonymous = httpClient(t.deps);
    const buttonOf = async (org: string) =>
      dataOf<TSingleSignOnButton>(await anonymous.query('auth.singleSignOnOf', { org }));
    expect(await buttonOf(t.tenant.slug)).toEqual({ providerName: 'Okta' });
    expect(await buttonOf('no-such-org')).toBeNull();

    await dataOf(
      await t.ownerBrowser.mutate('auth.saveSingleSignOn', {
        providerName: 'Okta',
        issuerUrl: provider.issuer,
        clientId: provider.candor.clientId,
        allowedDomains: [t.domain],
        jitRole: null,
        enabled: false,
      }),
    );
    expect(await buttonOf(t.tenant.slug)).toBeNull();
    expect(t.errorOf(await t.candor(`/auth/oidc/start?org=${t.tenant.slug}`))).toBe('not_available');

    const removed = await dataOf<TSingleSignOnSettings>(
      await t.ownerBrowser.mutate('auth.removeSingleSignOn'),
    );
    expect(removed.connection).toBeNull();
    const audit = await db
      .orm()
      .em.fork()
      .find(AuditEvent, { tenant: t.tenant.id, action: { $like: 'sso.%' } }, ANY_TENANT);
    expect(audit.map((e) => e.action).sort()).toEqual(['sso.create', 'sso.remove', 'sso.update']);
  });

  it('only the owner reads or changes the connection', async () => {
    const t = await setup();
    const admin = await seedUser(t.em, t.tenant, 'admin');
    const adminBrowser = httpClient(t.deps);
    await adminBrowser.signIn(admin.email);
    expect((await adminBrowser.query('auth.singleSignOnSettings')).status).toBe(403);
    expect((await adminBrowser.mutate('auth.removeSingleSignOn')).status).toBe(403);
    expect(
      (
        await adminBrowser.mutate('auth.saveSingleSignOn', {
          providerName: 'Evil',
          issuerUrl: provider.issuer,
          clientId: 'x',
          clientSecret: 'y',
          allowedDomains: ['evil.example'],
          jitRole: 'admin',
          enabled: true,
        })
      ).status,
    ).toBe(403);
  });
});
