/**
 * A real crash while an application is filed: the real server runs as a
 * child process, receives an application, and its filing is stopped between
 * writing and committing (the test-only hook in files/crash-test-pause.ts);
 * the process is killed with SIGKILL. The received application must survive
 * (row, pending resume, key; the start-up sweep leaves them) and be filed
 * once after the restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApplicationIntake, Attachment, Candidate, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { afterEach, expect, it } from 'vitest';
import { setJobStatus } from '../jobs/jobs.service.js';
import { candidateKey, openWith } from '../keys/data-keys.js';
import { createKeyStore } from '../keys/key-store.js';
import { loadMasterKey } from '../keys/master-key.js';
import { createLogger } from '../logging/logger.js';
import { LEFTOVER_GRACE_MS } from '../retention/leftovers.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';

const API_DIR = resolve(import.meta.dirname, '../..');
const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Polls for a condition the server brings about (its health, the hook's marker); fails with the server's output. */
async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  server: Server,
  withinMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (server.child.exitCode !== null) throw new Error(`server exited before ${what}:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${what} within ${withinMs / 1000} s:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
}

/** `src/server.ts` from source (tsx), as `pnpm dev` runs it, on the given database and data folder. */
async function startServer(
  databaseUrl: string,
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@candor/source', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      DEMO_SEED: 'false',
      LOG_LEVEL: 'warn',
      RETENTION_INTERVAL_MINUTES: '0',
      APP_ORIGIN: url,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const server = { url, child, output: () => log };
  running.push(server);
  await until(
    'health',
    () =>
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    server,
  );
  return server;
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill(signal);
    await exited;
  }
}

const running: Server[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await stop(server, 'SIGKILL');
});

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name).slice(dir.length + 1))
    .sort();
}

forEachDatabase('a crash while filing an application', (db) => {
  it('keeps the received application, which the restarted server files once', {
    timeout: 300_000,
  }, async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const actor = actorOf(admin.id, tenant.id);
    const { job } = await seedJobWithApplicant(db.orm(), actor);
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    const dataDir = mkdtempSync(join(tmpdir(), 'candor-crash-'));
    const filesDir = join(dataDir, 'files');
    const keysDir = join(dataDir, 'keys');
    const marker = join(dataDir, 'paused-after-file-write');
    const email = `crash-${Date.now()}@example.test`;
    const apply = (server: Server) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({
        name: 'Ada Applicant',
        email,
        ageConfirmed: 'yes',
        noticeVersion: '1',
      }))
        form.append(name, value);
      form.append('resume', new File([pdfBytes('Ada crash resume')], 'ada.pdf'));
      return fetch(`${server.url}/careers/${tenant.slug}/jobs/${job.id}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json', Origin: server.url },
        body: form,
      });
    };

    try {
      // The application is received (201) and then filed in the background, where the hook stops it.
      const crashing = await startServer(db.url(), dataDir, { CANDOR_TEST_PAUSE_AFTER_FILE_WRITE: marker });
      expect((await apply(crashing)).status).toBe(201);
      await until('marker', () => existsSync(marker), crashing);
      await stop(crashing, 'SIGKILL');

      // Nothing filed: the intake row, its pending resume and its key wait, and together they are the resume.
      expect(await db.orm().em.fork().count(Candidate, { email }, ANY_TENANT)).toBe(0);
      expect(await db.orm().em.fork().count(Attachment, { tenant: tenant.id }, ANY_TENANT)).toBe(0);
      const intake = await db.orm().em.fork().findOneOrFail(ApplicationIntake, { email }, ANY_TENANT);
      expect(intake.attempts).toBe(1);
      const leftFiles = filesUnder(filesDir);
      expect(leftFiles).toEqual([`${intake.resumeKey.slice(0, 2)}/${intake.resumeKey}.pending`]);
      const leftKeys = filesUnder(keysDir);
      expect(leftKeys).toEqual([
        `${tenant.id}/${intake.candidateKeyId.slice(0, 2)}/${intake.candidateKeyId}.key`,
      ]);
      const masterKey = loadMasterKey({ dataDir, logger: createLogger('silent') });
      const key = await candidateKey(
        db.orm().em.fork(),
        { masterKey, keyStore: createKeyStore(keysDir) },
        { tenantId: tenant.id, candidateId: intake.candidateKeyId },
      );
      expect(
        openWith(key!, readFileSync(join(filesDir, leftFiles[0]!))).equals(pdfBytes('Ada crash resume')),
      ).toBe(true);

      // Restarted after the leftover sweep's grace period: the sweep leaves what the intake row points at,
      // and once the dead worker's claim has run out the application is filed, once.
      const then = new Date(Date.now() - LEFTOVER_GRACE_MS - 60_000);
      for (const path of [join(filesDir, leftFiles[0]!), join(keysDir, leftKeys[0]!)])
        utimesSync(path, then, then);
      const restarted = await startServer(db.url(), dataDir, { INTAKE_CLAIM_SECONDS: '2' });
      await until(
        'the application filed',
        async () => (await db.orm().em.fork().count(ApplicationIntake, { email }, ANY_TENANT)) === 0,
        restarted,
        // On PostgreSQL the killed instance's filing job is given up after 45 s and pg-boss's next
        // maintenance (every minute) fails it, before the next round may start.
        180_000,
      );
      const candidate = await db.orm().em.fork().findOneOrFail(Candidate, { email }, ANY_TENANT);
      // The new candidate took the intake's key: the received file is theirs, promoted to its final name.
      expect(candidate.id).toBe(intake.candidateKeyId);
      const stored = await db.orm().em.fork().find(Attachment, { tenant: tenant.id }, ANY_TENANT);
      expect(stored.map((a) => a.storageKey)).toEqual([intake.resumeKey]);
      expect(filesUnder(filesDir)).toEqual([`${intake.resumeKey.slice(0, 2)}/${intake.resumeKey}`]);
      expect(filesUnder(keysDir)).toEqual(leftKeys);
      await stop(restarted, 'SIGTERM');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
