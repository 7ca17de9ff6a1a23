import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrm, type Dialect, migrate } from '../orm.js';

const DEFAULT_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database of its own for one test run (a temp SQLite file,
 * or a fresh PostgreSQL database), optionally migrated. `drop` removes it.
 */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean; postgresAdminUrl?: string } = {},
): Promise<TestDatabase> {
  const db = dialect === 'sqlite' ? createSqlite() : await createPostgres(options.postgresAdminUrl);
  if (options.migrate) {
    const orm = await createOrm(db.url);
    try {
      await migrate(orm);
    } finally {
      await orm.close();
    }
  }
  return db;
}

function createSqlite(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'candor-test-'));
  return {
    dialect: 'sqlite',
    url: `sqlite:${join(dir, 'candor.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function createPostgres(adminUrl = DEFAULT_POSTGRES_ADMIN_URL): Promise<TestDatabase> {
  const name = `candor_test_${randomBytes(6).toString('hex')}`;
  await adminExecute(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgresql',
    url: url.toString(),
    drop: () => adminExecute(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function adminExecute(adminUrl: string, sql: string): Promise<void> {
  const orm = await createOrm(adminUrl, { poolMax: 1 });
  try {
    await orm.em.getConnection().execute(sql);
  } finally {
    await orm.close();
  }
}
