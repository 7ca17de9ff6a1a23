import { AuditEvent, OutboxEmail, Session, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import { SESSION_LIFETIME_HOURS, type TSessionSummary } from '@candor/schemas';
import { expect, it } from 'vitest';
import { RateLimiter } from '../http/rate-limit.js';
import { httpClient, testDeps } from '../testing/test-app.js';

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const NEW_PASSWORD = 'plum tractor seventeen lagoon';

type Browser = ReturnType<typeof httpClient>;

async function dataOf<T>(res: Response): Promise<T> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

forEachDatabase('staff sessions', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const member = await seedUser(em, tenant, 'recruiter');
    const other = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    /** A browser of `email`, signed in with the given user agent. */
    const signedIn = async (email: string, userAgent: string): Promise<Browser> => {
      const browser = httpClient(deps);
      const res = await browser.request('/trpc/auth.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': userAgent },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return browser;
    };
    return { tenant, member, other, deps, signedIn };
  };
  const sessionsOf = async (browser: Browser) =>
    dataOf<TSessionSummary[]>(await browser.query('auth.sessions'));

  it('lists the user’s own sessions with a device label, and stores neither the user agent nor the IP', async () => {
    const { member, other, signedIn } = await setup();
    const laptop = await signedIn(member.email, CHROME_ON_LINUX);
    await signedIn(member.email, FIREFOX_ON_WINDOWS);
    await signedIn(other.email, CHROME_ON_LINUX);

    const listed = await sessionsOf(laptop);
    expect(listed).toHaveLength(2);
    expect(listed.map((s) => s.device).sort()).toEqual(['Chrome on Linux', 'Firefox on Windows']);
    expect(listed.filter((s) => s.current)).toEqual([expect.objectContaining({ device: 'Chrome on Linux' })]);
    for (const s of listed) {
      expect(Date.now() - Date.parse(s.createdAt)).toBeLessThan(60_000);
      expect(Date.now() - Date.parse(s.lastSeenAt)).toBeLessThan(60_000);
    }

    const rows = await db.orm().em.fork().find(Session, { user: member.id });
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('Mozilla');
    expect(stored).not.toContain('127.0.0.1');
  });

  it('ends one session: its cookie stops working at once, the others keep working', async () => {
    const { tenant, member, signedIn } = await setup();
    const laptop = await signedIn(member.email, CHROME_ON_LINUX);
    const phone = await signedIn(member.email, FIREFOX_ON_WINDOWS);
    const phoneSession = (await sessionsOf(phone)).find((s) => s.current)!;

    const ended = await dataOf<{ wasCurrent: boolean }>(
      await laptop.mutate('auth.endSession', { id: phoneSession.id }),
    );
    expect(ended.wasCurrent).toBe(false);
    expect((await phone.query('auth.me')).status).toBe(401);
    expect((await laptop.query('auth.me')).status).toBe(200);
    expect((await sessionsOf(laptop)).map((s) => s.id)).not.toContain(phoneSession.id);
    // Ending it again: it is gone.
    expect((await laptop.mutate('auth.endSession', { id: phoneSession.id })).status).toBe(404);
    const events = await db
      .orm()
      .em.fork()
      .find(AuditEvent, { tenant, action: 'auth.end_session' }, ALL_TENANTS);
    expect(events).toEqual([expect.objectContaining({ actorId: member.id })]);
  });

  it('ending the current session signs this browser out and clears its cookie', async () => {
    const { member, signedIn } = await setup();
    const laptop = await signedIn(member.email, CHROME_ON_LINUX);
    const own = (await sessionsOf(laptop)).find((s) => s.current)!;
    const res = await laptop.mutate('auth.endSession', { id: own.id });
    expect((await dataOf<{ wasCurrent: boolean }>(res)).wasCurrent).toBe(true);
    expect(laptop.cookie).toBe('');
  });

  it('cannot end another user’s session (not found, and it keeps working)', async () => {
    const { member, other, signedIn } = await setup();
    const mine = await signedIn(member.email, CHROME_ON_LINUX);
    const theirs = await signedIn(other.email, FIREFOX_ON_WINDOWS);
    const theirSession = (await sessionsOf(theirs)).find((s) => s.current)!;

    expect((await mine.mutate('auth.endSession', { id: theirSession.id })).status).toBe(404);
    expect((await theirs.query('auth.me')).status).toBe(200);
    // A made-up id is a field error, not a server error.
    expect((await mine.mutate('auth.endSession', { id: 'not-a-session' })).status).toBe(400);
  });

  it('"sign out everywhere else" ends every other session of the user only', async () => {
    const { member, other, signedIn } = await setup();
    const laptop = await signedIn(member.email, CHROME_ON_LINUX);
    const phone = await signedIn(member.email, FIREFOX_ON_WINDOWS);
    const tablet = await signedIn(member.email, FIREFOX_ON_WINDOWS);
    const colleague = await signedIn(other.email, CHROME_ON_LINUX);

    expect(await dataOf<{ ended: number }>(await laptop.mutate('auth.endOtherSessions'))).toEqual({
      ended: 2,
    });
    expect((await phone.query('auth.me')).status).toBe(401);
    expect((await tablet.query('auth.me')).status).toBe(401);
    expect((await laptop.query('auth.me')).status).toBe(200);
    expect((await colleague.query('auth.me')).status).toBe(200);
    expect(await sessionsOf(laptop)).toEqual([expect.objectContaining({ current: true })]);
  });

  it('a password change needs the current password and ends the other sessions, not this one', async () => {
    const { member, signedIn, deps } = await setup();
    const laptop = await signedIn(member.email, CHROME_ON_LINUX);
    const phone = await signedIn(member.email, FIREFOX_ON_WINDOWS);

    const wrong = await laptop.mutate('auth.changePassword', {
      currentPassword: 'not my password',
      password: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('currentPassword');
    expect((await phone.query('auth.me')).status).toBe(200);

    const weak = await laptop.mutate('auth.changePassword', {
      currentPassword: TEST_PASSWORD,
      password: 'qwerty123456',
    });
    expect(weak.status).toBe(400);

    await dataOf(
      await laptop.mutate('auth.changePassword', { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD }),
    );
    expect((await phone.query('auth.me')).status).toBe(401);
    expect((await laptop.query('auth.me')).status).toBe(200);
    expect((await httpClient(deps).signIn(member.email, NEW_PASSWORD)).status).toBe(200);
    // The account's owner is told, in case it was not them.
    const notices = await db
      .orm()
      .em.fork()
      .find(OutboxEmail, { to: member.email, template: 'user.sign_in_change' }, { filters: false });
    expect(notices.map((n) => n.subject)).toEqual(['The password of your Candor account was changed']);
  });

  it('a borrowed session cannot guess the current password by changing it: tries are limited per user', async () => {
    const em = db.orm().em.fork();
    const member = await seedUser(em, await seedTenant(em), 'recruiter');
    const deps = testDeps(db.orm());
    const limited = {
      ...deps,
      limits: {
        ...deps.limits,
        passwordCheckPerUser: new RateLimiter(3, 15 * 60_000, {
          store: db.orm(),
          name: `password-check-${member.id}`,
        }),
      },
    };
    const thief = httpClient(limited);
    await thief.signIn(member.email);
    for (let guess = 0; guess < 3; guess++) {
      expect(
        (
          await thief.mutate('auth.changePassword', {
            currentPassword: `guess ${guess}`,
            password: NEW_PASSWORD,
          })
        ).status,
      ).toBe(400);
    }
    // The fourth try is refused before the password is even checked, the right one included.
    const refused = await thief.mutate('auth.changePassword', {
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
    });
    expect(refused.status).toBe(429);
    expect((await httpClient(deps).signIn(member.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('the cookie lasts exactly as long as the server session', async () => {
    const { member, deps } = await setup();
    const browser = httpClient(deps);
    const res = await browser.signIn(member.email);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${deps.sessions.cookieName}=`))!;
    const lifetimeSeconds = SESSION_LIFETIME_HOURS * 3600;
    expect(setCookie).toMatch(new RegExp(`;\\s*Max-Age=${lifetimeSeconds}(;|$)`, 'i'));
    // The browser drops the cookie when the server forgets the session (and gets a fresh one when it is extended).
    const [row] = await db.orm().em.fork().find(Session, { user: member.id });
    expect(Math.abs(Date.now() + lifetimeSeconds * 1000 - row!.expiresAt.getTime())).toBeLessThan(5_000);
  });

  it('"who am I" answers null without an error when signed out', async () => {
    const { member, deps, signedIn } = await setup();
    const anonymous = httpClient(deps);
    expect(await dataOf(await anonymous.query('auth.whoAmI'))).toBeNull();
    const browser = await signedIn(member.email, CHROME_ON_LINUX);
    expect(await dataOf(await browser.query('auth.whoAmI'))).toMatchObject({ email: member.email });
  });
});
