import type { TJobScope } from '@candor/schemas';

/**
 * A report's job scope as one select value and back: "all", "job:<id>" or
 * "dept:<name>" (a department's name may hold any character, a colon too).
 */
export function jobScopeKey(scope: TJobScope): string {
  if (scope.jobId) return `job:${scope.jobId}`;
  if (scope.department !== undefined) return `dept:${scope.department}`;
  return 'all';
}

export function parseJobScope(key: string): TJobScope {
  if (key.startsWith('job:')) return { jobId: key.slice(4) };
  if (key.startsWith('dept:')) return { department: key.slice(5) };
  return {};
}
