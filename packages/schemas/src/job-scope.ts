import type { z } from 'zod';
import { ZDepartmentName } from './hiring/settings.js';
import { ZId } from './list.js';

/**
 * Which jobs a report counts: one job, one department, or every job when
 * neither is given. Shared by the hiring reports and the diversity report.
 */
export const JOB_SCOPE_FIELDS = {
  jobId: ZId.optional(),
  department: ZDepartmentName.optional(),
};
export type TJobScope = { jobId?: string; department?: string };

/** A job or a department, not both: for a report input's superRefine. */
export function checkJobScope(input: TJobScope, ctx: z.RefinementCtx): void {
  if (input.jobId && input.department)
    ctx.addIssue({
      code: 'custom',
      path: ['department'],
      message: 'Choose a job or a department, not both',
    });
}
