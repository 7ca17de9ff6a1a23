import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Orm } from '@candor/db';
import { TEST_PASSWORD } from '@candor/db/testing';
import type { TSignInMethod } from '@candor/schemas';
import { createApp } from '../app.js';
import { createSessions } from '../auth/sessions.js';
import { SignInThrottle } from '../auth/sign-in-throttle.js';
import { fileReceivedApplications } from '../careers/file-applications.js';
import type { AppDeps } from '../deps.js';
import { diskFileStore } from '../files/file-store.js';
import { RateLimiter } from '../http/rate-limit.js';
import { createKeyStore } from '../keys/key-store.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { appRouter } from '../router.js';
import { createContext } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/init.js';

export const TEST_ORIGIN = 'http://candor.test';

/**
 * One master key and key store per test database, like one deployment:
 * tenant keys wrapped by one testDeps must open in the next one's.
 */
const keysOfDatabase = new WeakMap<Orm, Pick<AppDeps, 'masterKey' | 'hashKey' | 'keyStore'>>();

function keysOf(orm: Orm): Pick<AppDeps, 'masterKey' | 'hashKey' | 'keyStore'> {
  let keys = keysOfDatabase.get(orm);
  if (!keys) {
    keys = {
      masterKey: randomBytes(32),
      hashKey: randomBytes(32),
      keyStore: createKeyStore(mkdtempSync(join(tmpdir(), 'candor-keys-'))),
    };
    keysOfDatabase.set(orm, keys);
  }
  return keys;
}

/** A database-backed limit no ordinary test reaches; abuse tests put tight ones in its place. */
function roomyLimit(orm: Orm, name: string): RateLimiter {
  return new RateLimiter(1000, 60_000, { store: orm, name });
}

/** Real deps over a real database; only the outside world (files, logs, keys) is pointed at temp places. */
export function testDeps(orm: Orm, overrides: Partial<AppDeps> = {}): AppDeps & { logLines: string[] } {
  const logLines: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logLines.push(line));
  return {
    orm,
    logger,
    sessions: createSessions(orm, { secureCookies: false }),
    publicUrl: TEST_ORIGIN,
    allowedOrigins: [TEST_ORIGIN],
    // The calendar servers the tests start (Radicale) listen on 127.0.0.1.
    allowPrivateHosts: true,
    // In the test database, like production: every abuse test runs against the real store on both dialects.
    limits: {
      signInPerIp: roomyLimit(orm, 'signin-ip'),
      publicPerIp: roomyLimit(orm, 'public-ip'),
      applyPerIp: roomyLimit(orm, 'apply-ip'),
      portalCodePerIp: roomyLimit(orm, 'portal-code-ip'),
      portalCodePerEmailAndNetwork: roomyLimit(orm, 'portal-code-email'),
      portalVerifyPerIp: roomyLimit(orm, 'portal-verify-ip'),
      passwordResetPerIp: roomyLimit(orm, 'reset-ip'),
      passwordResetPerEmail: roomyLimit(orm, 'reset-email'),
      secondFactorPerUser: roomyLimit(orm, 'second-factor-user'),
      secondFactorPerSignIn: roomyLimit(orm, 'second-factor-sign-in'),
      passwordCheckPerUser: roomyLimit(orm, 'password-check-user'),
      apiPerKey: roomyLimit(orm, 'api-key'),
    },
    signInThrottle: new SignInThrottle(orm),
    publishCareers: async () => undefined,
    trustedProxyHops: 1,
    adminDir: null,
    careersDir: mkdtempSync(join(tmpdir(), 'candor-careers-')),
    files: diskFileStore(mkdtempSync(join(tmpdir(), 'candor-files-'))),
    ...keysOf(orm),
    ...overrides,
    logLines,
  };
}

const createCaller = createCallerFactory(appRouter);

/**
 * A tRPC caller acting as the holder of `token` (or anonymous), with the real
 * middleware chain. Each call gets a fresh context (and EntityManager), as
 * each HTTP request does.
 */
export async function callerFor(deps: AppDeps, token?: string) {
  return createCaller(() =>
    createContext(
      deps,
      {
        requestId: 'test',
        ip: '127.0.0.1',
        cookieHeader: token ? `${deps.sessions.cookieName}=${token}` : undefined,
      },
      new Headers(),
    ),
  );
}

/** Signs in through the session store directly (the sign-in procedure has its own tests). */
export async function sessionFor(
  deps: AppDeps,
  userId: string,
  tenantId: string,
  signedInWith: TSignInMethod = 'password',
): Promise<string> {
  return (await deps.sessions.create(userId, tenantId, { signedInWith })).token;
}

/** An HTTP client for `app.request`, keeping cookies like a browser and sending our Origin. */
export function httpClient(deps: AppDeps) {
  const app = createApp(deps);
  let cookie = '';
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    if (!headers.has('Origin')) headers.set('Origin', TEST_ORIGIN);
    const res = await app.request(path, { ...init, headers });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    for (const c of set) cookie = c.endsWith('=') ? '' : c;
    // An application is received by the request and filed by a background job moments later
    // (careers/file-applications.ts); a test sees it filed, as anyone looking a moment later would.
    // careers/apply.int.test.ts checks the two steps apart.
    if (init.method === 'POST' && res.status === 201 && /^\/careers\/[^/]+\/jobs\/[^/]+\/apply/.test(path))
      await fileReceivedApplications(deps);
    return res;
  };
  return {
    app,
    request,
    query: (path: string, input?: unknown) =>
      request(
        `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
      ),
    mutate: (path: string, input?: unknown, headers: Record<string, string> = {}) =>
      request(`/trpc/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: input === undefined ? undefined : JSON.stringify(input),
      }),
    signIn: (email: string, password = TEST_PASSWORD) =>
      request('/trpc/auth.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    get cookie() {
      return cookie;
    },
  };
}
