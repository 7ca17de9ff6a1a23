import type { TTotpEnrolment } from '@candor/schemas';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNotify } from 'react-admin';
import { forgetMe } from '../../providers/authProvider';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { PASSKEYS_KEY } from './PasskeysSection';

const STATUS_KEY = ['twoFactor', 'status'] as const;

/** A code field and its button; reports the API's field error under the field. */
function CodeForm({
  label,
  action,
  onCode,
}: {
  label: string;
  action: string;
  onCode(code: string): Promise<void>;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(undefined);
    try {
      await onCode(String(new FormData(form).get('code') ?? ''));
    } catch (caught) {
      const httpError = toHttpError(caught);
      setError(httpError.body?.errors?.code ?? httpError.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          name="code"
          label={label}
          size="small"
          autoComplete="one-time-code"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          error={Boolean(error)}
          helperText={error}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={busy}
          sx={{ whiteSpace: 'nowrap', flexShrink: 0, mt: 0.25 }}
        >
          {action}
        </Button>
      </Stack>
    </form>
  );
}

function Enrolment({ enrolment, onDone }: { enrolment: TTotpEnrolment; onDone(codes: string[]): void }) {
  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        Scan this QR code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator
        ...), then enter the 6-digit code it shows.
      </Typography>
      <Box
        component="img"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt="QR code to add Candor to an authenticator app"
        sx={{ width: 200, height: 200 }}
      />
      <Typography variant="body2">
        Cannot scan? Enter this key in the app:{' '}
        <Box component="code" data-testid="totp-secret" sx={{ fontSize: '1rem', letterSpacing: 1 }}>
          {enrolment.secret}
        </Box>
      </Typography>
      <CodeForm
        label="Code from your app"
        action="Turn on"
        onCode={async (code) => onDone((await trpc.twoFactor.confirmTotp.mutate({ code })).recoveryCodes)}
      />
    </Stack>
  );
}

function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved(): void }) {
  return (
    <Stack spacing={2}>
      <Alert severity="success">Two-factor authentication is on. Your other sessions were signed out.</Alert>
      <Typography variant="body2">
        Save these recovery codes somewhere safe. Each signs you in once if you lose your phone. They are
        shown only now.
      </Typography>
      <Box component="ul" data-testid="recovery-codes" sx={{ fontFamily: 'monospace', columns: 2, m: 0 }}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Box>
        <Button variant="outlined" onClick={onSaved}>
          I have saved them
        </Button>
      </Box>
    </Stack>
  );
}

/**
 * "Two-factor authentication" on the Account page: set up an authenticator
 * app (QR code or key, confirmed with a code), see the recovery codes once,
 * turn it off with a fresh code.
 */
export function TwoFactor({ onEnrolled }: { onEnrolled?(): void } = {}) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => trpc.twoFactor.status.query() });
  // Shared with the Passkeys section (same key): a password is not alone once a passkey exists.
  const passkeys = useQuery({ queryKey: PASSKEYS_KEY, queryFn: () => trpc.passkeys.list.query() });
  const [enrolment, setEnrolment] = useState<TTotpEnrolment>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: STATUS_KEY });

  const start = async () => {
    try {
      setEnrolment(await trpc.twoFactor.startTotp.mutate());
    } catch (error) {
      notify(toHttpError(error).message, { type: 'error' });
    }
  };

  let body: ReactNode;
  if (recoveryCodes) {
    body = (
      <RecoveryCodes
        codes={recoveryCodes}
        onSaved={() => {
          setRecoveryCodes(undefined);
          onEnrolled?.();
        }}
      />
    );
  } else if (enrolment) {
    body = (
      <Enrolment
        enrolment={enrolment}
        onDone={(codes) => {
          // The session was renewed (every other one ended): read who we are afresh.
          forgetMe();
          setEnrolment(undefined);
          setRecoveryCodes(codes);
          void refresh();
        }}
      />
    );
  } else if (status.data?.totp) {
    body = (
      <Stack spacing={2}>
        <Typography variant="body2">
          On: signing in asks for a code from your authenticator app. {status.data.recoveryCodesLeft} recovery
          codes left.
        </Typography>
        <CodeForm
          label="Current code"
          action="Turn off"
          onCode={async (code) => {
            await trpc.twoFactor.disableTotp.mutate({ code });
            notify('Two-factor authentication is off', { type: 'info' });
            await refresh();
          }}
        />
      </Stack>
    );
  } else if (status.data) {
    body = (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="body2">
          {passkeys.data?.length
            ? 'Off: after your password, signing in asks for one of your passkeys.'
            : 'Off: your password alone signs you in.'}
        </Typography>
        <Button variant="contained" onClick={start}>
          Set up two-factor authentication
        </Button>
      </Stack>
    );
  } else if (status.error) {
    body = <Alert severity="error">{toHttpError(status.error).message}</Alert>;
  }

  return (
    <Card component="section" aria-labelledby="two-factor-heading">
      <CardContent>
        <Typography id="two-factor-heading" variant="h6" component="h2" gutterBottom>
          Two-factor authentication
        </Typography>
        {body}
      </CardContent>
    </Card>
  );
}
