import { ZPassword } from '@candor/schemas';
import LockResetIcon from '@mui/icons-material/LockReset';
import {
  Alert,
  Avatar,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-admin';
import { forgetMe, switchTenant } from '../providers/authProvider';
import { toHttpError } from '../providers/errors';
import { trpc } from '../trpc';

type PasswordErrors = { form?: string; password?: string; confirmation?: string };

function checkPasswords(password: string, confirmation: string): PasswordErrors {
  const errors: PasswordErrors = {};
  const result = ZPassword.safeParse(password);
  if (!result.success) errors.password = result.error.issues.map((issue) => issue.message).join(' ');
  if (confirmation !== password) errors.confirmation = 'The two passwords differ';
  return errors;
}

/**
 * Someone who already uses Candor accepts the invitation with their own
 * account: they sign in, the invitation is accepted as them, and the app
 * opens in the organisation they joined.
 */
function AcceptWithAccount({ token }: { token: string }) {
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(undefined);
    try {
      forgetMe();
      await trpc.auth.signIn.mutate({
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
      });
      const joined = await trpc.users.acceptInvitation.mutate({ token });
      await switchTenant(joined.tenantId);
      // A full load of the app's start (a URL without the fragment): changing only the fragment first let the
      // router react to the signed-out page it was on, which signed the new session out again before the reload.
      window.location.replace(`${window.location.origin}${window.location.pathname}`);
    } catch (caught) {
      const httpError = toHttpError(caught);
      setError(
        httpError.body?.errors?.token
          ? 'This link is not valid any more; ask for a new invitation.'
          : httpError.message,
      );
      setSubmitting(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Accept with your Candor account">
      <Stack spacing={1}>
        <Typography variant="h6" component="h2">
          Already use Candor?
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Sign in with your account to accept the invitation.
        </Typography>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <TextField name="email" label="Email" type="email" autoComplete="username" required />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
        >
          Sign in and accept
        </Button>
      </Stack>
    </form>
  );
}

/**
 * Where the invitation email lands: `#/set-password?token=...`. Someone new
 * chooses a password (which accepts the invitation); someone who already uses
 * Candor signs in to accept. The same page for both, as the email is the same.
 * Rendered without layout and without a session.
 */
export function SetPasswordPage() {
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    const clientErrors = checkPasswords(password, String(data.get('confirmation') ?? ''));
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;
    setSubmitting(true);
    try {
      await trpc.auth.setPassword.mutate({ token, password });
      setDone(true);
    } catch (error) {
      const httpError = toHttpError(error);
      const fieldErrors: Record<string, string> = httpError.body?.errors ?? {};
      // A bad token is the link's fault, not a field the user can fix.
      const tokenProblem = fieldErrors.token
        ? 'This link is not valid any more; ask for a new invitation.'
        : undefined;
      setErrors({ form: tokenProblem ?? httpError.message, password: fieldErrors.password });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent>
          <Stack spacing={2} sx={{ alignItems: 'stretch' }}>
            <Avatar sx={{ alignSelf: 'center', bgcolor: 'primary.main' }}>
              <LockResetIcon />
            </Avatar>
            <Typography variant="h5" component="h1" align="center">
              Choose your password
            </Typography>
            {done ? (
              <Alert severity="success" role="status">
                Password set — <Link to="/login">sign in</Link>
              </Alert>
            ) : !token ? (
              <Alert severity="error" role="alert">
                This link is incomplete; open it again from your invitation email.
              </Alert>
            ) : (
              <>
                <form noValidate onSubmit={submit} aria-label="Choose your password">
                  <Stack spacing={1}>
                    {errors.form && (
                      <Alert severity="error" role="alert">
                        {errors.form}
                      </Alert>
                    )}
                    <Typography variant="body2" color="text.secondary">
                      Use at least 12 characters. A few unrelated words make a strong password that is easy to
                      remember.
                    </Typography>
                    <TextField
                      name="password"
                      label="New password"
                      type="password"
                      autoComplete="new-password"
                      autoFocus
                      required
                      error={Boolean(errors.password)}
                      helperText={errors.password}
                    />
                    <TextField
                      name="confirmation"
                      label="Confirm password"
                      type="password"
                      autoComplete="new-password"
                      required
                      error={Boolean(errors.confirmation)}
                      helperText={errors.confirmation}
                    />
                    <Button
                      type="submit"
                      variant="contained"
                      disabled={submitting}
                      startIcon={
                        submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined
                      }
                    >
                      Set password
                    </Button>
                  </Stack>
                </form>
                <AcceptWithAccount token={token} />
              </>
            )}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
