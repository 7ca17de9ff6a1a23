import { AlertTitle, DialogContentText, MenuItem, TextField } from '@mui/material';
import { type FormEvent, type ReactNode, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { toHttpError } from '../../providers/errors';
import { CheckboxGroup } from './CheckboxGroup';
import type { DialogField } from './dialogField';

export type DialogValues = Record<string, string>;

type Props = {
  open: boolean;
  title: string;
  /** What happens, in a sentence or two; shown above the fields. */
  description?: ReactNode;
  fields?: DialogField[];
  submitLabel: string;
  color?: 'primary' | 'error' | 'warning';
  /** A word the user must type to confirm, for actions that cannot be undone. */
  confirmWord?: string;
  onClose: () => void;
  /** Runs the action; the dialog stays open with the errors shown at their fields when this rejects. */
  onSubmit: (values: DialogValues) => Promise<unknown>;
};

/** A confirmation for one action on a privacy request, with the fields that action needs. */
export function RequestDialog(props: Props) {
  return (
    <FormDialog open={props.open} onClose={props.onClose}>
      <RequestDialogForm {...props} />
    </FormDialog>
  );
}

const CONFIRM_FIELD = 'confirm';

function RequestDialogForm({
  title,
  description,
  fields = [],
  submitLabel,
  color = 'primary',
  confirmWord,
  onClose,
  onSubmit,
}: Props) {
  const [values, setValues] = useState<DialogValues>(() =>
    Object.fromEntries(fields.map((field) => [field.name, field.initial ?? ''])),
  );
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  /** An error that belongs to no field: the server's message, titled with its field-less reasons. */
  const [formError, setFormError] = useState<{ title?: string; message: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const field of fields) {
      if (field.required && !values[field.name]?.trim()) missing[field.name] = 'Required';
    }
    if (confirmWord && confirm.trim() !== confirmWord)
      missing[CONFIRM_FIELD] = `Type ${confirmWord} to confirm`;
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    setSubmitting(true);
    setErrors({});
    setFormError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      const httpError = toHttpError(error);
      const fieldErrors: Record<string, string> = httpError.body?.errors ?? {};
      const known = new Set(fields.map((field) => field.name));
      const elsewhere = Object.entries(fieldErrors)
        .filter(([name]) => !known.has(name))
        .map(([, message]) => message);
      setErrors(fieldErrors);
      setFormError({
        title: elsewhere.length > 0 ? elsewhere.join(' ') : undefined,
        message: httpError.message,
      });
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={title}
      error={
        formError && (
          <>
            {formError.title && <AlertTitle>{formError.title}</AlertTitle>}
            {formError.message}
          </>
        )
      }
      submitLabel={submitLabel}
      submitColor={color}
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      {description && <DialogContentText component="div">{description}</DialogContentText>}
      {fields.map((field, index) =>
        field.multiple && field.choices ? (
          <CheckboxGroup
            key={field.name}
            field={field}
            value={values[field.name] ?? ''}
            error={errors[field.name]}
            disabled={submitting}
            onChange={(value) => {
              setValues((current) => ({ ...current, [field.name]: value }));
              setErrors((current) => ({ ...current, [field.name]: undefined }));
            }}
          />
        ) : (
          <TextField
            key={field.name}
            name={field.name}
            select={Boolean(field.choices)}
            type={field.type}
            label={field.label}
            required={field.required}
            multiline={field.multiline && !field.choices}
            minRows={field.multiline ? 3 : undefined}
            value={values[field.name] ?? ''}
            onChange={(event) => {
              setValues((current) => ({ ...current, [field.name]: event.target.value }));
              setErrors((current) => ({ ...current, [field.name]: undefined }));
            }}
            error={Boolean(errors[field.name])}
            helperText={errors[field.name] ?? field.helperText}
            disabled={submitting}
            autoFocus={index === 0}
            fullWidth
            slotProps={
              field.type === 'date'
                ? { inputLabel: { shrink: true }, htmlInput: { min: field.min } }
                : undefined
            }
          >
            {field.choices?.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {choice.name}
              </MenuItem>
            ))}
          </TextField>
        ),
      )}
      {confirmWord && (
        <TextField
          label={`Type ${confirmWord} to confirm`}
          value={confirm}
          onChange={(event) => {
            setConfirm(event.target.value);
            setErrors((current) => ({ ...current, [CONFIRM_FIELD]: undefined }));
          }}
          error={Boolean(errors[CONFIRM_FIELD])}
          helperText={errors[CONFIRM_FIELD]}
          disabled={submitting}
          autoComplete="off"
          autoFocus={fields.length === 0}
          fullWidth
        />
      )}
    </DialogForm>
  );
}
