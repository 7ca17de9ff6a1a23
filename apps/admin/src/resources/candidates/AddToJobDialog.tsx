import type { TCandidate, TJobListItem } from '@candor/schemas';
import { DialogContentText, MenuItem, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useGetList, useNotify, useRefresh } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { SOURCE_CHOICES } from '../../lib/labels';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

const STAFF_SOURCE_CHOICES = SOURCE_CHOICES.filter((choice) => choice.id !== 'careers_site');

/** Puts an existing candidate into the first stage of another open job. */
export function AddToJobDialog({
  candidate,
  open,
  onClose,
}: {
  candidate: TCandidate;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <AddToJobForm candidate={candidate} onClose={onClose} />
    </FormDialog>
  );
}

function AddToJobForm({ candidate, onClose }: { candidate: TCandidate; onClose: () => void }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data: jobs = [], isPending } = useGetList<TJobListItem>('jobs', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'title', order: 'ASC' },
    filter: { status: 'open' },
  });
  const appliedTo = new Set(candidate.applications.map((application) => application.jobId));
  const choices = jobs.filter((job) => !appliedTo.has(job.id));
  const [jobId, setJobId] = useState('');
  const [source, setSource] = useState('sourced');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ form?: string; jobId?: string }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!jobId) {
      setError({ jobId: 'Pick a job' });
      return;
    }
    setSubmitting(true);
    try {
      await dataProvider.createApplication({
        candidateId: candidate.id,
        jobId,
        source: source as 'sourced' | 'referral' | 'imported',
      });
      notify(`${candidate.name} added to ${jobs.find((job) => job.id === jobId)?.title ?? 'the job'}`, {
        type: 'success',
      });
      onClose();
      refresh();
    } catch (err) {
      const httpError = toHttpError(err);
      setError({ form: httpError.message, jobId: httpError.body?.errors?.jobId });
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={`Add ${candidate.name} to a job`}
      error={error.form}
      submitLabel="Add to job"
      submitting={submitting}
      submitDisabled={isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <TextField
        select
        required
        label="Job"
        value={jobId}
        onChange={(event) => setJobId(event.target.value)}
        disabled={isPending || submitting}
        error={Boolean(error.jobId)}
        helperText={
          error.jobId ??
          (choices.length === 0 && !isPending ? 'No other open job to add them to.' : 'Open jobs only.')
        }
      >
        {choices.map((job) => (
          <MenuItem key={job.id} value={job.id}>
            {job.title} ({job.department})
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Source"
        value={source}
        onChange={(event) => setSource(event.target.value)}
        disabled={submitting}
      >
        {STAFF_SOURCE_CHOICES.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
      <DialogContentText variant="body2">The application starts in the job's first stage.</DialogContentText>
    </DialogForm>
  );
}
