import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createOrm, type Dialect, type Orm } from '../orm.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}

export interface DatabaseUnderTest {
  dialect: Dialect;
  /** The migrated ORM of this suite's own database (available inside tests and hooks). */
  orm(): Orm;
  url(): string;
}

/**
 * Runs a suite once on SQLite and once on PostgreSQL, each against a freshly
 * created and migrated database that is dropped afterwards. When PostgreSQL
 * is not reachable its half is skipped (the global setup says so loudly).
 */
export function forEachDatabase(title: string, suite: (db: DatabaseUnderTest) => void): void {
  const postgresAdminUrl = inject('postgresAdminUrl');
  for (const dialect of ['sqlite', 'postgresql'] as const) {
    const available = dialect === 'sqlite' || postgresAdminUrl !== null;
    const run = available ? describe : describe.skip;
    run(`${title} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      let orm: Orm | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect, {
          migrate: true,
          postgresAdminUrl: postgresAdminUrl ?? undefined,
        });
        orm = await createOrm(database.url);
      });
      afterAll(async () => {
        await orm?.close();
        await database?.drop();
      });
      suite({
        dialect,
        orm: () => {
          if (!orm) throw new Error('database not ready: use db.orm() inside a test or hook');
          return orm;
        },
        url: () => {
          if (!database) throw new Error('database not ready');
          return database.url;
        },
      });
    });
  }
}
