import { PASSWORD_RESET_VALID_MINUTES, ZRequestPasswordResetInput } from '@candor/schemas';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-admin';
import { toHttpError } from '../providers/errors';
import { trpc } from '../trpc';
import { AuthCard } from './password/AuthCard';

/**
 * "Forgot password?": asks for a reset link by email. The answer is the same
 * whether or not the address has an account, so the page says what happens
 * if it does.
 */
export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string>();
  const [errors, setErrors] = useState<{ form?: string; email?: string }>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZRequestPasswordResetInput.safeParse({
      email: new FormData(event.currentTarget).get('email') ?? '',
    });
    if (!parsed.success) {
      setErrors({ email: parsed.error.issues[0]?.message ?? 'Enter your email address' });
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await trpc.auth.requestPasswordReset.mutate(parsed.data);
      setSentTo(parsed.data.email);
    } catch (error) {
      const httpError = toHttpError(error);
      setErrors({ form: httpError.message, email: httpError.body?.errors?.email });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard icon={<KeyIcon />} title="Reset your password">
      {sentTo ? (
        <Alert severity="success" role="status">
          If {sentTo} belongs to a Candor account, we have emailed it a link to choose a new password. The
          link works once, within {PASSWORD_RESET_VALID_MINUTES} minutes. Nothing arrived? Check your spam
          folder, or ask an admin of your organisation to send you one.
        </Alert>
      ) : (
        <form noValidate onSubmit={submit} aria-label="Reset your password">
          <Stack spacing={1}>
            {errors.form && (
              <Alert severity="error" role="alert">
                {errors.form}
              </Alert>
            )}
            <Typography variant="body2" color="text.secondary">
              Enter the email address you sign in with; we will email you a link to choose a new password.
            </Typography>
            <TextField
              name="email"
              label="Email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              error={Boolean(errors.email)}
              helperText={errors.email}
            />
            <Button
              type="submit"
              variant="contained"
              disabled={submitting}
              startIcon={submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
            >
              Email me a link
            </Button>
          </Stack>
        </form>
      )}
      <Typography variant="body2" align="center">
        <Link to="/login">Back to sign in</Link>
      </Typography>
    </AuthCard>
  );
}
