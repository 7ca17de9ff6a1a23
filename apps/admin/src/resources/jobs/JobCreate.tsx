import type { TJob } from '@candor/schemas';
import { Create, useNotify, useRedirect } from 'react-admin';
import { PageHeading } from '../../components/PageHeading';
import { useMe } from '../../providers/authProvider';
import { JobForm } from './JobForm';
import { type JobFormValues, toJobInput } from './jobInput';

export function JobCreate() {
  const { me } = useMe();
  const notify = useNotify();
  const redirect = useRedirect();
  const defaults: JobFormValues = {
    workplace: 'hybrid',
    employmentType: 'full_time',
    descriptionMd: '',
    salaryStated: false,
    // Whoever creates the job usually recruits for it.
    hiringTeam: me ? [{ userId: me.userId, role: 'recruiter' }] : [],
    questions: [],
    criteria: [],
    profileSections: [],
  };
  return (
    <>
      <PageHeading aboveList>New job</PageHeading>
      <Create
        title="New job"
        transform={(values: JobFormValues) => toJobInput(values)}
        mutationOptions={{
          onSuccess: (job: TJob) => {
            notify('Job created as a draft; publish it when it is ready', { type: 'success' });
            redirect('show', 'jobs', job.id);
          },
        }}
      >
        <JobForm defaultValues={defaults} saveLabel="Create job" />
      </Create>
    </>
  );
}
