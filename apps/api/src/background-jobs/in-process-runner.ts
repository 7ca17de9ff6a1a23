import { randomUUID } from 'node:crypto';
import type { TBackgroundJob, TBackgroundJobList, TBackgroundJobState } from '@candor/schemas';
import { errorFields, type Logger } from '../logging/logger.js';
import { AppError } from '../trpc/app-error.js';
import {
  definitionOf,
  definitionToSend,
  type JobData,
  type JobDefinition,
  type JobQueue,
  retryDelayMs,
  type SendOptions,
  safeErrorText,
} from './job-definition.js';
import { countsOf, type JobRow, queueSummaries, visibleJob } from './job-views.js';

interface JobRecord {
  id: string;
  name: string;
  data: JobData;
  state: TBackgroundJobState;
  retryCount: number;
  retryLimit: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  startAfter: Date;
  error: string | null;
  timer?: NodeJS.Timeout;
}

/** Completed jobs kept per kind for the backoffice, and failed ones in all. */
const KEEP_COMPLETED = 5;
const KEEP_FAILED = 100;

/**
 * The runner for SQLite (one process owns the database file): the same definitions as pg-boss runs,
 * on timers in this process, with the same retries and back-off, and its state kept in memory for the
 * backoffice. Nothing else is needed; a restart forgets the history, and the schedules start again.
 */
export function inProcessRunner(options: {
  definitions: readonly JobDefinition[];
  logger: Logger;
  /**
   * Keep the schedules (false: WORKERS=false). Sent jobs run here either way: on SQLite there is no
   * shared queue another process could take them from.
   */
  schedules: boolean;
}): JobQueue & { start(): void } {
  const { definitions, logger } = options;
  const jobs = new Map<string, JobRecord>();
  const running = new Set<Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  const controller = new AbortController();
  let stopped = false;

  const unfinished = (name: string, tenantId?: unknown) =>
    [...jobs.values()].some(
      (j) =>
        j.name === name &&
        (tenantId === undefined || j.data.tenantId === tenantId) &&
        (j.state === 'created' || j.state === 'retry' || j.state === 'active'),
    );

  function prune(name: string) {
    const done = [...jobs.values()].filter((j) => j.name === name && j.state === 'completed');
    for (const job of done.slice(0, Math.max(0, done.length - KEEP_COMPLETED))) jobs.delete(job.id);
    const failed = [...jobs.values()].filter((j) => j.state === 'failed');
    for (const job of failed.slice(0, Math.max(0, failed.length - KEEP_FAILED))) jobs.delete(job.id);
  }

  function plan(job: JobRecord) {
    if (stopped) return;
    clearTimeout(job.timer);
    job.timer = setTimeout(() => void execute(job), Math.max(0, job.startAfter.getTime() - Date.now()));
    job.timer.unref();
  }

  async function execute(job: JobRecord) {
    if (stopped || job.state === 'active') return;
    const definition = definitionOf(definitions, job.name);
    // As pg-boss counts: every start after the first is a retry (a retry from the backoffice included).
    if (job.startedAt) job.retryCount += 1;
    job.state = 'active';
    job.startedAt = new Date();
    const attempt = (async () => {
      try {
        await definition.run(job.data, { signal: controller.signal, queue: runner });
        job.state = 'completed';
        job.error = null;
      } catch (error) {
        job.error = safeErrorText(error);
        logger.error('background job failed', {
          job: job.name,
          jobId: job.id,
          attempt: job.retryCount + 1,
          ...errorFields(error),
        });
        if (job.retryCount < job.retryLimit && !stopped) {
          job.state = 'retry';
          job.startAfter = new Date(Date.now() + retryDelayMs(definition.retry, job.retryCount));
        } else job.state = 'failed';
      } finally {
        job.finishedAt = job.state === 'retry' ? null : new Date();
      }
    })();
    running.add(attempt);
    await attempt;
    running.delete(attempt);
    // The attempt above changed the state.
    if ((job.state as TBackgroundJobState) === 'retry') plan(job);
    prune(job.name);
  }

  const runner = {
    kind: 'in-process' as const,

    start() {
      if (!options.schedules) return;
      for (const [index, definition] of definitions.entries()) {
        const every = definition.everySeconds;
        if (!every) continue;
        const tick = () => {
          if (!unfinished(definition.name)) void runner.send(definition.name, {});
        };
        // Once shortly after start, staggered (SQLite has one writer), then every interval.
        const first = setTimeout(tick, 1000 + index * 300);
        first.unref();
        const timer = setInterval(tick, every * 1000);
        timer.unref();
        timers.push(first, timer);
      }
    },

    async send(name: string, data: JobData = {}, sendOptions: SendOptions = {}) {
      const definition = definitionToSend(definitions, name, data);
      if (stopped) return null;
      const now = new Date();
      if (sendOptions.unlessUnfinished && unfinished(name, data.tenantId)) return null;
      const window = (sendOptions.oncePerSeconds ?? 0) * 1000;
      if (
        window > 0 &&
        [...jobs.values()].some(
          (j) =>
            j.name === name &&
            j.data.tenantId === data.tenantId &&
            now.getTime() - j.createdAt.getTime() < window,
        )
      )
        return null;
      const job: JobRecord = {
        id: randomUUID(),
        name,
        data,
        state: 'created',
        retryCount: 0,
        retryLimit: definition.retry.limit,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
        startAfter: new Date(now.getTime() + (sendOptions.startAfterSeconds ?? 0) * 1000),
        error: null,
      };
      jobs.set(job.id, job);
      plan(job);
      return job.id;
    },

    async list(tenantId: string): Promise<TBackgroundJobList> {
      const rows: JobRow[] = [...jobs.values()]
        .filter((j) => j.data.tenantId === undefined || j.data.tenantId === tenantId)
        .map((j) => ({
          id: j.id,
          name: j.name,
          state: j.state,
          tenantId: j.data.tenantId ?? null,
          retryCount: j.retryCount,
          retryLimit: j.retryLimit,
          createdAt: j.createdAt,
          startedAt: j.startedAt,
          finishedAt: j.finishedAt,
          startAfter: j.state === 'created' || j.state === 'retry' ? j.startAfter : null,
          error: j.error,
        }));
      const views: TBackgroundJob[] = rows
        .map((row) => visibleJob(row, tenantId))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { runner: 'in-process', queues: queueSummaries(definitions, countsOf(rows)), jobs: views };
    },

    async retry(tenantId: string, id: string) {
      const job = jobs.get(id);
      if (!job || (job.data.tenantId !== undefined && job.data.tenantId !== tenantId))
        throw new AppError('NOT_FOUND', 'No such background job');
      if (job.state !== 'failed') throw new AppError('CONFLICT', 'Only a failed job can be retried');
      // As pg-boss does: one more attempt, now.
      job.state = 'retry';
      job.retryLimit += 1;
      job.startAfter = new Date();
      job.finishedAt = null;
      plan(job);
    },

    async stop(graceMs = 10_000) {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      for (const job of jobs.values()) clearTimeout(job.timer);
      controller.abort();
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
    },
  };
  return runner;
}
