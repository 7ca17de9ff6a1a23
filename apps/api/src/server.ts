import { join } from 'node:path';
import { createOrm, migrate } from '@candor/db';
import { DEMO_PASSWORD, DEMO_SECOND_TENANT, DEMO_TENANT, DEMO_USERS, seedDemo } from '@candor/db/seed';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { setAuditSubjectKey } from './audit/audit-subject.js';
import { buildDeps } from './build-deps.js';
import { sendAllRenewalRequests } from './consent/renewal-terms.js';
import { seedSealedDemoData } from './demo/sealed-demo-data.js';
import { dataDir, readEnv } from './env.js';
import { inboundDepsOf, startInbound } from './inbound/start-inbound.js';
import { createLogger, errorFields } from './logging/logger.js';
import { startOutboxDispatcher } from './mail/dispatcher.js';
import { fileTransport, smtpTransport } from './mail/transport.js';
import { setBackofficeBase } from './notifications/backoffice-link.js';
import { startNotificationWorker } from './notifications/notification-worker.js';
import { sendNoticeMailings } from './privacy/notice-mailing.js';
import { sendDeadlineDigests } from './privacy/requests/deadline-digests.js';
import { sendDueSourcedNotices } from './privacy/sourced-notice.js';
import { sweepLeftoversLogged } from './retention/leftovers.js';
import { startRetentionWorker } from './retention/retention-worker.js';
import { startDocumentIndexer } from './search/document-index.js';
import { startWebhookDelivery } from './webhooks/webhook-delivery.js';

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
// Job postings' validThrough moves on and notices published for a later day take effect: republish every hour.
const republish = setInterval(() => {
  deps
    .publishAllCareers()
    .catch((error: unknown) => logger.error('careers republish failed', errorFields(error)));
}, 60 * 60_000);
republish.unref();
// Admins hear about privacy requests due within a week or overdue, once a day (the digest skips a tenant already told today).
// Talent-pool consents about to end get their renewal email in the same hourly round.
const digest = () => {
  sendDeadlineDigests(orm, deps.publicUrl).catch((error: unknown) =>
    logger.error('request digest failed', errorFields(error)),
  );
  sendAllRenewalRequests(orm, { publicUrl: deps.publicUrl, hashKey: deps.hashKey }).catch((error: unknown) =>
    logger.error('consent renewal emails failed', errorFields(error)),
  );
  // People added by staff whom nobody has told where their data came from are told the day before it falls due.
  sendDueSourcedNotices(orm, deps.publicUrl).catch((error: unknown) =>
    logger.error('sourced-candidate notices failed', errorFields(error)),
  );
};
void digest();
const digests = setInterval(digest, 60 * 60_000);
digests.unref();

// A material change of the privacy notice is emailed to the candidates held, a few batches per round, through the outbox.
const noticeMailings = setInterval(() => {
  sendNoticeMailings(orm, { publicUrl: deps.publicUrl }).catch((error: unknown) =>
    logger.error('notice change mailing failed', errorFields(error)),
  );
}, 5_000);
noticeMailings.unref();

const transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(join(dataDir(env), 'mail'));
const inbound = inboundDepsOf(deps, env);
// Emails to candidates carry a reply address; their replies come back through the drop folder, IMAP or SMTP.
const stopOutbox = startOutboxDispatcher({
  orm,
  transport,
  from: env.MAIL_FROM,
  logger,
  replies: { mailbox: inbound.mailbox, hashKey: deps.hashKey },
  claimMs: env.OUTBOX_CLAIM_SECONDS * 1000,
});
const replies = await startInbound(inbound, env);
// Data leaves on time: the retention sweep runs here too (on PostgreSQL any number of instances may run it).
const stopRetention = startRetentionWorker({
  orm,
  files: deps.files,
  keyStore: deps.keyStore,
  logger,
  intervalMinutes: env.RETENTION_INTERVAL_MINUTES,
});

// Scorecards due, interviews tomorrow, privacy requests due, daily digests (any number of instances may run them).
const stopNotifications = startNotificationWorker({
  orm,
  logger,
  intervalSeconds: env.NOTIFICATION_CHECK_SECONDS,
});

// Documents' text for full-text search: what is new, and at start what was stored before (the backfill).
const stopIndexer = startDocumentIndexer({ orm, deps, logger, intervalSeconds: 30 });

// Webhook deliveries that are due (any number of instances may run it: rows are claimed).
const stopWebhooks = startWebhookDelivery(orm, deps);

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
  ];
  if (seedDemoTenant) {
    lines.push('', `Demo logins for "${DEMO_TENANT.name}" (password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(26)} ${u.role}`);
    lines.push(`  (the owner is also admin of "${DEMO_SECOND_TENANT.name}": try the tenant switcher)`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
});

async function shutdown(signal: string) {
  logger.info('shutting down', { signal });
  stopOutbox();
  await replies.stop();
  stopRetention();
  stopNotifications();
  stopIndexer();
  stopWebhooks();
  clearInterval(republish);
  clearInterval(digests);
  clearInterval(noticeMailings);
  server.close();
  await orm.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
