import type { TCandidate, TDuplicateHint } from '@candor/schemas';
import {
  DialogContentText,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
} from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { useNotify, useRedirect, useRefresh } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
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
    <FormDialog open={duplicate !== null} onClose={onClose}>
      {duplicate && <MergeForm candidate={candidate} duplicate={duplicate} onClose={onClose} />}
    </FormDialog>
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

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
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
    <DialogForm
      title="Merge duplicate candidates"
      error={error}
      submitLabel={`Merge into ${keep.name}`}
      submitColor="warning"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
    >
      <FormControl disabled={submitting}>
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
    </DialogForm>
  );
}
