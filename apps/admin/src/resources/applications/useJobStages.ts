import type { TJob } from '@candor/schemas';
import { useGetOne, useListContext } from 'react-admin';
import { DETAIL } from '../../providers/detail';

/** The stages of the job the list is filtered by, if it is filtered by one. */
export function useFilteredJob(): { jobId: string | undefined; job: TJob | undefined } {
  const { filterValues } = useListContext();
  const jobId = typeof filterValues.jobId === 'string' ? filterValues.jobId : undefined;
  const { data: job } = useGetOne<TJob>(
    'jobs',
    { id: jobId ?? '', meta: DETAIL },
    { enabled: Boolean(jobId) },
  );
  return { jobId, job: jobId ? job : undefined };
}
