import type { TCandidate, TDuplicateHint } from '@candor/schemas';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
} from '@mui/material';
import { useId, useState } from 'react';
import { useNotify, useRedirect, useRefresh } from 'react-admin';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

type Person = { id: string; name: string; email: string };

type Props = {
  candidate: TCandidate;
  duplicate: TDuplicateHint | null;
  onClose: () => void;
};

/**
 * Merging keeps one record and deletes the other after moving its
 * applications over; the dialog says exactly which is which before anything happens.
 */
export function MergeDialog({ candidate, duplicate, onClose }: Props) {
  return (
    <Dialog
      open={duplicate !== null}
      onClose={onClose}
      aria-labelledby="merge-dialog-title"
      fullWidth
      maxWidth="sm"
    >
      {duplicate && <MergeForm candidate={candidate} duplicate={duplicate} onClose={onClose} />}
    </Dialog>
  );
}

function MergeForm({ candidate, duplicate, onClose }: Props & { duplicate: TDuplicateHint }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const labelId = useId();
  const [keepThis, setKeepThis] = useState(true);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const keep: Person = keepThis ? candidate : duplicate;
  const merge: Person = keepThis ? duplicate : candidate;

  const submit = async () => {
    setSubmitting(true);
    setError(undefined);
    try {
      const kept = await dataProvider.mergeCandidates({ keepId: keep.id, mergeId: merge.id });
      notify(`${merge.name} merged into ${kept.name}`, { type: 'success' });
      onClose();
      if (kept.id === candidate.id) refresh();
      else redirect('show', 'candidates', kept.id);
    } catch (err) {
      setError(toHttpError(err).message);
      setSubmitting(false);
    }
  };

  return (
    <>
      <DialogTitle id="merge-dialog-title">Merge duplicate candidates</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <FormControl disabled={submitting} sx={{ mb: 2 }}>
          <FormLabel id={labelId}>Which record do you keep?</FormLabel>
          <RadioGroup
            aria-labelledby={labelId}
            value={keepThis ? 'this' : 'other'}
            onChange={(event) => setKeepThis(event.target.value === 'this')}
          >
            <FormControlLabel
              value="this"
              control={<Radio />}
              label={`${candidate.name} <${candidate.email}> (this one)`}
            />
            <FormControlLabel
              value="other"
              control={<Radio />}
              label={`${duplicate.name} <${duplicate.email}>`}
            />
          </RadioGroup>
        </FormControl>
        <DialogContentText component="div">
          <strong>
            {keep.name} &lt;{keep.email}&gt;
          </strong>{' '}
          is kept, with its name and email. From {merge.name}:
          <ul>
            <li>all applications move to {keep.name};</li>
            <li>a missing phone number or location is filled in, and profile links are combined;</li>
            <li>
              then the record of {merge.name} &lt;{merge.email}&gt; is deleted. This cannot be undone.
            </li>
          </ul>
          If both applied to the same job, withdraw or reject one of those applications first.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={submitting}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color="warning"
          onClick={submit}
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          Merge into {keep.name}
        </Button>
      </DialogActions>
    </>
  );
}
