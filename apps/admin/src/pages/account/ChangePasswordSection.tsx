import {
  Alert,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useNotify } from 'react-admin';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { NewPasswordFields } from '../password/NewPasswordFields';
import { checkPasswords } from '../password/NewPasswordForm';
import { usePasswordStrength } from '../password/usePasswordStrength';
import { SESSIONS_KEY } from './SessionsSection';

type Errors = { form?: string; currentPassword?: string; password?: string; confirmation?: string };

/**
 * Changing one's password while signed in: the current one proves it is
 * them; afterwards every other session ends (whoever knew the old password
 * is signed out), this browser stays signed in.
 */
export function ChangePasswordSection() {
  const fieldId = useId();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const strength = usePasswordStrength(password);
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);
  useUnsavedChangesWarning(password !== '');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const clientErrors: Errors = checkPasswords(password, String(data.get('confirmation') ?? ''), strength);
    if (!currentPassword) clientErrors.currentPassword = 'Enter your current password';
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;
    setSubmitting(true);
    try {
      await trpc.auth.changePassword.mutate({ currentPassword, password });
      form.reset();
      setPassword('');
      notify('Password changed; your other sessions were signed out', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    } catch (error) {
      const httpError = toHttpError(error);
      const fieldErrors: Record<string, string> = httpError.body?.errors ?? {};
      setErrors({
        form: fieldErrors.currentPassword || fieldErrors.password ? undefined : httpError.message,
        currentPassword: fieldErrors.currentPassword,
        password: fieldErrors.password,
      });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card component="section" aria-labelledby={`${fieldId}-heading`}>
      <CardContent>
        <form noValidate onSubmit={submit} aria-label="Change password">
          <Stack spacing={1} sx={{ maxWidth: 420 }}>
            <Typography variant="h6" component="h2" id={`${fieldId}-heading`}>
              Password
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Changing it signs out your other sessions; this browser stays signed in.
            </Typography>
            {errors.form && (
              <Alert severity="error" role="alert">
                {errors.form}
              </Alert>
            )}
            <TextField
              name="currentPassword"
              label="Current password"
              type="password"
              autoComplete="current-password"
              required
              error={Boolean(errors.currentPassword)}
              helperText={errors.currentPassword}
            />
            <NewPasswordFields
              password={password}
              strength={strength}
              errors={errors}
              confirmLabel="Confirm new password"
              onPasswordChange={(next) => {
                setPassword(next);
                setErrors((current) => ({ ...current, password: undefined }));
              }}
            />
            <Button
              type="submit"
              variant="contained"
              disabled={submitting}
              startIcon={submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
              sx={{ alignSelf: 'flex-start' }}
            >
              Change password
            </Button>
          </Stack>
        </form>
      </CardContent>
    </Card>
  );
}
