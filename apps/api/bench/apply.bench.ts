/**
 * Applying at the speed of the hardware (issue 21), replayed over HTTP:
 *
 *   pnpm bench:apply [--database sqlite|postgres|both] [--count 1000] [--concurrency 50] [--warmup 50]
 *                    [--kilobytes 200] [--workers true|false] [--filing after|during] [--cpu-prof]
 *                    [--server <server.js>] [--postgres <url>]
 *
 * For each database, in one run: a built Candor server (the demo tenant,
 * production mode) gets `--count` applications, `--concurrency` at a time,
 * each the multipart form the careers site's apply page sends (name, email,
 * age confirmation, notice version, a PDF resume of `--kilobytes`), each
 * from its own client address behind one trusted proxy (so the per-address
 * apply limit sees applicants, not the bench). Then, on the same database,
 * a bare handler (bench/bare-apply-server.ts) that parses the same body and
 * writes one row gets the same load. Prints requests per second,
 * p50/p95/p99, failures, the machine's load, and Candor as a percentage of
 * the bare handler. Both sides first get `--warmup` applications that are
 * not counted. An application is answered once it is received; a background
 * job files it (docs/applying.md): the bench then waits until every one is
 * filed and says how long that took after the last answer. With
 * `--workers false` the web server runs no jobs and a `pnpm worker` files
 * them, started once the last applicant is answered (`--filing after`, as
 * a worker on its own machine) or from the start (`--filing during`, both
 * on this machine's cores). --cpu-prof profiles the Candor server (and the
 * worker) and lists where their time went.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOrm } from '@candor/db';
import { DEMO_TENANT } from '@candor/db/seed';
import { summariseCpuProfile } from './cpu-profile.js';
import { cpuSeconds, freePort, type ServerProcess, startServer } from './server-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'both' },
    count: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '50' },
    kilobytes: { type: 'string', default: '200' },
    'cpu-prof': { type: 'boolean', default: false },
    // false: the measured server is a web instance only (WORKERS=false): its background jobs (mail, search
    // indexing, webhooks) would run in `pnpm worker` elsewhere, as in the production shape (docs/deploy.md).
    workers: { type: 'string', default: 'true' },
    filing: { type: 'string', default: 'after' },
    server: { type: 'string', default: join(here, '..', 'dist', 'server.js') },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});
const serverJs = resolve(process.env.INIT_CWD ?? process.cwd(), values.server);
if (!existsSync(serverJs))
  throw new Error(
    `${serverJs} does not exist: build it first (pnpm turbo run build --filter @candor/api...)`,
  );
if (!['sqlite', 'postgres', 'both'].includes(values.database))
  throw new Error('--database is sqlite, postgres or both');
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);

/** A valid PDF of about the asked size: the padding is a PDF comment, as scanned resumes carry images. */
function resumePdf(kilobytes: number): Uint8Array {
  const head =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n';
  const padding = `% ${randomBytes(Math.max(0, kilobytes * 768)).toString('base64')}\n`;
  return Buffer.from(`${head}${padding}trailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');
}
const RESUME = resumePdf(Number(values.kilobytes));

type Target = {
  base: string;
  slug: string;
  jobId: string;
  noticeVersion: string;
  answers: Array<[string, string]>;
};
type Result = {
  label: string;
  seconds: number;
  ok: number;
  failed: Map<number, number>;
  latencies: number[];
  /** The first failure's answer, to say why. */
  firstFailure?: string;
};

/**
 * The required questions' answers a person would give: some text, the first
 * choice of a select or radio group.
 */
function answersOf(page: string): Array<[string, string]> {
  const answers = new Map<string, string>();
  for (const tag of page.match(/<(?:input|select|textarea)\b[^>]*>/g) ?? []) {
    const name = /name="(answer:[^"]+)"/.exec(tag)?.[1];
    if (!name || answers.has(name) || !/\srequired\b/.test(tag)) continue;
    if (tag.startsWith('<select')) {
      const options = page.slice(page.indexOf(tag)).match(/<option>([^<]*)<\/option>/);
      answers.set(name, options?.[1] ?? '');
    } else if (/type="radio"/.test(tag)) answers.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? '');
    else answers.set(name, 'I built something like this before.');
  }
  return [...answers];
}

/** An open job with an apply form, found as a job board would (from the site's feed), and what its form needs. */
async function findTarget(base: string): Promise<Target> {
  const slug = DEMO_TENANT.slug;
  const feed = (await (await fetch(`${base}/careers/${slug}/jobs.json`)).json()) as {
    items: Array<{ id: string }>;
  };
  for (const { id } of feed.items) {
    const page = await (await fetch(`${base}/careers/${slug}/jobs/${id}/apply/`)).text();
    const version = /name="noticeVersion" value="(\d+)"/.exec(page)?.[1];
    // Profile sections are optional; required questions get an answer.
    if (version) return { base, slug, jobId: id, noticeVersion: version, answers: answersOf(page) };
  }
  throw new Error('no open demo job with an apply form');
}

function formFor(target: Target, n: number, who = 'applicant'): FormData {
  const form = new FormData();
  form.append('name', `Bench Applicant ${n}`);
  form.append('email', `bench.${who}.${n}.${Date.now()}@example.com`);
  form.append('ageConfirmed', 'yes');
  form.append('noticeVersion', target.noticeVersion);
  for (const [name, value] of target.answers) form.append(name, value);
  form.append('resume', new File([RESUME], 'resume.pdf', { type: 'application/pdf' }));
  return form;
}

/** A client address per applicant (TEST-NET ranges), as the trusted proxy would append it. */
function addressOf(n: number): string {
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * `--warmup` applications first, not counted (on both sides alike): a server that has
 * been up for a while has its code compiled and its connections open.
 */
async function warmUp(target: Target): Promise<void> {
  const n = Number(values.warmup);
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      fetch(`${target.base}/careers/${target.slug}/jobs/${target.jobId}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-Forwarded-For': `198.51.100.${i % 250}` },
        body: formFor(target, i, 'warmup'),
      }).then((r) => r.arrayBuffer()),
    ),
  );
}

async function load(label: string, target: Target): Promise<Result> {
  const latencies: number[] = [];
  const failed = new Map<number, number>();
  let firstFailure: string | undefined;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < COUNT) {
      const n = next++;
      const form = formFor(target, n);
      const t0 = performance.now();
      const answer = await fetch(`${target.base}/careers/${target.slug}/jobs/${target.jobId}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-Forwarded-For': addressOf(n) },
        body: form,
      }).catch(() => null);
      const status = answer?.status ?? 0;
      const text = await answer?.text().catch(() => '');
      if (status === 201) latencies.push(performance.now() - t0);
      else {
        failed.set(status, (failed.get(status) ?? 0) + 1);
        firstFailure ??= `${status} ${text?.slice(0, 300) ?? 'no answer'}`;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (firstFailure) console.log(`  ${label}: first failure: ${firstFailure}`);
  return { label, seconds, ok: latencies.length, failed, latencies, firstFailure };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(result: Result) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    perSecond: result.ok / result.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

const loadNow = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function createPostgresDatabase(url: string): void {
  const { hostname, port, username, pathname } = new URL(url);
  const args = ['-h', hostname, '-p', port || '5432', '-U', username];
  execFileSync('dropdb', [...args, '--if-exists', pathname.slice(1)]);
  execFileSync('createdb', [...args, pathname.slice(1)]);
}

function dropPostgresDatabase(url: string): void {
  const { hostname, port, username, pathname } = new URL(url);
  execFileSync('dropdb', [
    '-h',
    hostname,
    '-p',
    port || '5432',
    '-U',
    username,
    '--if-exists',
    pathname.slice(1),
  ]);
}

async function startCandor(
  dataDir: string,
  databaseUrl: string,
  profileDir: string | null,
  masterKey: string,
) {
  const port = await freePort();
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return startServer({
    args: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), serverJs],
    cwd: join(dirname(serverJs), '..'),
    port,
    logFile: join(dataDir, 'server.log'),
    env: {
      ...inherited,
      // The demo tenant is what applicants apply to; production mode would not seed it.
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      MASTER_KEY: masterKey,
      APP_ORIGIN: `http://localhost:${port}`,
      TRUST_PROXY_HOPS: '1',
      WORKERS: values.workers === 'false' ? 'false' : 'true',
      RETENTION_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'error',
    },
  });
}

/** `pnpm worker` beside a WORKERS=false server: it files the received applications (and runs the other jobs). */
function startWorker(
  dataDir: string,
  databaseUrl: string,
  masterKey: string,
  profileDir: string | null,
): ChildProcess {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const log = openSync(join(dataDir, 'worker.log'), 'a');
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      join(dirname(serverJs), 'worker.js'),
    ],
    {
      cwd: join(dirname(serverJs), '..'),
      env: {
        ...inherited,
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        MASTER_KEY: masterKey,
        RETENTION_INTERVAL_MINUTES: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', log, 'inherit'],
    },
  );
  closeSync(log);
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/**
 * Waits until every received application is filed (no intake row left) and
 * counts the applications the bench's applicants made: what the recruiter
 * sees, measured from the last applicant's answer.
 */
async function waitUntilFiled(databaseUrl: string): Promise<{ seconds: number; filed: number }> {
  const orm = await createOrm(databaseUrl);
  try {
    const connection = orm.em.getConnection();
    const started = performance.now();
    for (;;) {
      const [left] = await connection.execute<Array<{ n: number | string }>>(
        'select count(*) as n from application_intake',
      );
      if (Number(left?.n) === 0) break;
      if (performance.now() - started > (COUNT > 100 ? 600_000 : 30_000))
        throw new Error('applications not filed within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const [filed] = await connection.execute<Array<{ n: number | string }>>(
      "select count(*) as n from candidate where email like 'bench.applicant.%'",
    );
    return { seconds, filed: Number(filed?.n) };
  } finally {
    await orm.close();
  }
}

async function startBare(dataDir: string, databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return startServer({
    args: ['--import', 'tsx', '--conditions=@candor/source', join(here, 'bare-apply-server.ts')],
    cwd: join(here, '..'),
    port,
    logFile: join(dataDir, 'bare.log'),
    env: { ...inherited, PORT: String(port), DATABASE_URL: databaseUrl },
  });
}

const rows: string[] = [];
const fmt = (ms: number) => `${Math.round(ms)} ms`;
const databases = values.database === 'both' ? ['sqlite', 'postgres'] : [values.database];
console.log(
  `bench:apply: ${COUNT} applications, ${CONCURRENCY} at a time, ${Math.round(RESUME.byteLength / 1024)} KB PDF, WORKERS=${values.workers}; ${cpus().length} cores, load ${loadNow()}`,
);
for (const database of databases) {
  const dataDir = mkdtempSync(join(tmpdir(), `candor-bench-apply-${database}-`));
  const pgUrl = `${values.postgres.replace(/\/$/, '')}/candor_bench_apply_${process.pid}`;
  const databaseUrl = database === 'sqlite' ? `sqlite:${join(dataDir, 'candor.db')}` : pgUrl;
  if (database === 'postgres') createPostgresDatabase(pgUrl);
  const label = database === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  try {
    const profileDir = values['cpu-prof'] ? join(dataDir, 'profile') : null;
    const masterKey = randomBytes(32).toString('base64');
    // The first start seeds the demo tenant; the measured (and profiled) one finds it there, as a running server would.
    await (await startCandor(dataDir, databaseUrl, null, masterKey)).stop();
    const candor = await startCandor(dataDir, databaseUrl, profileDir, masterKey);
    const withWorker = () =>
      startWorker(dataDir, databaseUrl, masterKey, profileDir && join(profileDir, 'worker'));
    // --filing after: the worker starts once the last applicant has their answer, as a worker on
    // another machine would not take this one's CPU; --filing during: it files while they apply.
    let worker = values.workers === 'false' && values.filing === 'during' ? withWorker() : null;
    let candorResult: Result;
    let cpu: number;
    let filing: { seconds: number; filed: number; cpu: number };
    try {
      const target = await findTarget(candor.base);
      await warmUp(target);
      const loadBefore = loadNow();
      const cpuBefore = cpuSeconds(candor.pid);
      const filerCpuBefore = worker?.pid ? cpuSeconds(worker.pid) : 0;
      candorResult = await load('Candor', target);
      cpu = cpuSeconds(candor.pid) - cpuBefore;
      console.log(`  ${label} Candor done (load before ${loadBefore}, after ${loadNow()})`);
      const workerStartedAfter = values.workers === 'false' && !worker;
      if (workerStartedAfter) worker = withWorker();
      const filed = await waitUntilFiled(databaseUrl);
      // With a worker, its CPU is filing's; without one, the server's after the last answer is.
      const filingCpu = worker?.pid
        ? cpuSeconds(worker.pid) - (workerStartedAfter ? 0 : filerCpuBefore)
        : cpuSeconds(candor.pid) - cpuBefore - cpu;
      filing = { ...filed, cpu: filingCpu };
      console.log(
        `  ${label} filed ${filed.filed} applications, the last ${filed.seconds.toFixed(1)} s after the last answer (load ${loadNow()})`,
      );
    } finally {
      if (worker) await stopWorker(worker);
      await candor.stop();
    }
    const bare = await startBare(dataDir, databaseUrl);
    let bareResult: Result;
    try {
      const bareTarget = {
        base: bare.base,
        slug: DEMO_TENANT.slug,
        jobId: '00000000-0000-4000-8000-000000000000',
        noticeVersion: '1',
        answers: [],
      };
      await warmUp(bareTarget);
      bareResult = await load('bare handler', bareTarget);
      console.log(`  ${label} bare handler done (load ${loadNow()})`);
    } finally {
      await bare.stop();
    }
    const c = summary(candorResult);
    const b = summary(bareResult);
    const failures = (r: Result) =>
      [...r.failed].map(([status, n]) => `${n}×${status || 'network'}`).join(', ') || 'none';
    rows.push(
      `| ${label} | Candor | ${c.perSecond.toFixed(1)}/s | ${fmt(c.p50)} | ${fmt(c.p95)} | ${fmt(c.p99)} | ${failures(candorResult)} | ${((cpu * 1000) / Math.max(1, candorResult.ok)).toFixed(1)} ms CPU per application in the web server |`,
      `| ${label} | Candor's filing (${worker ? 'worker' : 'in the server'}) | ${(filing.filed / (candorResult.seconds + filing.seconds)).toFixed(1)}/s | | | | ${candorResult.ok - filing.filed} not filed | all filed ${filing.seconds.toFixed(1)} s after the last answer; ${worker ? `${((filing.cpu * 1000) / Math.max(1, filing.filed)).toFixed(1)} ms worker CPU per application` : ''} |`,
      `| ${label} | bare handler | ${b.perSecond.toFixed(1)}/s | ${fmt(b.p50)} | ${fmt(b.p95)} | ${fmt(b.p99)} | ${failures(bareResult)} | Candor at ${((100 * c.perSecond) / b.perSecond).toFixed(0)}% of it |`,
    );
    if (profileDir) {
      const [profile] = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
      if (profile)
        console.log(`\nCPU profile (${label}):\n${summariseCpuProfile(join(profileDir, profile))}`);
      const workerDir = join(profileDir, 'worker');
      const [workerProfile] = existsSync(workerDir)
        ? readdirSync(workerDir).filter((f) => f.endsWith('.cpuprofile'))
        : [];
      if (workerProfile)
        console.log(
          `\nCPU profile (${label}, worker):\n${summariseCpuProfile(join(workerDir, workerProfile))}`,
        );
    }
  } finally {
    if (database === 'postgres') dropPostgresDatabase(pgUrl);
    if (!values['cpu-prof']) rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(
  `\n| database | server | throughput | p50 | p95 | p99 | failed | note |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\nload at the end: ${loadNow()}`,
);
