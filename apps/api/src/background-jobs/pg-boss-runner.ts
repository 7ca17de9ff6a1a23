import type { TBackgroundJobList, TBackgroundJobState } from '@candor/schemas';
import PgBoss from 'pg-boss';
import { errorFields, type Logger } from '../logging/logger.js';
import { AppError } from '../trpc/app-error.js';
import {
  definitionToSend,
  type JobData,
  type JobDefinition,
  type JobQueue,
  type SendOptions,
  safeErrorText,
} from './job-definition.js';
import { type JobRow, type QueueCounts, queueSummaries, visibleJob } from './job-views.js';

/** pg-boss keeps its tables in this schema of the application's database. */
export const PG_BOSS_SCHEMA = 'pgboss';

export interface PgBossRunnerOptions {
  /** postgres:// URL of the application's database. */
  connectionString: string;
  definitions: readonly JobDefinition[];
  logger: Logger;
  /** Take jobs and keep the schedules (false: a web instance that only sends and shows jobs). */
  work: boolean;
  /** Seconds between pg-boss's maintenance (expiring jobs of killed instances, archiving); tests shorten it. */
  maintenanceIntervalSeconds?: number;
  /** Seconds between polls of each queue (at most; frequent jobs poll at their own pace). */
  pollingIntervalSeconds?: number;
}

const UNFINISHED = `state < 'completed'`;

/**
 * The runner for PostgreSQL, on pg-boss (its own schema in the same database). Any number of
 * instances may run it: each scheduled job gets at most one job per interval across all of them
 * (pg-boss's singletonSeconds slots, unique in the database), and none while the last one is still
 * queued, running or waiting for a retry; a job is taken by one instance (SKIP LOCKED); a failed
 * attempt is retried with exponential back-off; a job whose instance died is expired after
 * `expireInSeconds` by the next maintenance of any instance and retried.
 */
export function pgBossRunner(options: PgBossRunnerOptions): JobQueue & { start(): Promise<void> } {
  const { definitions, logger } = options;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: PG_BOSS_SCHEMA,
    application_name: options.work ? 'candor-worker' : 'candor-web',
    max: options.work ? 6 : 2,
    // Only workers expire, archive and delete; cron is not used (our schedules are slots, below).
    supervise: options.work,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    // Frequent jobs would fill the table: completed ones move to the archive after an hour.
    archiveCompletedAfterSeconds: 3600,
    archiveFailedAfterSeconds: 7 * 86_400,
    deleteAfterDays: 7,
  });
  boss.on('error', (error) => logger.error('job queue error', errorFields(error)));
  const controller = new AbortController();
  const timers: NodeJS.Timeout[] = [];
  const names = definitions.map((d) => d.name);
  /** This instance's pg-boss worker per job name, woken when this instance sends one. */
  const workerIds = new Map<string, string>();
  const wake = (name: string) => {
    const id = workerIds.get(name);
    if (id) boss.notifyWorker(id);
  };
  let started = false;

  const sql = async <T>(text: string, values: unknown[]): Promise<T[]> =>
    (await boss.getDb().executeSql(text, values)).rows as T[];

  async function handle(definition: JobDefinition, job: PgBoss.Job<JobData>): Promise<void> {
    try {
      await definition.run(job.data ?? {}, { signal: controller.signal, queue: runner });
    } catch (error) {
      logger.error('background job failed', { job: definition.name, jobId: job.id, ...errorFields(error) });
      // pg-boss stores what is thrown: only its kind, never a message that may quote personal data.
      const stored = new Error(safeErrorText(error));
      stored.stack = undefined;
      throw stored;
    }
  }

  /** Whether a job of this definition (and tenant) is queued, waiting for a retry, or running (for overlapAfterSeconds at most). */
  async function unfinished(definition: JobDefinition, tenantId?: unknown): Promise<boolean> {
    const busy = await sql(
      `SELECT 1 FROM ${PG_BOSS_SCHEMA}.job WHERE name = $1 AND ${UNFINISHED}
         AND ($2::int IS NULL OR state <> 'active' OR started_on > now() - make_interval(secs => $2::int))
         AND ($3::text IS NULL OR data->>'tenantId' = $3::text)
       LIMIT 1`,
      [
        definition.name,
        definition.overlapAfterSeconds ?? null,
        typeof tenantId === 'string' ? tenantId : null,
      ],
    );
    return busy.length > 0;
  }

  /** One job for this interval's slot unless the last one is still unfinished. */
  async function tick(definition: JobDefinition & { everySeconds: number }) {
    try {
      if (await unfinished(definition)) return;
      const id = await boss.send(
        definition.name,
        {},
        { singletonKey: 'schedule', singletonSeconds: definition.everySeconds },
      );
      // Runs now rather than at this worker's next poll (another instance may still take it first).
      if (id) wake(definition.name);
    } catch (error) {
      if (!controller.signal.aborted)
        logger.error('job schedule failed', { job: definition.name, ...errorFields(error) });
    }
  }

  const runner = {
    kind: 'pg-boss' as const,

    async start() {
      await boss.start();
      started = true;
      for (const d of definitions)
        await boss.createQueue(d.name, {
          name: d.name,
          policy: 'standard',
          retryLimit: d.retry.limit,
          retryDelay: d.retry.delaySeconds,
          retryBackoff: d.retry.backoff,
          expireInSeconds: d.expireInSeconds,
        });
      // A queue made by an older version keeps its options otherwise.
      for (const d of definitions)
        await boss.updateQueue(d.name, {
          name: d.name,
          policy: 'standard',
          retryLimit: d.retry.limit,
          retryDelay: d.retry.delaySeconds,
          retryBackoff: d.retry.backoff,
          expireInSeconds: d.expireInSeconds,
        });
      if (!options.work) return;
      for (const d of definitions) {
        const polling = Math.max(0.5, Math.min(options.pollingIntervalSeconds ?? 2, d.everySeconds ?? 2));
        const workerId = await boss.work<JobData>(
          d.name,
          { batchSize: 1, pollingIntervalSeconds: polling },
          async ([job]) => {
            if (job) await handle(d, job);
          },
        );
        workerIds.set(d.name, workerId);
      }
      for (const d of definitions) {
        const every = d.everySeconds;
        if (!every) continue;
        const scheduled = { ...d, everySeconds: every };
        void tick(scheduled);
        const timer = setInterval(() => void tick(scheduled), Math.min(every, 60) * 1000);
        timer.unref();
        timers.push(timer);
      }
    },

    async send(name: string, data: JobData = {}, sendOptions: SendOptions = {}) {
      const definition = definitionToSend(definitions, name, data);
      if (sendOptions.unlessUnfinished && (await unfinished(definition, data.tenantId))) return null;
      const id = await boss.send(name, data, {
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
        ...(sendOptions.oncePerSeconds
          ? {
              // Per tenant: one tenant's job must not stand in for another's.
              singletonKey: `once:${data.tenantId ?? ''}`,
              singletonSeconds: Math.max(1, Math.round(sendOptions.oncePerSeconds)),
            }
          : {}),
      });
      if (id && !sendOptions.startAfterSeconds) wake(name);
      return id;
    },

    async list(tenantId: string): Promise<TBackgroundJobList> {
      if (!started) return { runner: 'pg-boss', queues: queueSummaries(definitions, new Map()), jobs: [] };
      // Only rows of this tenant and the global ones are read at all.
      const visible = `name = ANY($1::text[]) AND (data->>'tenantId' IS NULL OR data->>'tenantId' = $2)`;
      const rows = await sql<{
        id: string;
        name: string;
        state: TBackgroundJobState;
        tenant_id: string | null;
        retry_count: number;
        retry_limit: number;
        created_on: Date;
        started_on: Date | null;
        completed_on: Date | null;
        start_after: Date;
        error: string | null;
      }>(
        `SELECT * FROM (
           SELECT id, name, state::text AS state, data->>'tenantId' AS tenant_id, retry_count, retry_limit,
                  created_on, started_on, completed_on, start_after,
                  COALESCE(output->>'message', output->'value'->>'message', output->>'value') AS error,
                  row_number() OVER (PARTITION BY name, state ORDER BY created_on DESC) AS rank
           FROM ${PG_BOSS_SCHEMA}.job WHERE ${visible}
         ) ranked
         WHERE (state IN ('created', 'retry', 'active') AND rank <= 50)
            OR (state = 'failed' AND rank <= 20)
            OR (state IN ('completed', 'cancelled') AND rank <= 3)
         ORDER BY created_on DESC`,
        [names, tenantId],
      );
      const totals = await sql<{ name: string; state: string; n: number; last: Date | null }>(
        `SELECT name, state::text AS state, count(*)::int AS n, max(completed_on) AS last
         FROM ${PG_BOSS_SCHEMA}.job WHERE ${visible} GROUP BY name, state`,
        [names, tenantId],
      );
      const counts = new Map<string, QueueCounts>();
      for (const t of totals) {
        const c = counts.get(t.name) ?? { queued: 0, running: 0, failed: 0, lastCompletedAt: null };
        if (t.state === 'created' || t.state === 'retry') c.queued += t.n;
        else if (t.state === 'active') c.running += t.n;
        else if (t.state === 'failed') c.failed += t.n;
        else if (t.state === 'completed') c.lastCompletedAt = t.last;
        counts.set(t.name, c);
      }
      const jobs = rows.map((r) => {
        const row: JobRow = {
          id: r.id,
          name: r.name,
          state: r.state,
          tenantId: r.tenant_id,
          retryCount: r.retry_count,
          retryLimit: r.retry_limit,
          createdAt: r.created_on,
          startedAt: r.state === 'retry' ? null : r.started_on,
          finishedAt: r.completed_on,
          startAfter: r.state === 'created' || r.state === 'retry' ? r.start_after : null,
          error: r.state === 'completed' ? null : r.error,
        };
        return visibleJob(row, tenantId);
      });
      return { runner: 'pg-boss', queues: queueSummaries(definitions, counts), jobs };
    },

    async retry(tenantId: string, id: string) {
      const [job] = await sql<{ name: string; state: string }>(
        `SELECT name, state::text AS state FROM ${PG_BOSS_SCHEMA}.job
         WHERE id = $1 AND name = ANY($2::text[]) AND (data->>'tenantId' IS NULL OR data->>'tenantId' = $3)`,
        [id, names, tenantId],
      );
      if (!job) throw new AppError('NOT_FOUND', 'No such background job');
      if (job.state !== 'failed') throw new AppError('CONFLICT', 'Only a failed job can be retried');
      // One more attempt, now (pg-boss raises the job's retry limit by one).
      await boss.retry(job.name, id);
      wake(job.name);
    },

    async stop(graceMs = 10_000) {
      for (const timer of timers) clearInterval(timer);
      controller.abort();
      if (!started) return;
      // Waits for running jobs up to graceMs; what is still running then is failed, and retried by another instance.
      await boss.stop({ graceful: true, wait: true, timeout: graceMs });
    },
  };
  return runner;
}
