import type { TBackgroundJob, TBackgroundJobQueue, TBackgroundJobState } from '@candor/schemas';
import { type JobDefinition, JobFailure } from './job-definition.js';

/** A job as either runner stores it. */
export interface JobRow {
  id: string;
  name: string;
  state: TBackgroundJobState;
  tenantId: string | null;
  retryCount: number;
  retryLimit: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  startAfter: Date | null;
  error: string | null;
}

/** What is stored of an error (see safeErrorText): a JobFailure's message is marked so it can be held back. */
export const FAILURE_PREFIX = `${new JobFailure('').name}: `;

/**
 * The job as a tenant's staff see it. Rows of other tenants never reach here (both runners filter by
 * tenant first); a global job's error shows only its kind, since a message written for staff may be
 * about any tenant.
 */
export function visibleJob(row: JobRow, tenantId: string): TBackgroundJob {
  const ownTenant = row.tenantId === tenantId;
  const error =
    row.error === null
      ? null
      : ownTenant || !row.error.startsWith(FAILURE_PREFIX)
        ? row.error.replace(FAILURE_PREFIX, '')
        : 'JobFailure (see the server log)';
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    ownTenant,
    retryCount: row.retryCount,
    retryLimit: row.retryLimit,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    startAfter: row.startAfter?.toISOString() ?? null,
    error,
  };
}

export interface QueueCounts {
  queued: number;
  running: number;
  failed: number;
  lastCompletedAt: Date | null;
}

export function queueSummaries(
  definitions: readonly JobDefinition[],
  counts: ReadonlyMap<string, QueueCounts>,
): TBackgroundJobQueue[] {
  return definitions.map((d) => {
    const c = counts.get(d.name);
    return {
      name: d.name,
      label: d.label,
      everySeconds: d.everySeconds ?? null,
      perTenant: d.perTenant,
      retryLimit: d.retry.limit,
      queued: c?.queued ?? 0,
      running: c?.running ?? 0,
      failed: c?.failed ?? 0,
      lastCompletedAt: c?.lastCompletedAt?.toISOString() ?? null,
    };
  });
}

/** Counts per kind from the jobs themselves (the in-process runner keeps few enough). */
export function countsOf(rows: readonly JobRow[]): Map<string, QueueCounts> {
  const counts = new Map<string, QueueCounts>();
  for (const row of rows) {
    const c = counts.get(row.name) ?? { queued: 0, running: 0, failed: 0, lastCompletedAt: null };
    if (row.state === 'created' || row.state === 'retry') c.queued += 1;
    else if (row.state === 'active') c.running += 1;
    else if (row.state === 'failed') c.failed += 1;
    else if (
      row.state === 'completed' &&
      row.finishedAt &&
      (!c.lastCompletedAt || row.finishedAt > c.lastCompletedAt)
    )
      c.lastCompletedAt = row.finishedAt;
    counts.set(row.name, c);
  }
  return counts;
}
