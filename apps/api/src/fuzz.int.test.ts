/**
 * Fuzzes the whole HTTP surface: generated requests (hostile paths, queries,
 * cookies, headers, form and JSON bodies; every tRPC procedure with inputs
 * derived from its schema, as anyone, as a tenant admin and as a signed-in
 * applicant) go through the real app and a real database. Any 5xx, and any
 * error the server logged while answering, fails the run with the request
 * that caused it (shrunk).
 *
 * Seeded and bounded: FUZZ_SEED (default below), FUZZ_RUNS (requests per
 * database) and FUZZ_SECONDS (time budget per database) override the
 * defaults. FUZZ_SURVEY=1 keeps going after a failure and prints how many
 * requests failed, by route, instead of shrinking the first one.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from './app.js';
import { SIGN_IN_THROTTLE, SignInThrottle } from './auth/sign-in-throttle.js';
import { RateLimiter } from './http/rate-limit.js';
import { setJobStatus } from './jobs/jobs.service.js';
import { createLogger } from './logging/logger.js';
import { PORTAL_COOKIE } from './portal/portal.http.js';
import { startPortalSession } from './portal/portal-auth.js';
import type { FuzzRequest, FuzzTargets } from './testing/fuzz/requests.js';
import { fuzzRequests } from './testing/fuzz/requests.js';
import { sendFuzzRequest } from './testing/fuzz/send.js';
import { actorOf, seedJobWithApplicant, tenantEm } from './testing/hiring-fixtures.js';
import { sessionFor, testDeps } from './testing/test-app.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_715);
/** Most requests run on SQLite (fast); PostgreSQL gets a smaller share, as it refuses more (NUL in text). */
const RUNS = { sqlite: 8_000, postgresql: 3_000 } as const;
const SECONDS = { sqlite: 90, postgresql: 60 } as const;
const SURVEY = process.env.FUZZ_SURVEY === '1';

/** Requests print shortened: a 70,000-character field helps nobody read a counterexample. */
function printable(request: FuzzRequest): string {
  return JSON.stringify(request, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 200
      ? `${value.slice(0, 200)}…(${value.length} chars)`
      : value,
  );
}

/** The route a request went to, with ids and free text left out, to group failures. */
function routeOf(request: FuzzRequest): string {
  const path = request.path.split('?')[0]!.split('/').slice(0, 4).join('/');
  return `${request.method} ${path.length > 60 ? `${path.slice(0, 60)}…` : path}`;
}

forEachDatabase('fuzzing every route', (db) => {
  const errors: string[] = [];
  let app: ReturnType<typeof createApp>;
  let cookieFor: (request: FuzzRequest) => Promise<string | null>;
  let forgetEndedSessions: (res: Response) => void;
  let targets: FuzzTargets;

  beforeAll(async () => {
    const orm = db.orm();
    const em = orm.em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const actor = actorOf(admin.id, tenant.id);
    const { job, candidate, applicationId } = await seedJobWithApplicant(orm, actor);
    await setJobStatus(tenantEm(orm, tenant.id), actor, job.id, 'open');

    // A published careers site and a built backoffice, so static paths have files to find.
    const careersDir = mkdtempSync(join(tmpdir(), 'candor-fuzz-careers-'));
    mkdirSync(join(careersDir, tenant.slug, 'jobs'), { recursive: true });
    writeFileSync(join(careersDir, tenant.slug, 'index.html'), '<h1>Jobs</h1>');
    writeFileSync(join(careersDir, tenant.slug, 'jobs', 'index.html'), '<h1>A job</h1>');
    const adminDir = mkdtempSync(join(tmpdir(), 'candor-fuzz-admin-'));
    mkdirSync(join(adminDir, 'assets'));
    writeFileSync(join(adminDir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(adminDir, 'assets', 'app.js'), 'export {}');

    const base = testDeps(orm, {
      careersDir,
      adminDir,
      // Only errors are kept: they fail the run.
      logger: createLogger('error', (line) => errors.push(line)),
    });
    // Rate limits out of the way, so every request reaches the code behind them.
    const limits = Object.fromEntries(
      Object.keys(base.limits).map((name) => [name, new RateLimiter(1e9, 60_000)]),
    );
    const signInThrottle = new SignInThrottle(null, {
      ...SIGN_IN_THROTTLE,
      freeFailures: Number.MAX_SAFE_INTEGER,
    });
    const deps = { ...base, limits: limits as typeof base.limits, signInThrottle };
    app = createApp(deps);
    targets = {
      slug: tenant.slug,
      jobId: job.id,
      ids: [tenant.id, admin.id, job.id, candidate.id, applicationId],
      emails: [candidate.email, admin.email],
    };
    // Sessions are reused until a response ends one (a generated request may sign out).
    const cookies: Partial<Record<FuzzRequest['sender'], string>> = {};
    const newCookie = async (sender: FuzzRequest['sender']): Promise<string | undefined> => {
      if (sender === 'admin')
        return `${deps.sessions.cookieName}=${await sessionFor(deps, admin.id, tenant.id)}`;
      if (sender === 'applicant') {
        const { token } = await startPortalSession(tenantEm(orm, tenant.id), tenant.id, candidate.email);
        return `${PORTAL_COOKIE}=${token}`;
      }
      return undefined;
    };
    cookieFor = async ({ sender }) => {
      cookies[sender] ??= await newCookie(sender);
      return cookies[sender] ?? null;
    };
    forgetEndedSessions = (res) => {
      for (const set of res.headers.getSetCookie()) {
        const name = set.slice(0, set.indexOf('='));
        for (const sender of ['admin', 'applicant'] as const) {
          if (cookies[sender]?.startsWith(`${name}=`) && set.startsWith(`${name}=;`)) delete cookies[sender];
        }
      }
    };
  });

  it('answers every generated request with less than a 5xx and logs no error', async () => {
    const failures = new Map<string, number>();
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = performance.now();
    const property = fc.asyncProperty(fuzzRequests(targets), async (request) => {
      errors.length = 0;
      sent++;
      const res = await sendFuzzRequest(app, request, await cookieFor(request));
      await res.arrayBuffer();
      forgetEndedSessions(res);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const failure =
        res.status >= 500 ? `answered ${res.status}` : errors.length > 0 ? `logged ${errors[0]}` : null;
      if (!failure) return;
      if (SURVEY) {
        const key = `${routeOf(request)} ${failure.slice(0, 40)}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        return;
      }
      throw new Error(`${failure} for ${printable(request)}`);
    });
    await fc.assert(property, {
      seed: SEED,
      numRuns: Number(process.env.FUZZ_RUNS ?? RUNS[db.dialect]),
      interruptAfterTimeLimit: Number(process.env.FUZZ_SECONDS ?? SECONDS[db.dialect]) * 1000,
      markInterruptAsFailure: false,
      // A failing request shrinks for at most 30 s: long enough for a readable counterexample.
      skipAllAfterTimeLimit: (Number(process.env.FUZZ_SECONDS ?? SECONDS[db.dialect]) + 30) * 1000,
    });
    const seconds = Math.round((performance.now() - started) / 1000);
    const failed = [...failures.values()].reduce((a, b) => a + b, 0);
    const byStatus = [...statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
    console.info(
      `fuzz [${db.dialect}] seed ${SEED}: ${sent} requests in ${seconds} s, ${failed} failed (${byStatus})`,
    );
    if (SURVEY)
      for (const [key, count] of [...failures].sort((a, b) => b[1] - a[1]))
        console.info(`  ${count}\t${key}`);
    expect(failed).toBe(0);
  }, 600_000); // The time budget plus shrinking; vitest's own timeout is only a backstop.
});
