import { type Em, Job } from '@candor/db';
import type { TJobScope } from '@candor/schemas';
import type { InferEntity } from '@mikro-orm/core';
import { AppError } from '../trpc/app-error.js';

/** A report's scope, checked: the job (of this tenant), or the department, or all jobs; and how it is named. */
export interface ResolvedJobScope {
  job: InferEntity<typeof Job> | null;
  department: string | undefined;
  label: string;
}

/**
 * The job or department a report input names (ZReportsFilter,
 * ZDiversityReportInput): a job of another tenant or none at all is "not
 * found" (the tenant filter hides other tenants' jobs).
 */
export async function resolveJobScope(em: Em, scope: TJobScope): Promise<ResolvedJobScope> {
  const job = scope.jobId ? await em.findOne(Job, scope.jobId) : null;
  if (scope.jobId && !job) throw new AppError('NOT_FOUND', 'No such job');
  const department = job ? undefined : scope.department;
  return {
    job,
    department,
    label: job ? job.title : department !== undefined ? `${department} (department)` : 'All jobs',
  };
}
