import type { TJobScope } from '@candor/schemas';
import { MenuItem, TextField } from '@mui/material';
import { useGetList } from 'react-admin';
import { jobScopeKey, parseJobScope } from '../lib/jobScope';

/**
 * "Jobs": all jobs, a department (those of the tenant's jobs) or one job,
 * for the hiring reports and the diversity report.
 */
export function JobScopeSelect({
  value,
  onChange,
  minWidth,
}: {
  value: TJobScope;
  onChange: (scope: TJobScope) => void;
  minWidth: number;
}) {
  const { data: jobs } = useGetList('jobs', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'title', order: 'ASC' },
  });
  const departments = [
    ...new Set((jobs ?? []).map((j) => String(j.department ?? '')).filter(Boolean)),
  ].sort();
  return (
    <TextField
      select
      size="small"
      label="Jobs"
      value={jobScopeKey(value)}
      onChange={(e) => onChange(parseJobScope(e.target.value))}
      sx={{ minWidth }}
    >
      <MenuItem value="all">All jobs</MenuItem>
      {departments.map((d) => (
        <MenuItem key={`dept:${d}`} value={jobScopeKey({ department: d })}>
          {d} (department)
        </MenuItem>
      ))}
      {(jobs ?? []).map((j) => (
        <MenuItem key={`job:${j.id}`} value={jobScopeKey({ jobId: String(j.id) })}>
          {String(j.title)}
        </MenuItem>
      ))}
    </TextField>
  );
}
