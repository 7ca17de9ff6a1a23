import type { TSecondFactorChallenge } from '@candor/schemas';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, Button, CardContent, CircularProgress, Divider, Stack, Typography } from '@mui/material';
import { type FormEvent, Suspense, useState } from 'react';
import { Link, useLogin } from 'react-admin';
import { lazyView } from '../lazyView';
import { signWithPasskey } from '../passkeys/ceremony';
import { SecondFactorNeeded } from '../providers/authProvider';
import { toHttpError } from '../providers/errors';
import { trpc } from '../trpc';
import { SignInField } from './SignInField';
import { SignInFrame } from './SignInFrame';
import { SingleSignOnButton } from './SingleSignOnButton';

// Only accounts with a second factor see this step, after their password: it loads then (issue 16).
const SecondFactorStep = lazyView(() => import('./SecondFactorStep'), 'SecondFactorStep');

type LoginErrors = { form?: string; email?: string; password?: string };

function fieldsOf(form: HTMLFormElement): { email: string; password: string } {
  const data = new FormData(form);
  return { email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') };
}

function missingFields({ email, password }: { email: string; password: string }): LoginErrors {
  const errors: LoginErrors = {};
  if (!email) errors.email = 'Enter your email address';
  if (!password) errors.password = 'Enter your password';
  return errors;
}

/**
 * Email and password sign-in. react-admin's default form asks for a
 * "username" and only shows errors as a toast; this one labels fields the way
 * password managers expect and keeps errors next to where they belong.
 * Each way of signing in is one block of the card's Stack, so others (a
 * second factor, a passkey, an identity provider) can be added beside it.
 * Candor's own look (SignInFrame): its mark and name on a light teal ground
 * rather than react-admin's lock on navy.
 */
export function LoginPage() {
  const login = useLogin();
  const [errors, setErrors] = useState<LoginErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [challenge, setChallenge] = useState<TSecondFactorChallenge['secondFactor']>();
  const [passkeyBusy, setPasskeyBusy] = useState(false);

  /** No email, no password: the browser offers the passkeys it has for Candor, and the chosen one says who. */
  const signInWithPasskey = async () => {
    setErrors({});
    setPasskeyBusy(true);
    try {
      await login({ passkey: await signWithPasskey(await trpc.auth.passkeySignInOptions.mutate()) });
    } catch (error) {
      setErrors({ form: toHttpError(error).message });
      setPasskeyBusy(false);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const credentials = fieldsOf(event.currentTarget);
    const missing = missingFields(credentials);
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setSubmitting(true);
    try {
      await login(credentials);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof SecondFactorNeeded) return setChallenge(error.challenge);
      const httpError = toHttpError(error);
      const fieldErrors: Record<string, string> = httpError.body?.errors ?? {};
      setErrors({ form: httpError.message, email: fieldErrors.email, password: fieldErrors.password });
      setSubmitting(false);
    }
  };

  return (
    <SignInFrame>
      {challenge ? (
        <Suspense
          fallback={
            <CardContent>
              <CircularProgress aria-label="Loading the second step" />
            </CardContent>
          }
        >
          <SecondFactorStep challenge={challenge} onRestart={() => setChallenge(undefined)} />
        </Suspense>
      ) : (
        <form noValidate onSubmit={submit} aria-label="Sign in">
          <CardContent>
            <Stack spacing={1}>
              <Typography variant="h5" component="h1" align="center">
                Candor
              </Typography>
              <Typography variant="body2" align="center" color="text.secondary" sx={{ pb: 1 }}>
                Sign in to your hiring backoffice
              </Typography>
              {errors.form && (
                <Alert severity="error" role="alert">
                  {errors.form}
                </Alert>
              )}
              <SignInField
                name="email"
                label="Email"
                type="email"
                autoComplete="username"
                autoFocus
                error={errors.email}
              />
              <SignInField
                name="password"
                label="Password"
                type="password"
                autoComplete="current-password"
                error={errors.password}
              />
              <Button
                type="submit"
                variant="contained"
                disabled={submitting}
                startIcon={
                  submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined
                }
              >
                Sign in
              </Button>
              <Typography variant="body2" align="center">
                <Link to="/forgot-password">Forgot password?</Link>
              </Typography>
              <Divider>or</Divider>
              <Button
                variant="outlined"
                onClick={signInWithPasskey}
                disabled={passkeyBusy}
                startIcon={
                  passkeyBusy ? (
                    <CircularProgress size={18} color="inherit" aria-hidden />
                  ) : (
                    <KeyIcon aria-hidden />
                  )
                }
              >
                Sign in with a passkey
              </Button>
            </Stack>
          </CardContent>
        </form>
      )}
      {!challenge && <SingleSignOnButton />}
    </SignInFrame>
  );
}
