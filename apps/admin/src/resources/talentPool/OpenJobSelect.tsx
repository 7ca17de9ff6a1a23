import type { TJobListItem } from '@candor/schemas';
import { MenuItem, TextField } from '@mui/material';
import { useGetList } from 'react-admin';

/** A required pick among the tenant's open jobs (the talent pool's dialogs). */
export function OpenJobSelect({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (jobId: string) => void;
  error?: string | undefined;
  disabled: boolean;
}) {
  const { data: jobs = [], isPending } = useGetList<TJobListItem>('jobs', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'title', order: 'ASC' },
    filter: { status: 'open' },
  });
  return (
    <TextField
      select
      required
      label="Job"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      disabled={isPending || disabled}
      error={Boolean(error)}
      helperText={
        error ?? (jobs.length === 0 && !isPending ? 'No open job yet: publish one first.' : 'Open jobs only.')
      }
    >
      {jobs.map((job) => (
        <MenuItem key={job.id} value={job.id}>
          {job.title} ({job.department})
        </MenuItem>
      ))}
    </TextField>
  );
}
