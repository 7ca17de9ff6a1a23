import { DialogContentText } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { HttpError, useNotify, useRefresh, useUnselectAll } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { plural } from '../../lib/plural';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { OpenJobSelect } from './OpenJobSelect';

/** Puts the selected pool members into an open job's first stage, as sourced from the talent pool. */
export function AddFromPoolDialog({
  open,
  onClose,
  candidateIds,
}: {
  open: boolean;
  onClose: () => void;
  candidateIds: string[];
}) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <AddFromPoolForm candidateIds={candidateIds} onClose={onClose} />
    </FormDialog>
  );
}

function AddFromPoolForm({ candidateIds, onClose }: { candidateIds: string[]; onClose: () => void }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('talent-pool');
  const [jobId, setJobId] = useState('');
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
      const result = await dataProvider.addFromTalentPool({ jobId, candidateIds });
      const notes = [
        result.alreadyApplied > 0
          ? `${plural(result.alreadyApplied, 'person', 'people')} had already applied`
          : '',
        result.notInPool > 0 ? `${plural(result.notInPool, 'person', 'people')} left the pool meanwhile` : '',
      ].filter(Boolean);
      notify(
        `Added ${plural(result.added, 'person', 'people')} to the job${notes.length ? ` (${notes.join('; ')})` : ''}`,
        {
          type: 'success',
        },
      );
      unselectAll();
      refresh();
      onClose();
    } catch (err) {
      const httpError = err instanceof HttpError ? err : null;
      setError({ form: httpError?.message ?? String(err), jobId: httpError?.body?.errors?.jobId });
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={`Add ${plural(candidateIds.length, 'person', 'people')} to a job`}
      error={error.form}
      submitLabel="Add to job"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
    >
      <OpenJobSelect value={jobId} onChange={setJobId} error={error.jobId} disabled={submitting} />
      <DialogContentText variant="body2">
        Their applications start in the job’s first stage, with “Talent pool” as the source. People who
        already applied to the job are left as they are.
      </DialogContentText>
    </DialogForm>
  );
}
