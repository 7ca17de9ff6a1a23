import { type PasswordStrength, weakPasswordMessage, ZPassword } from '@candor/schemas';
import { Alert, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { NewPasswordFields } from './NewPasswordFields';
import { usePasswordStrength } from './usePasswordStrength';

type PasswordErrors = { form?: string; password?: string; confirmation?: string };

/** What the browser can tell about a new password and its confirmation (the API checks again). */
export function checkPasswords(
  password: string,
  confirmation: string,
  strength: PasswordStrength | undefined,
): PasswordErrors {
  const errors: PasswordErrors = {};
  const result = ZPassword.safeParse(password);
  if (!result.success) errors.password = result.error.issues.map((issue) => issue.message).join(' ');
  else if (strength && !strength.acceptable) errors.password = weakPasswordMessage(strength);
  if (confirmation !== password) errors.confirmation = 'The two passwords differ';
  return errors;
}

/**
 * Choosing a password with an emailed link (invitation or reset), with a live
 * strength meter. The browser checks what it can; the API checks again with
 * the person's name, email and organisation, and its field error shows here.
 */
export function NewPasswordForm({
  token,
  title,
  submitLabel,
  linkNotValid,
  onDone,
}: {
  token: string;
  /** The form's accessible name. */
  title: string;
  submitLabel: string;
  /** What to do when the link has expired or was used (e.g. ask for a new one). */
  linkNotValid: string;
  onDone(): void;
}) {
  const [password, setPassword] = useState('');
  const strength = usePasswordStrength(password);
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const confirmation = String(new FormData(event.currentTarget).get('confirmation') ?? '');
    const clientErrors = checkPasswords(password, confirmation, strength);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;
    setSubmitting(true);
    try {
      await trpc.auth.setPassword.mutate({ token, password });
      onDone();
    } catch (error) {
      const httpError = toHttpError(error);
      const fieldErrors: Record<string, string> = httpError.body?.errors ?? {};
      // A bad token is the link's fault, not a field the user can fix.
      setErrors({
        form: fieldErrors.token ? linkNotValid : httpError.message,
        password: fieldErrors.password,
      });
      setSubmitting(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-label={title}>
      <Stack spacing={1}>
        {errors.form && (
          <Alert severity="error" role="alert">
            {errors.form}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary">
          Use at least 12 characters. A few unrelated words make a strong password that is easy to remember;
          avoid your name, your email and your organisation's name.
        </Typography>
        <NewPasswordFields
          password={password}
          strength={strength}
          errors={errors}
          autoFocus
          onPasswordChange={(next) => {
            setPassword(next);
            // The meter now speaks for the new text; an error about the old one would contradict it.
            setErrors((current) => ({ ...current, password: undefined }));
          }}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
        >
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
