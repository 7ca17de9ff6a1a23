import type { Knex } from '@mikro-orm/knex';
import { type Em, tableQuery } from './orm.js';

/**
 * How many applications there are, read from `application_count` instead of
 * counted: a job can hold tens of thousands of applications, and the jobs
 * list, the board and every list page show counts. Database triggers keep
 * the table exact in the same transaction as every change to an application
 * (see the `application_counts` migrations), split by job, stage, status and
 * whether the candidate restricted processing; these reads sum a few rows.
 *
 * The table is not an entity, so the ORM's tenant filter does not apply:
 * every read names its tenant or jobs the caller has already scoped.
 */

export type JobCounts = { active: number; total: number };

/** Which applications to count: those of candidates who restricted processing only when `withRestricted`. */
export type CountScope = {
  tenantId: string;
  withRestricted: boolean;
  jobIds?: readonly string[];
  stageId?: string;
  status?: string;
};

function counts(em: Em, scope: CountScope): Knex.QueryBuilder {
  const query = tableQuery(em, 'application_count').where('tenant_id', scope.tenantId);
  if (!scope.withRestricted) query.where('candidate_restricted', false);
  if (scope.jobIds) query.whereIn('job_id', [...scope.jobIds]);
  if (scope.stageId) query.where('stage_id', scope.stageId);
  if (scope.status) query.where('status', scope.status);
  return query;
}

/** Active and total applications of each of `scope.jobIds`. */
export async function applicationCountsByJob(
  em: Em,
  scope: CountScope & { jobIds: readonly string[] },
): Promise<Map<string, JobCounts>> {
  const byJob = new Map<string, JobCounts>();
  if (scope.jobIds.length === 0) return byJob;
  const rows = (await counts(em, scope)
    .select('job_id', 'status')
    .sum({ n: 'n' })
    .groupBy('job_id', 'status')) as Array<{
    job_id: string;
    status: string;
    n: number | string | null;
  }>;
  for (const row of rows) {
    const entry = byJob.get(row.job_id) ?? { active: 0, total: 0 };
    entry.total += Number(row.n ?? 0);
    if (row.status === 'active') entry.active += Number(row.n ?? 0);
    byJob.set(row.job_id, entry);
  }
  return byJob;
}

/** Applications in each stage of some jobs (a board's column counts, the dashboard's entry stages). */
export async function applicationCountsByStage(
  em: Em,
  scope: CountScope & { jobIds: readonly string[] },
): Promise<Map<string, number>> {
  const rows = (await counts(em, scope).select('stage_id').sum({ n: 'n' }).groupBy('stage_id')) as Array<{
    stage_id: string;
    n: number | string | null;
  }>;
  return new Map(rows.map((row) => [row.stage_id, Number(row.n ?? 0)]));
}

/** How many applications match a filter made only of jobs, a stage and a status. */
export async function countApplications(em: Em, scope: CountScope): Promise<number> {
  if (scope.jobIds?.length === 0) return 0;
  const [row] = (await counts(em, scope).sum({ n: 'n' })) as Array<{ n: number | string | null }>;
  return Number(row?.n ?? 0);
}
