import type { TJob } from '@candor/schemas';
import { Box } from '@mui/material';
import { Edit, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { PageHeading } from '../../components/PageHeading';
import { DETAIL } from '../../providers/detail';
import { JobForm } from './JobForm';
import { type JobFormValues, jobFormDefaults, toJobInput } from './jobInput';

function JobEditTitle() {
  const job = useRecordContext<TJob>();
  return <span>{job ? `Edit ${job.title}` : 'Edit job'}</span>;
}

/** The same words as the app bar's title, as the page's heading over the form. */
function JobEditHeading() {
  const job = useRecordContext<TJob>();
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <PageHeading>{job ? `Edit ${job.title}` : 'Edit job'}</PageHeading>
    </Box>
  );
}

export function JobEdit() {
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  return (
    // Pessimistic: the API may refuse (pay transparency, archived job) and its field errors must reach the form.
    <Edit
      title={<JobEditTitle />}
      mutationMode="pessimistic"
      // The detail cache key (see providers/detail.ts), for reading and for the saved result.
      queryOptions={{ meta: DETAIL }}
      transform={(values: JobFormValues) => toJobInput(values)}
      mutationOptions={{
        meta: DETAIL,
        onSuccess: (job: TJob) => {
          notify('Job saved', { type: 'success' });
          // react-admin writes the saved job into the cached lists and marks them fresh, which would
          // hide a job created moments ago from the list; refetch them instead.
          refresh();
          redirect('show', 'jobs', job.id);
        },
      }}
    >
      <JobEditHeading />
      <JobForm defaultValues={(job: TJob) => jobFormDefaults(job)} saveLabel="Save job" />
    </Edit>
  );
}
