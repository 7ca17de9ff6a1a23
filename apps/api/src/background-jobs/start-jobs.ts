import { join } from 'node:path';
import type { Orm } from '@candor/db';
import { onApplicationsReceived } from '../careers/intake-requests.js';
import type { AppDeps } from '../deps.js';
import { dataDir, type Env } from '../env.js';
import { imapMailboxOf } from '../inbound/imap-poller.js';
import { replyMailboxOf } from '../inbound/reply-address.js';
import { inboundDepsOf } from '../inbound/start-inbound.js';
import type { Logger } from '../logging/logger.js';
import { fileTransport, type MailTransport, smtpTransport } from '../mail/transport.js';
import { onIndexRequest } from '../search/index-requests.js';
import { onTenantChange } from '../trpc/tenant-changes.js';
import { inProcessRunner } from './in-process-runner.js';
import { describeEvery, type JobDefinition, type JobQueue } from './job-definition.js';
import { pgBossRunner } from './pg-boss-runner.js';
import { JOB_NAMES, jobRegistry } from './registry.js';

/** A change's default-report recount waits this long, so the changes of that minute are counted together. */
export const REPORT_WARM_SECONDS = 60;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Where mail goes: SMTP_URL, else .eml files under DATA_DIR/mail. */
export function mailTransportOf(env: Env): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(join(dataDir(env), 'mail'));
}

/**
 * Starts the background jobs of this process: pg-boss on PostgreSQL, timers in process on SQLite.
 * `work: false` (WORKERS=false) still lets this process send jobs and show them; on PostgreSQL the
 * worker processes (`pnpm worker`) or other instances run them.
 */
export async function startBackgroundJobs(options: {
  env: Env;
  orm: Orm;
  deps: AppDeps;
  logger: Logger;
  work: boolean;
  transport?: MailTransport;
  /** Definitions besides the registry's (tests; features that register their own). */
  extraDefinitions?: readonly JobDefinition[];
}): Promise<JobQueue> {
  const { env, logger } = options;
  const definitions = [
    ...jobRegistry({
      orm: options.orm,
      deps: options.deps,
      logger,
      mail: {
        transport: options.transport ?? mailTransportOf(env),
        from: env.MAIL_FROM,
        // Emails to candidates carry a reply address (inbound/reply-address.ts).
        replies: { mailbox: replyMailboxOf(env.MAIL_REPLY_ADDRESS), hashKey: options.deps.hashKey },
        claimMs: env.OUTBOX_CLAIM_SECONDS * 1000,
      },
      retentionIntervalMinutes: env.RETENTION_INTERVAL_MINUTES,
      notificationCheckSeconds: env.NOTIFICATION_CHECK_SECONDS,
      intakeClaimMs: env.INTAKE_CLAIM_SECONDS * 1000,
      replies: {
        receive: inboundDepsOf(options.deps, env),
        imap: env.INBOUND_IMAP_URL
          ? imapMailboxOf(env.INBOUND_IMAP_URL, env.INBOUND_IMAP_DONE_MAILBOX)
          : undefined,
        everySeconds: env.INBOUND_POLL_SECONDS,
      },
    }),
    ...(options.extraDefinitions ?? []),
  ];
  const postgres = isPostgresUrl(env.DATABASE_URL);
  let queue: JobQueue;
  if (postgres) {
    const runner = pgBossRunner({
      connectionString: env.DATABASE_URL,
      definitions,
      logger,
      work: options.work,
    });
    await runner.start();
    queue = runner;
  } else {
    const runner = inProcessRunner({ definitions, logger, schedules: options.work });
    runner.start();
    queue = runner;
  }
  // A stored document is indexed soon, not at the next round. A run reads until nothing is left, so none is
  // sent beside one queued or running: runs side by side read the same documents again (under a burst of
  // applications most of the indexer's work, each duplicate's insert rolled back).
  onIndexRequest(() => {
    queue
      .send(JOB_NAMES.documentIndex, {}, { oncePerSeconds: 2, unlessUnfinished: true })
      .catch(() => undefined);
  });
  // After a change the tenant's default Reports view is counted again within a minute: one job per tenant per
  // minute across instances (the queue's once-per), and this instance does not even ask more often.
  const warmAsked = new Map<string, number>();
  onTenantChange((tenantId) => {
    const now = Date.now();
    if (now - (warmAsked.get(tenantId) ?? 0) < REPORT_WARM_SECONDS * 1000) return;
    warmAsked.set(tenantId, now);
    if (warmAsked.size > 10_000) warmAsked.clear();
    queue
      .send(
        JOB_NAMES.reportsWarmDefault,
        { tenantId },
        { startAfterSeconds: REPORT_WARM_SECONDS, oncePerSeconds: REPORT_WARM_SECONDS },
      )
      .catch(() => undefined);
  });
  // A received application is filed soon, not at the next round. Requests are gathered for a
  // quarter of a second, so a burst of applications sends one job, not one per application.
  // On SQLite with WORKERS=false filing is left to the worker's schedule: a job sent here would run here.
  let filingSoon: NodeJS.Timeout | null = null;
  onApplicationsReceived(() => {
    if (!postgres && !options.work) return;
    filingSoon ??= setTimeout(() => {
      filingSoon = null;
      queue.send(JOB_NAMES.applicationFiling, {}, { oncePerSeconds: 1 }).catch(() => undefined);
    }, 250).unref();
  });
  logger.info('background jobs', {
    runner: queue.kind,
    runsJobs: postgres ? options.work : true,
    schedules: options.work
      ? definitions
          .filter((d) => d.everySeconds)
          .map((d) => `${d.name} ${describeEvery(d.everySeconds)}`)
          .join(', ')
      : 'off (WORKERS=false)',
  });
  return queue;
}
