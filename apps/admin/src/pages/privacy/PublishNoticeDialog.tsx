import { dayOf, type TNoticePublishInput } from '@candor/schemas';
import { Checkbox, DialogContentText, FormControlLabel, FormHelperText, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { toHttpError } from '../../providers/errors';
import type { Errors } from './queries';

type Props = {
  open: boolean;
  /** The version number publishing creates. */
  nextVersion: number;
  onClose: () => void;
  /** Publishes; the dialog stays open with the errors shown when this rejects. */
  onSubmit: (input: TNoticePublishInput) => Promise<unknown>;
};

/**
 * Publishing freezes the draft as the next version: when it takes effect
 * (never in the past), and whether it is a material change applicants must
 * be told about, with a summary of what changed.
 */
export function PublishNoticeDialog({ open, nextVersion, onClose, onSubmit }: Props) {
  return (
    // Mounted only while open, so every opening starts from today's date.
    <FormDialog open={open} onClose={onClose}>
      <PublishForm nextVersion={nextVersion} onClose={onClose} onSubmit={onSubmit} />
    </FormDialog>
  );
}

function PublishForm({ nextVersion, onClose, onSubmit }: Omit<Props, 'open'>) {
  const today = dayOf();
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [materialChange, setMaterialChange] = useState(false);
  const [changeSummary, setChangeSummary] = useState('');
  const [emailCandidates, setEmailCandidates] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setErrors({});
    try {
      await onSubmit({
        effectiveOn,
        materialChange,
        changeSummary: changeSummary.trim(),
        emailCandidates: materialChange && emailCandidates,
      });
      onClose();
    } catch (error) {
      const httpError = toHttpError(error);
      const fields: Errors = httpError.body?.errors ?? {};
      const known =
        fields.effectiveOn || fields.changeSummary || fields.materialChange || fields.emailCandidates;
      setErrors({ ...fields, form: known ? undefined : httpError.message });
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={`Publish version ${nextVersion}`}
      error={errors.form}
      submitLabel={`Publish version ${nextVersion}`}
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <DialogContentText variant="body2">
        Publishing freezes the draft as version {nextVersion}. It cannot be changed afterwards: later edits
        become a new version. Applications record the version in effect when they are made.
      </DialogContentText>
      <TextField
        type="date"
        label="Takes effect on"
        value={effectiveOn}
        onChange={(event) => {
          setEffectiveOn(event.target.value);
          setErrors((current) => ({ ...current, effectiveOn: undefined, form: undefined }));
        }}
        required
        error={Boolean(errors.effectiveOn)}
        helperText={errors.effectiveOn ?? 'Today or later (UTC); a notice cannot be backdated.'}
        disabled={submitting}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
      />
      <div>
        <FormControlLabel
          control={
            <Checkbox
              checked={materialChange}
              onChange={(event) => {
                setMaterialChange(event.target.checked);
                setErrors((current) => ({ ...current, changeSummary: undefined }));
              }}
              disabled={submitting}
            />
          }
          label="This is a material change"
        />
        <FormHelperText sx={{ mt: 0 }}>
          New purposes, new recipients or longer retention. Applicants see material changes highlighted.
        </FormHelperText>
      </div>
      <TextField
        label={materialChange ? 'What changed' : 'What changed (optional)'}
        multiline
        minRows={2}
        value={changeSummary}
        onChange={(event) => {
          setChangeSummary(event.target.value);
          setErrors((current) => ({ ...current, changeSummary: undefined }));
        }}
        required={materialChange}
        error={Boolean(errors.changeSummary)}
        helperText={
          errors.changeSummary ?? `${changeSummary.length}/500 · shown to applicants with the notice`
        }
        disabled={submitting}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      {materialChange && (
        <div>
          <FormControlLabel
            control={
              <Checkbox
                checked={emailCandidates}
                onChange={(event) => setEmailCandidates(event.target.checked)}
                disabled={submitting}
              />
            }
            label="Email the change to every candidate whose data you hold"
          />
          <FormHelperText sx={{ mt: 0 }} error={Boolean(errors.emailCandidates)}>
            {errors.emailCandidates ??
              'Sent in batches through the outbox, with what changed and a link to the new version. Candidates who restricted processing are not emailed.'}
          </FormHelperText>
        </div>
      )}
    </DialogForm>
  );
}
