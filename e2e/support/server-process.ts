/**
 * Starts the real, built Candor server (apps/api/dist/server.js) with its own
 * database and data folder and the demo seed, exactly as `pnpm start` does:
 * once per dialect for all browser tests (servers.global-setup.ts), or for a
 * single test that needs a server of its own (e.g. one on a test clock).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase } from '@candor/db/testing/databases';

export const SERVER = resolve(import.meta.dirname, '../../apps/api/dist/server.js');
const TEST_CLOCK = resolve(import.meta.dirname, 'test-clock.mjs');
export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // Two minutes: the demo seed on PostgreSQL takes a while on a busy machine.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

export interface Started {
  url: string;
  dataDir: string;
  /** Candor's own SMTP endpoint for replies (INBOUND_SMTP_PORT). */
  smtpPort: number;
  /**
   * Sets the server's clock (test-clock.mjs) to `at` and resolves once it
   * runs from there; only on a server started with `testClock`.
   */
  setClock(at: Date): Promise<void>;
  stop(): Promise<void>;
}

/** A mailbox the server polls for replies over IMAP (INBOUND_IMAP_URL). */
export interface ReplyMailbox {
  host: string;
  port: number;
  user: string;
  password: string;
}

export async function startServer(
  databaseUrl: string,
  mailbox?: ReplyMailbox,
  options: { testClock?: boolean } = {},
): Promise<Started> {
  const port = await freePort();
  const smtpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'candor-e2e-'));
  let log = '';
  const clockArgs = options.testClock ? ['--import', TEST_CLOCK] : [];
  const child = spawn(process.execPath, ['--enable-source-maps', ...clockArgs, SERVER], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl || `sqlite:${join(dataDir, 'candor.db')}`,
      DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
      // Scorecards due, reminders and the daily digest are checked every few seconds, so the digest test need not wait minutes.
      NOTIFICATION_CHECK_SECONDS: '3',
      // Replies dropped into DATA_DIR/inbound are read within a second (replies.e2e.test.ts).
      INBOUND_POLL_SECONDS: '1',
      // Replies also come in over SMTP and, where Dovecot is installed, from an IMAP mailbox (replies.e2e.test.ts).
      INBOUND_SMTP_PORT: String(smtpPort),
      // The CalDAV server the scheduling test starts (Radicale) is on 127.0.0.1.
      OUTBOUND_ALLOW_PRIVATE_HOSTS: 'true',
      ...(mailbox
        ? {
            INBOUND_IMAP_URL: `imap://${mailbox.user}:${mailbox.password}@${mailbox.host}:${mailbox.port}/INBOX`,
          }
        : {}),
      APP_ORIGIN: `http://localhost:${port}`,
    },
    // The test clock is set over the IPC channel.
    stdio: options.testClock ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://localhost:${port}`;
  await waitForHealth(url, child, () => log);
  return {
    url,
    dataDir,
    smtpPort,
    setClock: (at) => {
      if (!options.testClock) return Promise.reject(new Error('this server runs on the real clock'));
      return new Promise((done) => {
        const answered = (message: { clockSetTo?: number }) => {
          if (message?.clockSetTo !== at.getTime()) return;
          child.off('message', answered);
          done();
        };
        child.on('message', answered);
        child.send({ clockAt: at.getTime() });
      });
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A server of one test's own on `dialect`, with a database of its own
 * (dropped again by `stop`), e.g. on a test clock that would disturb the
 * shared servers' other tests.
 */
export async function startOwnServer(
  dialect: string,
  options: { testClock?: boolean } = {},
): Promise<Started> {
  const db =
    dialect === 'postgresql'
      ? await createTestDatabase('postgresql', { postgresAdminUrl: POSTGRES_ADMIN_URL })
      : undefined;
  const started = await startServer(db?.url ?? '', undefined, options);
  return {
    ...started,
    stop: async () => {
      await started.stop();
      await db?.drop();
    },
  };
}
