import type { TCompleteSignInInput, TSecondFactorChallenge, TSecondFactorMethod } from '@candor/schemas';
import { Alert, Button, CardContent, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useLogin } from 'react-admin';
import { signWithPasskey } from '../passkeys/ceremony';
import { toHttpError } from '../providers/errors';
import { trpc } from '../trpc';

const METHOD_TEXT: Record<TSecondFactorMethod, { label: string; hint: string; switchTo: string }> = {
  passkey: {
    label: 'Passkey',
    hint: 'Confirm it is you with one of your passkeys.',
    switchTo: 'Use a passkey instead',
  },
  totp: {
    label: 'Code from your authenticator app',
    hint: 'Open your authenticator app and enter the 6-digit code for Candor.',
    switchTo: 'Use your authenticator app instead',
  },
  recovery_code: {
    label: 'Recovery code',
    hint: 'Enter one of the recovery codes you saved when you set up two-factor authentication. Each works once.',
    switchTo: 'Use a recovery code instead',
  },
};

/**
 * The second step of signing in, after a right password: one of the
 * methods the API offered (a passkey, an authenticator code, a recovery code). `onRestart` goes back to the password when the step expired;
 * `complete` replaces the default (sign in to the app) where signing in is
 * one step of something else, such as accepting an invitation.
 */
export function SecondFactorStep({
  challenge,
  onRestart,
  complete,
}: {
  challenge: TSecondFactorChallenge['secondFactor'];
  onRestart(): void;
  complete?(input: TCompleteSignInInput): Promise<void>;
}) {
  const login = useLogin();
  const [method, setMethod] = useState<TSecondFactorMethod>(challenge.methods[0] ?? 'totp');
  const [error, setError] = useState<{ form?: string; code?: string }>({});
  const [submitting, setSubmitting] = useState(false);
  const others = challenge.methods.filter((m) => m !== method);

  const finish = async (input: TCompleteSignInInput) => {
    setSubmitting(true);
    try {
      await (complete ? complete(input) : login({ secondFactor: input }));
    } catch (caught) {
      const httpError = toHttpError(caught);
      setError(
        httpError.body?.errors?.code ? { code: httpError.body.errors.code } : { form: httpError.message },
      );
      setSubmitting(false);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (method === 'passkey') return answerWithPasskey();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    if (method === 'totp' || method === 'recovery_code')
      await finish({ method, token: challenge.token, code });
  };

  /** Options bound to this pending sign-in, the browser's passkey prompt, then the same completion as a code. */
  const answerWithPasskey = async () => {
    setError({});
    setSubmitting(true);
    let response: Awaited<ReturnType<typeof signWithPasskey>>;
    try {
      response = await signWithPasskey(
        await trpc.auth.passkeySecondFactorOptions.mutate({ token: challenge.token }),
      );
    } catch (caught) {
      setError({ form: toHttpError(caught).message });
      setSubmitting(false);
      return;
    }
    await finish({ method: 'passkey', token: challenge.token, response });
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Second step of signing in">
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="h5" component="h1" align="center">
            Two-factor authentication
          </Typography>
          <Typography variant="body2" align="center" color="text.secondary" sx={{ pb: 1 }}>
            {METHOD_TEXT[method].hint}
          </Typography>
          {error.form && (
            <Alert severity="error" role="alert">
              {error.form}
            </Alert>
          )}
          {method === 'passkey' ? (
            <Button type="submit" variant="contained" disabled={submitting} autoFocus>
              Use your passkey
            </Button>
          ) : (
            <>
              <TextField
                key={method}
                name="code"
                label={METHOD_TEXT[method].label}
                autoComplete="one-time-code"
                autoFocus
                required
                slotProps={{ htmlInput: method === 'totp' ? { inputMode: 'numeric' } : {} }}
                error={Boolean(error.code)}
                helperText={error.code}
              />
              <Button type="submit" variant="contained" disabled={submitting}>
                Verify
              </Button>
            </>
          )}
          {others.map((other) => (
            <Button
              key={other}
              size="small"
              onClick={() => {
                setMethod(other);
                setError({});
              }}
            >
              {METHOD_TEXT[other].switchTo}
            </Button>
          ))}
          <Button size="small" onClick={onRestart}>
            Start again
          </Button>
        </Stack>
      </CardContent>
    </form>
  );
}
