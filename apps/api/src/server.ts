import { join } from 'node:path';
import { createOrm, migrate } from '@candor/db';
import { DEMO_PASSWORD, DEMO_SECOND_TENANT, DEMO_TENANT, DEMO_USERS, seedDemo } from '@candor/db/seed';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { setAuditSubjectKey } from './audit/audit-subject.js';
import { mailTransportOf, startBackgroundJobs } from './background-jobs/start-jobs.js';
import { buildDeps } from './build-deps.js';
import { seedSealedDemoData } from './demo/sealed-demo-data.js';
import { dataDir, readEnv } from './env.js';
import { inboundDepsOf, startInbound } from './inbound/start-inbound.js';
import { createLogger } from './logging/logger.js';
import { setBackofficeBase } from './notifications/backoffice-link.js';
import { sweepLeftoversLogged } from './retention/leftovers.js';

const started = performance.now();
const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);

const orm = await createOrm(env.DATABASE_URL);
const applied = await migrate(orm);
if (applied.length) logger.info('migrations applied', { count: applied.length });

const seedDemoTenant = env.NODE_ENV !== 'production' && env.DEMO_SEED !== 'false';
if (seedDemoTenant) await seedDemo(orm.em.fork());

const deps = await buildDeps(env, orm, logger);
// A process killed while applying left a pending file and a key without a row: sweep them before serving.
await sweepLeftoversLogged(orm, deps);
// Demo data sealed under candidate keys (survey answers, resumes) needs the keys the deps hold.
if (seedDemoTenant) await seedSealedDemoData(orm, deps);
// Audit pseudonyms must stay the same across restarts and master-key rotations: key them with the hash key.
setAuditSubjectKey(deps.hashKey);
// Notification emails link into the backoffice at the public address.
setBackofficeBase(deps.publicUrl);
await deps.publishAllCareers();

const transport = mailTransportOf(env);
const replies = await startInbound(inboundDepsOf(deps, env), env);
// Careers republish, digests, mailings, the outbox, retention, notifications, search indexing: background
// jobs (docs/background-jobs.md). With WORKERS=false this instance only sends them; `pnpm worker` runs them.
deps.jobs = await startBackgroundJobs({ env, orm, deps, logger, work: env.WORKERS === 'true', transport });

const app = createApp(deps);
const server = serve({ fetch: app.fetch, port: env.PORT }, () => {
  const url = deps.publicUrl;
  const lines = [
    '',
    `Candor is running on ${url}  (ready in ${Math.round(performance.now() - started)} ms)`,
    `  backoffice  ${url}/admin/${deps.adminDir ? '' : '   (not built: run pnpm build)'}`,
    `  careers     ${url}/careers/${DEMO_TENANT.slug}/`,
    `  api         ${url}/trpc`,
    `  database    ${env.DATABASE_URL.startsWith('postgres') ? 'PostgreSQL' : env.DATABASE_URL}`,
    `  mail        ${transport.kind === 'smtp' ? 'SMTP' : `written to ${join(dataDir(env), 'mail')}`}`,
    ...replies.lines.map((line, i) => `  ${i === 0 ? 'replies' : '       '}     ${line}`),
    `  jobs        ${deps.jobs?.kind}${env.WORKERS === 'true' ? '' : ' (WORKERS=false: run them with pnpm worker)'}`,
  ];
  if (seedDemoTenant) {
    lines.push('', `Demo logins for "${DEMO_TENANT.name}" (password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(26)} ${u.role}`);
    lines.push(`  (the owner is also admin of "${DEMO_SECOND_TENANT.name}": try the tenant switcher)`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  server.close();
  await replies.stop();
  // Running jobs get a few seconds to finish; what is still running then is retried by another instance.
  await deps.jobs?.stop(10_000);
  await orm.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
