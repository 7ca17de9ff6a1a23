/**
 * Starts the real, built Candor server (apps/api/dist/server.js) once per
 * database dialect, each with its own empty database and data folder and the
 * demo seed, exactly as `pnpm start` does (server-process.ts). Tests get their base URLs.
 */
import { existsSync } from 'node:fs';
import { type Dovecot, dovecotInstalled, startDovecot } from '@candor/api/testing/dovecot';
import { createTestDatabase, type TestDatabase } from '@candor/db/testing/databases';
import {
  POSTGRES_ADMIN_URL,
  type ReplyMailbox,
  SERVER,
  type Started,
  startServer,
} from './server-process.js';

export default async function setup({
  provide,
}: {
  provide: (key: string, value: unknown) => void;
}): Promise<() => Promise<void>> {
  if (!existsSync(SERVER)) throw new Error('apps/api/dist/server.js is missing: run `pnpm build` first');
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
  const pg = await createTestDatabase('postgresql', { postgresAdminUrl: POSTGRES_ADMIN_URL }).catch(
    () => undefined,
  );
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
