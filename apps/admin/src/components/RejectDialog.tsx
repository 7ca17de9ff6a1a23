import {
  DialogContentText,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { IN_CANDIDATE_COPY } from '../lib/labels';
import { toHttpError } from '../providers/errors';
import { useHiringSettings } from '../providers/useHiringSettings';
import { DialogForm, FormDialog } from './FormDialog';

export type RejectValues = { reasonId: string; note: string; emailDelayHours: number | null };

/** The rejection email choices; "none" sends nothing. */
const EMAIL_CHOICES = [
  { value: 'none', label: "Don't send an email", hours: null },
  { value: '0', label: 'Send now', hours: 0 },
  { value: '24', label: 'Send in 1 day', hours: 24 },
  { value: '72', label: 'Send in 3 days', hours: 72 },
] as const;

type EmailChoice = (typeof EMAIL_CHOICES)[number]['value'];

type Props = {
  open: boolean;
  /** Who is rejected, for the title: a name, or "3 applications". */
  subject: string;
  onClose: () => void;
  /** Rejects; the dialog stays open with the error shown when this rejects. */
  onSubmit: (values: RejectValues) => Promise<unknown>;
};

/**
 * Rejecting needs a reason (reported on, not shown to the candidate), an
 * optional note for the team (in the candidate's copy of their data, like
 * every note about them), and a decision about the rejection email. Used by
 * the board, the application page and the applications list's bulk action.
 */
export function RejectDialog({ open, subject, onClose, onSubmit }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <RejectForm subject={subject} onClose={onClose} onSubmit={onSubmit} />
    </FormDialog>
  );
}

function RejectForm({ subject, onClose, onSubmit }: Omit<Props, 'open'>) {
  const { data: settings, isPending, error: settingsError } = useHiringSettings();
  const emailLabelId = useId();
  const [reasonId, setReasonId] = useState('');
  const [note, setNote] = useState('');
  const [email, setEmail] = useState<EmailChoice>('24');
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<{ form?: string; reasonId?: string; note?: string }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reasonId) {
      setErrors({ reasonId: 'Pick a reason' });
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      const hours = EMAIL_CHOICES.find((choice) => choice.value === email)?.hours ?? null;
      await onSubmit({ reasonId, note: note.trim(), emailDelayHours: hours });
      onClose();
    } catch (error) {
      const httpError = toHttpError(error);
      const fieldErrors: Record<string, string> = httpError.body?.errors ?? {};
      setErrors({ form: httpError.message, reasonId: fieldErrors.reasonId, note: fieldErrors.note });
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={`Reject ${subject}`}
      error={
        errors.form ??
        (settingsError ? 'Could not load the rejection reasons; reload the page and try again.' : undefined)
      }
      submitLabel="Reject"
      submitColor="error"
      submitting={submitting}
      submitDisabled={isPending}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <TextField
        select
        required
        label="Reason"
        value={reasonId}
        onChange={(event) => {
          setReasonId(event.target.value);
          setErrors((current) => ({ ...current, reasonId: undefined }));
        }}
        error={Boolean(errors.reasonId)}
        helperText={errors.reasonId ?? 'For reporting; not shown to the candidate.'}
        disabled={isPending || submitting}
        autoFocus
      >
        {(settings?.rejectionReasons ?? []).map((reason) => (
          <MenuItem key={reason.id} value={reason.id}>
            {reason.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Internal note (optional)"
        multiline
        minRows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={Boolean(errors.note)}
        helperText={errors.note ?? `Visible to your team. ${IN_CANDIDATE_COPY}`}
        disabled={submitting}
      />
      <FormControl disabled={submitting}>
        <FormLabel id={emailLabelId}>Rejection email</FormLabel>
        <RadioGroup
          aria-labelledby={emailLabelId}
          value={email}
          onChange={(event) => setEmail(event.target.value as EmailChoice)}
        >
          {EMAIL_CHOICES.map((choice) => (
            <FormControlLabel
              key={choice.value}
              value={choice.value}
              control={<Radio />}
              label={choice.label}
            />
          ))}
        </RadioGroup>
        <FormHelperText>
          The organisation's rejection email template; your note is never included.
        </FormHelperText>
      </FormControl>
      <DialogContentText variant="body2">
        Rejected applications leave the active pipeline; you can move them back to a stage later.
      </DialogContentText>
    </DialogForm>
  );
}
