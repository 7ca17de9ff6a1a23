import { DialogContentText, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { toHttpError } from '../../providers/errors';

type Props = {
  open: boolean;
  candidateName: string;
  onClose: () => void;
  onSubmit: (note: string) => Promise<unknown>;
};

/** Records that the candidate withdrew (they told the recruiter); no email is sent. */
export function WithdrawDialog({ open, candidateName, onClose, onSubmit }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <WithdrawForm candidateName={candidateName} onClose={onClose} onSubmit={onSubmit} />
    </FormDialog>
  );
}

function WithdrawForm({ candidateName, onClose, onSubmit }: Omit<Props, 'open'>) {
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      await onSubmit(note.trim());
      onClose();
    } catch (err) {
      setError(toHttpError(err).message);
      setSubmitting(false);
    }
  };
  return (
    <DialogForm
      title={`Mark ${candidateName} as withdrawn`}
      error={error}
      submitLabel="Mark as withdrawn"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
    >
      <DialogContentText>
        Use this when the candidate tells you they no longer want to be considered. The application leaves the
        active pipeline; no email is sent.
      </DialogContentText>
      <TextField
        label="Reason or note (optional)"
        multiline
        minRows={2}
        fullWidth
        value={note}
        onChange={(event) => setNote(event.target.value)}
        helperText="Saved as a note on the application."
        disabled={submitting}
      />
    </DialogForm>
  );
}
