import { createOrm, migrate } from '@candor/db';
import { setAuditSubjectKey } from './audit/audit-subject.js';
import { isPostgresUrl, startBackgroundJobs } from './background-jobs/start-jobs.js';
import { buildDeps } from './build-deps.js';
import { readEnv } from './env.js';
import { createLogger } from './logging/logger.js';
import { setBackofficeBase } from './notifications/backoffice-link.js';

/**
 * `pnpm worker`: runs the background jobs (docs/background-jobs.md) without serving HTTP. On
 * PostgreSQL start as many as you like beside API instances started with WORKERS=false; each
 * scheduled job still runs once per interval across all of them.
 */
const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
if (!isPostgresUrl(env.DATABASE_URL))
  logger.warn(
    'worker on SQLite: run only one, and start the API with WORKERS=false (jobs it sends run in the API process)',
  );

const orm = await createOrm(env.DATABASE_URL);
const applied = await migrate(orm);
if (applied.length) logger.info('migrations applied', { count: applied.length });
const deps = await buildDeps(env, orm, logger);
// Jobs write audit entries and emails with backoffice links, as the API does.
setAuditSubjectKey(deps.hashKey);
setBackofficeBase(deps.publicUrl);
const jobs = await startBackgroundJobs({ env, orm, deps, logger, work: true });
logger.info('worker started', { runner: jobs.kind });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('worker shutting down', { signal });
  // Running jobs get a few seconds to finish; what is still running then is retried by another worker.
  await jobs.stop(10_000);
  await orm.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
