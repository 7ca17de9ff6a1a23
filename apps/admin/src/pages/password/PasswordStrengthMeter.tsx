import type { PasswordScore, PasswordStrength } from '@candor/schemas';
import { Box, LinearProgress, Typography } from '@mui/material';

const LABELS: Record<PasswordScore, string> = {
  0: 'Very easy to guess',
  1: 'Easy to guess',
  2: 'Still guessable',
  3: 'Strong',
  4: 'Very strong',
};

/** A bar and a sentence; the sentence is announced to screen readers as it changes. */
export function PasswordStrengthMeter({
  strength,
  id,
}: {
  strength: PasswordStrength | undefined;
  id: string;
}) {
  const score = strength?.score ?? 0;
  const label = strength ? LABELS[score] : 'Type a password to see how strong it is';
  const color = !strength ? 'inherit' : strength.acceptable ? 'success' : score === 2 ? 'warning' : 'error';
  return (
    <Box>
      <LinearProgress
        variant="determinate"
        value={strength ? (score + 1) * 20 : 0}
        color={color}
        aria-label="Strength of the new password"
        aria-valuetext={label}
      />
      <Typography
        id={id}
        variant="caption"
        color="text.secondary"
        aria-live="polite"
        component="p"
        sx={{ mt: 0.5 }}
      >
        Strength: {label}
        {strength?.warning ? ` — ${strength.warning}` : ''}
      </Typography>
    </Box>
  );
}
