/**
 * Starts the real, built Candor server (apps/api/dist/server.js) once per
 * database dialect, each with its own empty database and data folder and the
 * demo seed, exactly as `pnpm start` does. Tests get their base URLs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Dovecot, dovecotInstalled, startDovecot } from '@candor/api/testing/dovecot';
import { createTestDatabase, type TestDatabase } from '@candor/db/testing/databases';

const SERVER = resolve(import.meta.dirname, '../../apps/api/dist/server.js');

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
  const deadline = Date.now() + 60_000;
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

interface Started {
  url: string;
  dataDir: string;
  /** Candor's own SMTP endpoint for replies (INBOUND_SMTP_PORT). */
  smtpPort: number;
  stop(): Promise<void>;
}

/** A mailbox the server polls for replies over IMAP (INBOUND_IMAP_URL). */
export interface ReplyMailbox {
  host: string;
  port: number;
  user: string;
  password: string;
}

async function startServer(databaseUrl: string, mailbox: ReplyMailbox | undefined): Promise<Started> {
  const port = await freePort();
  const smtpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'candor-e2e-'));
  let log = '';
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER], {
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://localhost:${port}`;
  await waitForHealth(url, child, () => log);
  return {
    url,
    dataDir,
    smtpPort,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function setup({
  provide,
}: {
  provide: (key: string, value: unknown) => void;
}): Promise<() => Promise<void>> {
  if (!existsSync(SERVER)) throw new Error('apps/api/dist/server.js is missing: run `pnpm build` first');
  const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const servers: Array<{
    dialect: string;
    started: Started;
    mailbox?: ReplyMailbox;
    db?: TestDatabase;
  }> = [];
  // One Dovecot, one reply mailbox per server (CI installs it and sets CANDOR_REQUIRE_DOVECOT).
  const password = 'e2e-mailbox-secret';
  const dovecot: Dovecot | undefined = dovecotInstalled()
    ? await startDovecot({ 'replies-sqlite': password, 'replies-postgresql': password })
    : undefined;
  const mailboxOf = (dialect: string): ReplyMailbox | undefined =>
    dovecot && { host: dovecot.host, port: dovecot.port, user: `replies-${dialect}`, password };
  servers.push({
    dialect: 'sqlite',
    started: await startServer('', mailboxOf('sqlite')),
    mailbox: mailboxOf('sqlite'),
  });
  const pg = await createTestDatabase('postgresql', { postgresAdminUrl }).catch(() => undefined);
  if (pg) {
    const mailbox = mailboxOf('postgresql');
    servers.push({ dialect: 'postgresql', started: await startServer(pg.url, mailbox), mailbox, db: pg });
  } else console.warn('!! e2e: PostgreSQL not reachable, browser tests run on SQLite only');
  provide(
    'servers',
    servers.map((s) => ({
      dialect: s.dialect,
      url: s.started.url,
      dataDir: s.started.dataDir,
      smtpPort: s.started.smtpPort,
      mailbox: s.mailbox ?? null,
    })),
  );
  return async () => {
    for (const s of servers) {
      await s.started.stop();
      await s.db?.drop();
    }
    await dovecot?.stop();
  };
}
