import type { TSecondFactorKind } from '@candor/schemas';
import { Chip, Stack, Typography } from '@mui/material';

const LABELS: Record<TSecondFactorKind, string> = { totp: 'Authenticator app', passkey: 'Passkey' };

/** A member's second factors as chips ("Authenticator app", "2 passkeys"), or a quiet "None". */
export function SecondFactorChips({
  factors,
  passkeys,
}: {
  factors: readonly TSecondFactorKind[];
  passkeys?: number;
}) {
  if (factors.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        None
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={0.5} component="span">
      {factors.map((kind) => (
        <Chip
          key={kind}
          size="small"
          color="success"
          variant="outlined"
          label={kind === 'passkey' && passkeys && passkeys > 1 ? `${passkeys} passkeys` : LABELS[kind]}
        />
      ))}
    </Stack>
  );
}
