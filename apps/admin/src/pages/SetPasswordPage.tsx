import type { TSecondFactorChallenge } from '@candor/schemas';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-admin';
import { forgetMe, switchTenant } from '../providers/authProvider';
import { toHttpError } from '../providers/errors';
import { trpc } from '../trpc';
import { AuthCard } from './password/AuthCard';
import { NewPasswordForm } from './password/NewPasswordForm';
import { SecondFactorStep } from './SecondFactorStep';

const INVITATION_NOT_VALID = 'This link is not valid any more; ask for a new invitation.';

/**
 * Someone who already uses Candor accepts the invitation with their own
 * account: they sign in, the invitation is accepted as them, and the app
 * opens in the organisation they joined.
 */
function AcceptWithAccount({ token }: { token: string }) {
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const [challenge, setChallenge] = useState<TSecondFactorChallenge['secondFactor']>();

  const acceptAndOpen = async () => {
    const joined = await trpc.users.acceptInvitation.mutate({ token });
    await switchTenant(joined.tenantId);
    // A full load of the app's start (a URL without the fragment): changing only the fragment first let the
    // router react to the signed-out page it was on, which signed the new session out again before the reload.
    window.location.replace(`${window.location.origin}${window.location.pathname}`);
  };

  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onRestart={() => setChallenge(undefined)}
        complete={async (input) => {
          await trpc.auth.completeSignIn.mutate(input);
          await acceptAndOpen();
        }}
      />
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(undefined);
    try {
      forgetMe();
      const signedIn = await trpc.auth.signIn.mutate({
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
      });
      if ('secondFactor' in signedIn) {
        setChallenge(signedIn.secondFactor);
        setSubmitting(false);
        return;
      }
      await acceptAndOpen();
    } catch (caught) {
      const httpError = toHttpError(caught);
      setError(httpError.body?.errors?.token ? INVITATION_NOT_VALID : httpError.message);
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
  const [done, setDone] = useState(false);

  return (
    <AuthCard icon={<LockResetIcon />} title="Choose your password">
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
          <NewPasswordForm
            token={token}
            title="Choose your password"
            submitLabel="Set password"
            linkNotValid={INVITATION_NOT_VALID}
            onDone={() => setDone(true)}
          />
          <AcceptWithAccount token={token} />
        </>
      )}
    </AuthCard>
  );
}
