/**
 * The backoffice's default views at issue 16's scale, as the admin opens them,
 * against a built server over HTTP:
 *
 *   pnpm bench:admin [--database sqlite|postgres|both] [--runs 200] [--views board,candidate]
 *                    [--check] [--cpu-prof] [--server <server.js>] [--postgres <url>]
 *                    [--baseline <other server.js> [--baseline-runs 20]]
 *
 * Per database it seeds the bulk tenant once (`db:seed:bulk --candidates
 * 100000 --applications 300000 --jobs 40`, under `nice -n 10`) into a
 * persistent place - bench/data/sqlite/candor.db, or the PostgreSQL database
 * candor_bench on 127.0.0.1:5432 - and reuses it while it holds that scale.
 * After seeding it runs ANALYZE (SQLite: production has statistics once the
 * first retention sweep has run) or VACUUM ANALYZE (PostgreSQL: what
 * autovacuum does in production; see `maintain`).
 *
 * Then it starts `node <server.js>` with NODE_ENV=production (only the
 * origin is http://localhost and the in-process retention sweep is off, so
 * no sweep runs mid-measurement), signs in over HTTP as the tenant's
 * recruiter and owner, and records the requests each view of admin-views.ts
 * sends through the admin's own dataProvider and tRPC client. Each view's
 * requests are then replayed `--runs` times, one view open at a time, with
 * the same session cookie: the server does the session check, tenant
 * scoping and audit write of every request as in production.
 *
 * Prints per view its p50/p95/p99 time to fully load (all its requests) and
 * the server's CPU time per open (from /proc/<pid>/stat), with the load
 * average at the start and end. --check exits 1 when a p95 is over 50 ms
 * (issue 16's budget). --cpu-prof runs the server under `node --cpu-prof`
 * and prints its hottest functions by self time (use it with --views).
 *
 * --baseline compares side by side in one run: per database it first opens
 * every view on the other build (for example a worktree of an older commit,
 * built), `--baseline-runs` times, then on this one, on the same data, and
 * prints both. An older build runs on the newer schema as it stands.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Application, Candidate, createOrm, Job, TENANT_FILTER, Tenant } from '@candor/db';
import { BENCH_PASSWORD } from '@candor/db/testing';
import { type Admin, type Fixtures, findFixtures, loadAdmin, type View, views } from './admin-views.js';
import { summariseCpuProfile } from './cpu-profile.js';
import { indexBenchDocuments, searchIndexBackfilled } from './search-index.js';
import { cpuSeconds, freePort, type ServerProcess, startServer } from './server-process.js';

const BUDGET_P95_MS = 50;
const SCALE = { candidates: 100_000, applications: 300_000, jobs: 40 };
const TENANT = 'bench';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '200' },
    views: { type: 'string' },
    check: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    server: { type: 'string', default: join(here, '..', 'dist', 'server.js') },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/candor_bench' },
    baseline: { type: 'string' },
    'baseline-runs': { type: 'string', default: '20' },
  },
});
const builtServer = (path: string) => {
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), path);
  if (!existsSync(file))
    throw new Error(`${file} does not exist: build it first (pnpm turbo run build --filter @candor/api...)`);
  return file;
};
const serverJs = builtServer(values.server);
const baselineJs = values.baseline ? builtServer(values.baseline) : null;
if (!['sqlite', 'postgres', 'both'].includes(values.database))
  throw new Error('--database is sqlite, postgres or both');
const runs = Number(values.runs);
const baselineRuns = Number(values['baseline-runs']);
const wanted = values.views?.split(',').map((w) => w.trim().toLowerCase());
const chosen = views.filter((view) => !wanted || wanted.some((w) => view.name.toLowerCase().includes(w)));
if (chosen.length === 0)
  throw new Error(`no view matches --views ${values.views}; views: ${views.map((v) => v.name).join('; ')}`);

type Database = { label: string; url: string; dataDir: string };
const benchData = join(here, 'data');
const databases: Database[] = [
  {
    label: 'SQLite',
    url: `sqlite:${join(benchData, 'sqlite', 'candor.db')}`,
    dataDir: join(benchData, 'sqlite'),
  },
  { label: 'PostgreSQL', url: values.postgres, dataDir: join(benchData, 'postgres') },
].filter(
  (db) => values.database === 'both' || (values.database === 'sqlite') === db.label.startsWith('SQLite'),
);

// --- Seeding -------------------------------------------------------------------------------------------------------

/** The bench tenant's size, or null when the database has no bench tenant (or no schema yet). */
async function tenantSize(url: string): Promise<typeof SCALE | null> {
  const orm = await createOrm(url);
  try {
    const em = orm.em.fork();
    const tenant = await em.findOne(Tenant, { slug: TENANT }).catch(() => null);
    if (!tenant) return null;
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const [candidates, applications, jobs] = await Promise.all([
      em.count(Candidate, { tenant }),
      em.count(Application, { tenant }),
      em.count(Job, { tenant }),
    ]);
    return { candidates, applications, jobs };
  } finally {
    await orm.close();
  }
}

/**
 * The upkeep a production database has had by the time it holds this much:
 * planner statistics on SQLite (the retention sweep runs ANALYZE), and on
 * PostgreSQL what autovacuum does - statistics, and a vacuum, which also
 * empties the trigram search indexes' pending lists (a bulk load leaves them
 * full, and every search then reads them: 110 ms instead of 2 ms for a
 * 3-letter name). Autovacuum is off on some machines, so the bench does it.
 */
const MAINTENANCE = { sqlite: 'analyze', postgres: 'vacuum analyze' } as const;
const maintenanceOf = (url: string) =>
  url.startsWith('postgres') ? MAINTENANCE.postgres : MAINTENANCE.sqlite;

async function maintain(url: string): Promise<void> {
  const orm = await createOrm(url);
  try {
    await orm.em.getConnection().execute(maintenanceOf(url));
  } finally {
    await orm.close();
  }
}

function createPostgresDatabase(url: string): void {
  const { hostname, port, username, pathname } = new URL(url);
  const name = pathname.slice(1);
  const exists = execFileSync(
    'psql',
    [
      '-h',
      hostname,
      '-p',
      port || '5432',
      '-U',
      username,
      '-d',
      'postgres',
      '-tAc',
      `select 1 from pg_database where datname = '${name}'`,
    ],
    {
      encoding: 'utf8',
    },
  ).trim();
  if (!exists) execFileSync('createdb', ['-h', hostname, '-p', port || '5432', '-U', username, name]);
}

/** Seeds the bench tenant at SCALE unless it is there already; then its upkeep once (`maintain`). Answers what happened. */
async function ensureSeeded(db: Database): Promise<string> {
  mkdirSync(db.dataDir, { recursive: true });
  if (db.url.startsWith('postgres')) createPostgresDatabase(db.url);
  const marker = join(db.dataDir, 'seeded.json');
  const same = (size: typeof SCALE | null) =>
    size !== null &&
    size.candidates === SCALE.candidates &&
    size.applications === SCALE.applications &&
    size.jobs === SCALE.jobs;
  const size = await tenantSize(db.url);
  if (size && !same(size)) {
    throw new Error(
      `${db.label} holds a bench tenant of another size (${JSON.stringify(size)}): delete ${db.dataDir} or drop the database`,
    );
  }
  let seeded = 'reused';
  if (!size) {
    const started = performance.now();
    console.log(`${db.label}: seeding the bench tenant (several minutes)...`);
    await run(
      'nice',
      [
        '-n',
        '10',
        'pnpm',
        '--filter',
        '@candor/db',
        'db:seed:bulk',
        '--candidates',
        String(SCALE.candidates),
        '--applications',
        String(SCALE.applications),
        '--jobs',
        String(SCALE.jobs),
        '--tenant',
        TENANT,
      ],
      { ...process.env, DATABASE_URL: db.url },
    );
    seeded = `seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`;
  }
  const indexed = await indexBenchDocuments(db.url, db.dataDir, masterKeyOf(db.dataDir));
  if (indexed) seeded += `, ${indexed}`;
  const done = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, 'utf8')) as { maintenance?: string })
    : null;
  // Newly indexed documents need their statistics too.
  if (indexed || done?.maintenance !== maintenanceOf(db.url)) {
    await maintain(db.url);
    const record = { ...SCALE, maintenance: maintenanceOf(db.url), analyzedAt: new Date().toISOString() };
    writeFileSync(marker, `${JSON.stringify(record)}\n`);
    seeded += `, then ${maintenanceOf(db.url).toUpperCase()}`;
  }
  const { analyzedAt } = JSON.parse(readFileSync(marker, 'utf8')) as { analyzedAt: string };
  return `${seeded} (analyzed ${analyzedAt})`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

// --- The server ----------------------------------------------------------------------------------------------------

/** A master key kept with the data, so keys wrapped on one run open on the next; production passes MASTER_KEY too. */
function masterKeyOf(dataDir: string): string {
  const file = join(dataDir, 'bench-master.key');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function startBenchServer(
  db: Database,
  server: string,
  profileDir: string | null,
): Promise<ServerProcess> {
  const port = await freePort();
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return startServer({
    args: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), server],
    cwd: join(dirname(server), '..'),
    port,
    // Errors the server logs (LOG_LEVEL=error) land here, next to the data they happened on.
    logFile: join(db.dataDir, 'server.log'),
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: db.dataDir,
      DATABASE_URL: db.url,
      MASTER_KEY: masterKeyOf(db.dataDir),
      // What the bench needs: a plain-http origin to talk to, and no retention sweep in the middle of a measurement.
      APP_ORIGIN: `http://localhost:${port}`,
      RETENTION_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'error',
    },
  });
}

// --- Talking to it as the admin does -------------------------------------------------------------------------------

type SentRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
/** Requests sent together (one render's batch), then the next group once they answered. */
type Recording = SentRequest[][];

const realFetch = globalThis.fetch;
const wire: { base: string; cookie: string; recording: Recording | null; answered: number } = {
  base: '',
  cookie: '',
  recording: null,
  answered: 0,
};

/**
 * The admin's tRPC client calls the global fetch with same-origin paths: send them to the server with the
 * session cookie a browser would attach, and note them, grouped by how many answers had arrived when each left.
 */
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const path = String(input);
  // Absolute URLs are not the admin's (the wait for a server's /healthz is one): they go out as they are.
  if (!path.startsWith('/')) return realFetch(input, init);
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  const request: SentRequest = {
    method: init?.method ?? 'GET',
    path,
    headers,
    body: typeof init?.body === 'string' ? init.body : undefined,
  };
  if (wire.recording) {
    const group = wire.recording[wire.answered] ?? [];
    group.push(request);
    wire.recording[wire.answered] = group;
  }
  const response = await send(request);
  wire.answered++;
  return response;
}) as typeof fetch;

function send(request: SentRequest): Promise<Response> {
  return realFetch(`${wire.base}${request.path}`, {
    method: request.method,
    // A browser sends Origin with every POST (a mutation), even to its own origin; the API checks it.
    headers: {
      ...request.headers,
      cookie: wire.cookie,
      ...(request.method === 'GET' ? {} : { origin: wire.base }),
    },
    body: request.body,
  });
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await realFetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => !c.endsWith('='));
  if (response.status !== 200 || !cookie)
    throw new Error(`${email} could not sign in: ${response.status} ${await response.text()}`);
  return cookie;
}

async function record(
  admin: Admin,
  open: (admin: Admin, f: Fixtures) => Promise<unknown>,
  fixtures: Fixtures,
): Promise<Recording> {
  wire.recording = [];
  wire.answered = 0;
  try {
    await open(admin, fixtures);
    return wire.recording.filter(Boolean);
  } finally {
    wire.recording = null;
  }
}

/** Opens the view once from its recording; throws when any answer is not a 200 (a 207 batch holds an error). */
async function replay(recording: Recording): Promise<void> {
  for (const group of recording) {
    await Promise.all(
      group.map(async (request) => {
        const response = await send(request);
        const body = await response.text();
        if (response.status !== 200) {
          // A batch answers 207 when one of its calls failed: show that call's error.
          const failed = /"error":\{.{0,300}/.exec(body)?.[0] ?? body.slice(0, 300);
          throw new Error(`${request.path.slice(0, 80)}: ${response.status} ${failed}`);
        }
      }),
    );
  }
}

// --- Measuring -----------------------------------------------------------------------------------------------------

type Result = {
  view: string;
  requests: number;
  procedures: string;
  p50: number;
  p95: number;
  p99: number;
  cpuMs: number;
  /** What each failed open answered (a 207 batch names the failing call). */
  failures: string[];
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(
  server: ServerProcess,
  recording: Recording,
  view: View,
  runs: number,
  before: Recording | null,
): Promise<Result> {
  const failures: string[] = [];
  // An open that fails is counted and reported, not timed: an older build may have bugs since fixed.
  const open = () => replay(recording).catch((error: Error) => void failures.push(error.message));
  // What the view does before each open (a change), not timed; its server CPU is counted with the open's.
  const prepare = async () => {
    if (before) await replay(before).catch((error: Error) => void failures.push(error.message));
  };
  for (let i = 0; i < 3; i++) {
    await prepare();
    await open(); // warm the statement caches
  }
  const times: number[] = [];
  const cpuBefore = cpuSeconds(server.pid);
  for (let i = 0; i < runs; i++) {
    await prepare();
    const started = performance.now();
    const failed = failures.length;
    await open();
    if (failures.length === failed) times.push(performance.now() - started);
  }
  const cpuMs = ((cpuSeconds(server.pid) - cpuBefore) * 1000) / runs;
  times.sort((a, b) => a - b);
  const requests = recording.flat();
  const procedures = requests
    .map((r) => new URL(r.path, 'http://x').pathname.replace('/trpc/', ''))
    .join(' → ');
  return {
    view: view.name,
    requests: requests.length,
    procedures,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    cpuMs,
    failures,
  };
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));

function commitOf(path: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dirname(path), ...args], { encoding: 'utf8' }).trim();
  try {
    const built = new Date(statSync(path).mtimeMs).toISOString().slice(0, 16).replace('T', ' ');
    return `${git('rev-parse', '--short', 'HEAD')}, ${path.split('/').slice(-3).join('/')} built ${built} UTC`;
  } catch {
    return 'unknown';
  }
}

const admin = await loadAdmin(join(here, '..', '..', 'admin', 'src'));

/** Starts one build on a database, opens every chosen view `times` times, stops it. */
async function openViews(
  db: Database,
  server: string,
  times: number,
  profileDir: string | null,
): Promise<Result[]> {
  const running = await startBenchServer(db, server, profileDir);
  const results: Result[] = [];
  try {
    await searchIndexBackfilled(db.label, db.url);
    wire.base = running.base;
    const cookies = {
      recruiter: await signIn(running.base, `recruiter@${TENANT}.example`),
      owner: await signIn(running.base, `owner@${TENANT}.example`),
    };
    wire.cookie = cookies.recruiter;
    const fixtures = await findFixtures(admin);
    for (const view of chosen) {
      wire.cookie = cookies[view.as];
      const before = view.before ? await record(admin, view.before, fixtures) : null;
      const recording = await record(admin, view.open, fixtures);
      const result = await measure(running, recording, view, times, before);
      results.push(result);
      console.error(
        `  ${db.label} ${server === serverJs ? '' : '(baseline) '}${result.view}: p95 ${ms(result.p95)} ms`,
      );
    }
  } finally {
    await running.stop();
  }
  return results;
}

let over = 0;
let failed = 0;
console.log(
  `Commit ${commitOf(serverJs)}; ${runs} opens of each view, one at a time; load average at start ${load()}\n`,
);
if (baselineJs)
  console.log(
    `Baseline: ${commitOf(baselineJs)}; ${baselineRuns} opens of each view, on the same data just before\n`,
  );
for (const db of databases) {
  const seeding = await ensureSeeded(db);
  const profileDir = values['cpu-prof'] ? join(db.dataDir, `profile-${Date.now()}`) : null;
  const baselineLoad = load();
  const baseline = baselineJs ? await openViews(db, baselineJs, baselineRuns, null) : null;
  const loadAtStart = load();
  const results = await openViews(db, serverJs, runs, profileDir);
  console.log(
    `### ${db.label}: ${SCALE.candidates.toLocaleString('en')} candidates, ${SCALE.applications.toLocaleString('en')} applications, ${SCALE.jobs} jobs; ${seeding}`,
  );
  if (baseline) {
    console.log(`Baseline from load average ${baselineLoad}; this build from ${loadAtStart} to ${load()}\n`);
    console.log(
      '| view | before p50 ms | before p95 ms | before CPU ms | after p50 ms | after p95 ms | after p99 ms | after CPU ms |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  } else {
    console.log(`Load average at start ${loadAtStart}, at end ${load()}\n`);
    console.log('| view | requests | p50 ms | p95 ms | p99 ms | server CPU ms per open |');
    console.log('| --- | --- | --- | --- | --- | --- |');
  }
  for (const r of results) {
    if (r.p95 > BUDGET_P95_MS) over++;
    const flag = r.p95 > BUDGET_P95_MS ? ' ✗' : '';
    const before = baseline?.find((b) => b.view === r.view);
    console.log(
      before
        ? `| ${r.view} | ${ms(before.p50)} | ${ms(before.p95)} | ${ms(before.cpuMs)} | ${ms(r.p50)} | ${ms(r.p95)}${flag} | ${ms(r.p99)} | ${ms(r.cpuMs)} |`
        : `| ${r.view} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p95)}${flag} | ${ms(r.p99)} | ${ms(r.cpuMs)} |`,
    );
  }
  for (const [build, list] of [
    ['baseline', baseline ?? []],
    ['this build', results],
  ] as const) {
    for (const r of list.filter((r) => r.failures.length > 0)) {
      if (build === 'this build') failed++;
      console.log(
        `\n${build}, ${r.view}: ${r.failures.length} open(s) failed, first: ${r.failures[0]?.slice(0, 300)}`,
      );
    }
  }
  console.log('\nRequests per view (one GET each; a comma-separated path is one batch):');
  for (const r of results) console.log(`- ${r.view}: ${r.procedures}`);
  if (profileDir) {
    const [profile] = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    if (profile)
      console.log(
        `\nCPU profile ${join(profileDir, profile)}:\n${summariseCpuProfile(join(profileDir, profile))}`,
      );
  }
  console.log('');
}
console.log(
  `Budget: p95 ≤ ${BUDGET_P95_MS} ms; ${over} view(s) over it (✗); ${failed} view(s) of this build with failed opens. Load average at end ${load()}`,
);
if (values.check && (over > 0 || failed > 0)) process.exit(1);
