import { ZEmail } from '@candor/schemas';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';

/**
 * The work address single sign-on starts from, checked as the API checks it.
 * Its own module, loaded when someone chooses single sign-on: it needs the
 * schemas, and with them Zod, which the sign-in page must not download up
 * front (issue 16's first-load budget).
 */
export function SingleSignOnEmailForm({ onEmail }: { onEmail: (email: string) => void }) {
  const [emailError, setEmailError] = useState<string>();

  const submitEmail = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZEmail.safeParse(new FormData(event.currentTarget).get('sso-email') ?? '');
    if (!parsed.success)
      return setEmailError(parsed.error.issues[0]?.message ?? 'Enter your work email address');
    onEmail(parsed.data);
  };

  return (
    <form noValidate onSubmit={submitEmail} aria-label="Sign in with single sign-on">
      <Stack spacing={1}>
        <Typography variant="body2" color="text.secondary">
          Enter your work email: Candor sends you to your organisation’s sign-in.
        </Typography>
        <TextField
          name="sso-email"
          label="Work email"
          type="email"
          autoComplete="username"
          autoFocus
          error={Boolean(emailError)}
          helperText={emailError}
          onChange={() => setEmailError(undefined)}
        />
        <Button type="submit" variant="outlined">
          Continue
        </Button>
      </Stack>
    </form>
  );
}
