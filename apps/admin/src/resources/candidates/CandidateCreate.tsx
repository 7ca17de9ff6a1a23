import { type TCandidate, type TJobListItem, ZCandidateCreateInput } from '@candor/schemas';
import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  useNotify,
  useRedirect,
} from 'react-admin';
import { PageHeading } from '../../components/PageHeading';
import { SOURCE_CHOICES } from '../../lib/labels';
import { validateWith } from '../../validation';
import { CandidateFields, withoutEmptyLinks } from './CandidateForm';

const validateCandidate = validateWith(ZCandidateCreateInput, withoutEmptyLinks);

// Careers-site applications come from the careers site; staff add sourced, referred or imported people.
const STAFF_SOURCE_CHOICES = SOURCE_CHOICES.filter((choice) => choice.id !== 'careers_site');

function AddToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Add candidate" />
    </Toolbar>
  );
}

export function CandidateCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <>
      <PageHeading aboveList>Add candidate</PageHeading>
      <Create
        title="Add candidate"
        transform={withoutEmptyLinks}
        mutationOptions={{
          onSuccess: (candidate: TCandidate) => {
            const job = candidate.applications[0];
            notify(job ? `${candidate.name} added to ${job.jobTitle}` : `${candidate.name} added`, {
              type: 'success',
            });
            redirect('show', 'candidates', candidate.id);
          },
        }}
      >
        <SimpleForm
          validate={validateCandidate}
          warnWhenUnsavedChanges
          defaultValues={{ source: 'sourced', links: [], jobId: null }}
          toolbar={<AddToolbar />}
          noValidate
          sx={{ maxWidth: 860 }}
        >
          <CandidateFields />
          <SelectInput source="source" label="Source" choices={STAFF_SOURCE_CHOICES} isRequired />
          <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
            Add to a job (optional)
          </Typography>
          <ReferenceInput
            source="jobId"
            reference="jobs"
            filter={{ status: 'open' }}
            sort={{ field: 'title', order: 'ASC' }}
          >
            <AutocompleteInput
              label="Job"
              optionText={(job: TJobListItem) => `${job.title} (${job.department})`}
              filterToQuery={(q: string) => ({ q })}
              helperText="The candidate starts in the job's first stage. Only open jobs are listed."
              sx={{ minWidth: 420 }}
            />
          </ReferenceInput>
        </SimpleForm>
      </Create>
    </>
  );
}
