import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { type FormEvent, useState } from 'react';
import { toHttpError } from '../../providers/errors';

type Props = {
  open: boolean;
  candidateName: string;
  onClose: () => void;
  onSubmit: (note: string) => Promise<unknown>;
};

/** Records that the candidate withdrew (they told the recruiter); no email is sent. */
export function WithdrawDialog({ open, candidateName, onClose, onSubmit }: Props) {
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      await onSubmit(note.trim());
      setNote('');
      onClose();
    } catch (err) {
      setError(toHttpError(err).message);
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="withdraw-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="withdraw-dialog-title">Mark {candidateName} as withdrawn</DialogTitle>
        <DialogContent>
          <DialogContentText gutterBottom>
            Use this when the candidate tells you they no longer want to be considered. The application leaves
            the active pipeline; no email is sent.
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert" sx={{ my: 1 }}>
              {error}
            </Alert>
          )}
          <TextField
            label="Reason or note (optional)"
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            helperText="Saved as a note on the application."
            disabled={submitting}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={submitting}
            startIcon={submitting ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            Mark as withdrawn
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
