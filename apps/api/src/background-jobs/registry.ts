import { type Orm, Tenant } from '@candor/db';
import { fileReceivedApplications } from '../careers/file-applications.js';
import { sendAllRenewalRequests } from '../consent/renewal-terms.js';
import type { AppDeps } from '../deps.js';
import { type ImapMailbox, pollImapMailbox } from '../inbound/imap-poller.js';
import type { InboundDeps } from '../inbound/receive-reply.js';
import type { ReplyAddressing } from '../inbound/reply-headers.js';
import type { Logger } from '../logging/logger.js';
import { errorFields } from '../logging/logger.js';
import { drainOutbox } from '../mail/dispatcher.js';
import type { MailTransport } from '../mail/transport.js';
import { runNotificationChecks } from '../notifications/periodic.js';
import { sendNoticeMailings } from '../privacy/notice-mailing.js';
import { sendDeadlineDigests } from '../privacy/requests/deadline-digests.js';
import { sendDueSourcedNotices } from '../privacy/sourced-notice.js';
import { recountReports, reportKeyOf, warmDefaultReports } from '../reports/reports.service.js';
import { defaultWorkerId, runRetention } from '../retention/sweep.js';
import { indexAllPendingDocuments } from '../search/document-index.js';
import { deliverDueWebhooks, pruneWebhookLog, WEBHOOK_LOG_DAYS } from '../webhooks/webhook-delivery.js';
import { type JobDefinition, JobFailure, type RetryPolicy } from './job-definition.js';
import { JOB_NAMES } from './job-names.js';

/** What the jobs' handlers need from the process that runs them. */
export interface JobServices {
  orm: Orm;
  deps: AppDeps;
  logger: Logger;
  mail: { transport: MailTransport; from: string; replies?: ReplyAddressing; claimMs?: number };
  /** Minutes between retention sweeps; 0: the sweep is not scheduled. */
  retentionIntervalMinutes: number;
  /** Seconds between notification checks; 0: not scheduled. */
  notificationCheckSeconds: number;
  /** How long filing holds a received application before another worker may take it (INTAKE_CLAIM_SECONDS). */
  intakeClaimMs?: number;
  /** The IMAP mailbox candidates' replies are read from (INBOUND_IMAP_URL), every `everySeconds`. */
  replies?: { receive: InboundDeps; imap?: ImapMailbox; everySeconds: number };
}

const HOUR = 3600;
/** Hourly rounds retry after 1, 2, 4 minutes. */
const HOURLY_RETRY: RetryPolicy = { limit: 3, delaySeconds: 60, backoff: true };
/** Rounds every few seconds retry soon; the next round comes anyway. */
const FREQUENT_RETRY: RetryPolicy = { limit: 2, delaySeconds: 5, backoff: true };

export { JOB_NAMES } from './job-names.js';

/**
 * Every background job of the API, in one list. The handlers' logic stays in its domain
 * folder; each entry only says when it runs, how it is retried, and calls it.
 */
export function jobRegistry(services: JobServices): JobDefinition[] {
  const { orm, deps, logger } = services;
  const definitions: JobDefinition[] = [
    {
      // Job postings' validThrough moves on and notices published for a later day take effect.
      name: JOB_NAMES.careersRepublish,
      label: 'Careers sites: republish every tenant',
      everySeconds: HOUR,
      perTenant: false,
      retry: HOURLY_RETRY,
      expireInSeconds: 300,
      async run(_data, { queue }) {
        // One job per tenant: a tenant whose site fails to render is retried alone.
        const tenants = await orm.em.fork().find(Tenant, {}, { fields: ['id'] });
        for (const tenant of tenants)
          await queue.send(JOB_NAMES.careersPublishTenant, { tenantId: tenant.id });
      },
    },
    {
      name: JOB_NAMES.careersPublishTenant,
      label: 'Careers site: republish',
      perTenant: true,
      retry: HOURLY_RETRY,
      expireInSeconds: 600,
      async run(data) {
        if (typeof data.tenantId !== 'string') throw new JobFailure('a careers job without a tenant');
        await deps.publishCareers(data.tenantId);
      },
    },
    {
      // Admins hear about privacy requests due within a week or overdue, once a day (the digest skips a tenant already told today).
      name: JOB_NAMES.requestDeadlineDigests,
      label: 'Privacy requests: deadline digests',
      everySeconds: HOUR,
      perTenant: false,
      retry: HOURLY_RETRY,
      expireInSeconds: 600,
      async run() {
        await sendDeadlineDigests(orm, deps.publicUrl);
      },
    },
    {
      // Talent-pool consents about to end get their renewal email.
      name: JOB_NAMES.consentRenewals,
      label: 'Consents: renewal requests',
      everySeconds: HOUR,
      perTenant: false,
      retry: HOURLY_RETRY,
      expireInSeconds: 600,
      async run() {
        await sendAllRenewalRequests(orm, { publicUrl: deps.publicUrl, hashKey: deps.hashKey });
      },
    },
    {
      // People added by staff whom nobody has told where their data came from are told the day before it falls due.
      name: JOB_NAMES.sourcedNotices,
      label: 'Sourced candidates: notices',
      everySeconds: HOUR,
      perTenant: false,
      retry: HOURLY_RETRY,
      expireInSeconds: 600,
      async run() {
        await sendDueSourcedNotices(orm, deps.publicUrl);
      },
    },
    {
      // A material change of the privacy notice is emailed to the candidates held, a few batches per round, through the outbox.
      name: JOB_NAMES.noticeMailings,
      label: 'Privacy notice changes: mailings',
      everySeconds: 5,
      perTenant: false,
      retry: FREQUENT_RETRY,
      // A round starts no batch after 20 s. Batches move the mailing's cursor only from the value they read,
      // so rounds may overlap: one left running by a killed instance holds the next back 30 s at most.
      expireInSeconds: 60,
      overlapAfterSeconds: 30,
      async run() {
        await sendNoticeMailings(orm, { publicUrl: deps.publicUrl, until: Date.now() + 20_000 });
      },
    },
    {
      // Rows are claimed with FOR UPDATE SKIP LOCKED, and each email keeps its own attempts and back-off (dispatcher.ts).
      name: JOB_NAMES.mailDispatch,
      label: 'Outbox: deliver emails',
      everySeconds: 2,
      perTenant: false,
      retry: FREQUENT_RETRY,
      // A round starts no batch after 20 s (the next round goes on). Rounds claim their own emails, so they
      // may overlap: one left running by a killed instance holds the next back 30 s at most, and is expired
      // after a minute; each email's own claim keeps it sent once.
      expireInSeconds: 60,
      overlapAfterSeconds: 30,
      async run(_data, { signal }) {
        await drainOutbox({ orm, logger, ...services.mail, signal, until: Date.now() + 20_000 });
      },
    },
    {
      // Due webhook deliveries: rows are claimed (FOR UPDATE SKIP LOCKED) and pushed ahead before the HTTP call,
      // and each delivery keeps its own attempts and back-off (webhooks/webhook-delivery.ts).
      name: JOB_NAMES.webhookDelivery,
      label: 'Webhooks: deliver events',
      everySeconds: 5,
      perTenant: false,
      retry: FREQUENT_RETRY,
      // A round posts nothing after 20 s and hands its other claims back (one post may take 10 s more).
      // Rounds hold their own claims, so they may overlap: one left running by a killed instance holds
      // the next back 30 s at most; its unposted claims are due again when their lease ends.
      expireInSeconds: 60,
      overlapAfterSeconds: 30,
      async run() {
        await deliverDueWebhooks(orm, deps, new Date(), { until: Date.now() + 20_000 });
      },
    },
    {
      // Finished deliveries leave the log, payloads and all, after WEBHOOK_LOG_DAYS (data minimisation).
      name: JOB_NAMES.webhookLogPrune,
      label: `Webhooks: delete deliveries older than ${WEBHOOK_LOG_DAYS} days`,
      everySeconds: HOUR,
      perTenant: false,
      retry: HOURLY_RETRY,
      expireInSeconds: 300,
      async run() {
        const pruned = await pruneWebhookLog(orm);
        if (pruned > 0) logger.info('webhook deliveries pruned', { count: pruned });
      },
    },
    {
      // Applications received on the careers site become candidates, applications and emails
      // (careers/file-applications.ts); an application sends one at once, the schedule catches the rest.
      name: JOB_NAMES.applicationFiling,
      label: 'Careers: file received applications',
      everySeconds: 2,
      perTenant: false,
      retry: FREQUENT_RETRY,
      // A round stops taking rows after 20 s (the next goes on). Rounds claim their own rows, so they may
      // overlap: one left running by a killed instance holds the next back 30 s at most (its rows wait for
      // their claim, INTAKE_CLAIM_SECONDS), and is expired after 45 s.
      expireInSeconds: 45,
      overlapAfterSeconds: 30,
      async run(_data, { signal }) {
        const until = Date.now() + 20_000;
        const round = await fileReceivedApplications(
          { ...deps, claimMs: services.intakeClaimMs },
          { shouldStop: () => signal.aborted || Date.now() > until },
        );
        if (round.failed > 0)
          throw new JobFailure(
            `${round.failed} received application${round.failed === 1 ? '' : 's'} could not be filed${round.stuck > 0 ? `; ${round.stuck} will not be tried again until support looks at the server log` : ' and will be tried again'}`,
          );
      },
    },
    {
      // Documents' text for full-text search: what is new, and at the first run what was stored before (the backfill).
      name: JOB_NAMES.documentIndex,
      label: 'Search: index documents',
      everySeconds: 30,
      perTenant: false,
      retry: FREQUENT_RETRY,
      expireInSeconds: 1800,
      async run(_data, { signal }) {
        await indexAllPendingDocuments(orm, deps, signal);
      },
    },
    {
      // A report copy served behind the tenant's changes (reports/report-cache.ts): the sender holds the
      // recount's claim on the copy's row, so one runs per tenant and filter. Not retried: the next open claims again.
      name: JOB_NAMES.reportsRecount,
      label: 'Reports: count again',
      perTenant: true,
      retry: { limit: 0, delaySeconds: 5, backoff: false },
      expireInSeconds: 120,
      async run(data) {
        await recountReports(orm, reportKeyOf(data), { claimed: data.claimed === true });
      },
    },
    {
      // Sent after a change, at most once a minute per tenant (start-jobs.ts): the default Reports view is counted
      // before anyone opens it.
      name: JOB_NAMES.reportsWarmDefault,
      label: 'Reports: count the default view',
      perTenant: true,
      retry: { limit: 0, delaySeconds: 5, backoff: false },
      expireInSeconds: 120,
      async run(data) {
        if (typeof data.tenantId !== 'string') throw new JobFailure('a report job without a tenant');
        await warmDefaultReports(orm, data.tenantId);
      },
    },
  ];
  if (services.retentionIntervalMinutes > 0)
    definitions.push({
      // Data leaves on time. Other runs are kept apart per candidate by the sweep itself.
      name: JOB_NAMES.retentionSweep,
      label: 'Retention sweep',
      everySeconds: services.retentionIntervalMinutes * 60,
      perTenant: false,
      retry: HOURLY_RETRY,
      expireInSeconds: 4 * HOUR,
      async run(_data, { signal }) {
        await runRetention(orm, {
          dryRun: false,
          workerId: defaultWorkerId(),
          files: deps.files,
          keyStore: deps.keyStore,
          logger,
          signal,
        });
      },
    });
  const { replies } = services;
  if (replies?.imap) {
    const mailbox = replies.imap;
    definitions.push({
      // A mailbox all instances share: one of them reads it per round, and failures (a changed password)
      // show on the Background jobs page. A message already attached is recognised by its Message-ID.
      name: JOB_NAMES.repliesImap,
      label: 'Replies: read the IMAP mailbox',
      everySeconds: replies.everySeconds,
      perTenant: false,
      retry: FREQUENT_RETRY,
      expireInSeconds: 120,
      async run() {
        await pollImapMailbox(replies.receive, mailbox);
      },
    });
  }
  if (services.notificationCheckSeconds > 0)
    definitions.push({
      // Scorecards due, interviews tomorrow, privacy requests due, daily digests; repeats are kept apart by the checks' event keys.
      name: JOB_NAMES.notificationChecks,
      label: 'Notifications: periodic checks',
      everySeconds: services.notificationCheckSeconds,
      perTenant: false,
      retry: FREQUENT_RETRY,
      expireInSeconds: 900,
      async run() {
        await runNotificationChecks(orm, new Date(), (tenantId, error) =>
          logger.error('notification checks failed for a tenant', { tenantId, ...errorFields(error) }),
        );
      },
    });
  return definitions;
}
