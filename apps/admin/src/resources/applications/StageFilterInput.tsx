import { SelectInput } from 'react-admin';
import { useFilteredJob } from './useJobStages';

/** Stages belong to a job: the filter offers the filtered job's stages, and waits for a job before that. */
export function StageFilterInput({ source, label }: { source: string; label: string }) {
  const { jobId, job } = useFilteredJob();
  return (
    <SelectInput
      source={source}
      label={label}
      choices={job?.stages ?? []}
      isPending={Boolean(jobId) && !job}
      disabled={!jobId}
      helperText={jobId ? false : 'Filter by a job first'}
    />
  );
}
