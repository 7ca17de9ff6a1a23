import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, Knex, SqlEntityManager } from '@mikro-orm/knex';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AuditChainSubscriber } from './audit-chain.js';
import { entities } from './entities/index.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export {
  AUDIT_GENESIS_HASH,
  AUDIT_PRUNED_ACTION,
  type AuditChainVerification,
  type AuditHashFields,
  auditChains,
  auditEventHash,
  GLOBAL_AUDIT_CHAIN,
  pruneAuditChain,
  verifyAuditChain,
} from './audit-chain.js';

export type Dialect = 'sqlite' | 'postgresql';
export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager>;
export type Em = SqlEntityManager;

export const DEFAULT_DATABASE_URL = 'sqlite:./data/candor.db';

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  if (/^(sqlite|file):/.test(url) || !url.includes('://')) return 'sqlite';
  throw new Error('DATABASE_URL must start with postgres://, sqlite: or file:');
}

/** `sqlite:./data/candor.db`, `file:/abs/path.db` or a bare path -> a file path (or `:memory:`). */
export function sqlitePath(url: string): string {
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return path === ':memory:' ? path : resolve(path);
}

/** Where `db:migration:create` writes each dialect's migrations (source tree, not dist). */
export function migrationsSourceDir(dialect: Dialect): string {
  return resolve(import.meta.dirname, '..', 'src', 'migrations', dialect);
}

export interface OrmOptions {
  /** Log SQL; never enable in production (values may be personal data). */
  debug?: boolean;
  poolMax?: number;
}

export function ormConfig(url: string, options: OrmOptions = {}): Options {
  const dialect = dialectOf(url);
  const migrations = {
    path: migrationsSourceDir(dialect),
    pathTs: migrationsSourceDir(dialect),
    migrationsList: dialect === 'sqlite' ? sqliteMigrations : postgresqlMigrations,
    // No snapshot file: `db:migration:create` diffs the entities against a
    // freshly migrated database instead, which also respects `skipTables`
    // (the snapshot writer after each run chokes on SQLite's FTS5 table).
    snapshot: false,
    emit: 'ts' as const,
    allOrNothing: true,
    transactional: true,
    silent: true,
  };
  const common = {
    entities,
    extensions: [Migrator],
    migrations,
    debug: options.debug ?? false,
    // Entities are plain schemas: no reflection, no folder scanning.
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    // Ids (and createdAt) exist right after em.create, so a record can be
    // referenced (audit events, links in emails) before the flush.
    processOnCreateHooksEarly: true,
    // Every tenant-owned row carries its own tenant_id and is filtered by it;
    // joining each referenced row again just to re-check its tenant turned a
    // page of 25 applications into a four-way join over the whole table.
    autoJoinRefsForFilters: false,
    // Hash-chains every audit event as it is inserted (see src/audit-chain.ts).
    subscribers: [new AuditChainSubscriber()],
    // Hand-written tables unknown to the entities: the search index (src/search.ts)
    // and the trigger-kept application counts (src/application-counts.ts).
    schemaGenerator: { skipTables: [/^candidate_search/, /^document_search/, /^application_count$/] },
  };
  if (dialect === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: url,
      pool: { min: 0, max: options.poolMax ?? 10 },
    };
  }
  const dbName = sqlitePath(url);
  if (dbName !== ':memory:') mkdirSync(dirname(dbName), { recursive: true });
  return {
    ...common,
    driver: LibSqlDriver,
    dbName,
    // The libsql pool replaces connections older than 10 s, and SQLite pragmas
    // are per connection: set them on every new one, not once at start.
    // synchronous=normal is SQLite's advice for WAL: no fsync per commit, still
    // never corrupt; a power cut may lose the last commits, not an app crash.
    // A 64 MB page cache (SQLite's default is 2 MB) keeps a large write, such
    // as a retention sweep's page of erasures, from spilling to the WAL
    // before its commit; it only grows as far as it is used.
    pool: {
      afterCreate(
        connection: { exec(sql: string): void },
        done: (error: Error | null, connection: unknown) => void,
      ) {
        try {
          connection.exec(
            'pragma foreign_keys = on; pragma busy_timeout = 5000; pragma synchronous = normal; pragma cache_size = -65536; pragma wal_autocheckpoint = 16384;',
          );
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  };
}

export async function createOrm(url: string = DEFAULT_DATABASE_URL, options: OrmOptions = {}): Promise<Orm> {
  const orm = (await MikroORM.init(ormConfig(url, options))) as unknown as Orm;
  if (dialectOf(url) === 'sqlite') {
    // WAL (a property of the database file, so once is enough) lets readers proceed during a write.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
  }
  return orm;
}

/** The advisory lock PostgreSQL instances take while migrating (any fixed number; "candor" in ASCII). */
const MIGRATION_LOCK = 0x63616e646f72;

/**
 * Applies pending migrations. On PostgreSQL several instances may start at
 * once: each first takes a transaction-scoped advisory lock on its own
 * connection, so one migrates while the others wait, then find nothing left
 * to do (the migrations themselves run on other connections of the pool).
 */
export async function migrate(orm: Orm): Promise<string[]> {
  if (ormDialectOfEm(orm.em) !== 'postgresql') return applyMigrations(orm);
  return orm.em.getKnex().transaction(async (lock) => {
    await lock.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    return applyMigrations(orm);
  });
}

async function applyMigrations(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  if (applied.length > 0 && ormDialectOfEm(orm.em) === 'sqlite') await reanalyzeSqlite(orm);
  return applied.map((m) => m.name);
}

/**
 * After a migration, SQLite's planner statistics (sqlite_stat1, written by
 * ANALYZE, which the retention sweep runs) know nothing of new indexes and
 * take them for very selective: at 300k applications a lookup of five
 * applications by id went through a new index for most of a second. A
 * database that has statistics is analyzed again (a few seconds at that
 * size, once per upgrade); one without keeps the defaults, as before.
 */
async function reanalyzeSqlite(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection();
  const stats: unknown[] = await connection.execute(
    "select 1 from sqlite_master where name = 'sqlite_stat1'",
  );
  if (stats.length > 0) await connection.execute('analyze');
}

/** `LIKE` that ignores case on both dialects (SQLite's LIKE already does; PostgreSQL needs ILIKE). */
export function likeIgnoringCase(em: Em, pattern: string): { $like: string } | { $ilike: string } {
  return ormDialectOfEm(em) === 'postgresql' ? { $ilike: pattern } : { $like: pattern };
}

/** `%text%` with LIKE wildcards in the user's text taken literally (by removing them). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, '')}%`;
}

export function ormDialectOfEm(em: Em): Dialect {
  return em.getDriver() instanceof PostgreSqlDriver ? 'postgresql' : 'sqlite';
}

/**
 * A knex query on `table` that runs in `em`'s transaction when there is one
 * (on SQLite's one connection a read outside it would wait for it). Raw
 * queries skip the ORM's tenant filter: scope them yourself.
 */
export function tableQuery(em: Em, table: string): Knex.QueryBuilder {
  const query = em.getKnex()(table);
  const tx = em.getTransactionContext<Knex.Transaction>();
  if (tx) query.transacting(tx);
  return query;
}
