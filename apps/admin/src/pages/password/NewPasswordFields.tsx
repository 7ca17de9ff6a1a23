import type { PasswordStrength } from '@candor/schemas';
import { TextField } from '@mui/material';
import { useId } from 'react';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

/**
 * The new password with its live strength meter, and its confirmation: the
 * same fields wherever a staff member chooses a password (invitation or
 * reset link, changing it while signed in). The confirmation is read from
 * the form (`name="confirmation"`) when it is submitted.
 */
export function NewPasswordFields({
  password,
  strength,
  errors,
  disabled,
  autoFocus,
  confirmLabel = 'Confirm password',
  onPasswordChange,
}: {
  password: string;
  strength: PasswordStrength | undefined;
  errors: { password?: string; confirmation?: string };
  disabled?: boolean;
  autoFocus?: boolean;
  confirmLabel?: string;
  onPasswordChange(password: string): void;
}) {
  const fieldId = useId();
  const meterId = `${fieldId}-strength`;
  return (
    <>
      <TextField
        id={fieldId}
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        required
        disabled={disabled}
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        error={Boolean(errors.password)}
        helperText={errors.password}
        // The error (MUI's helper text id) and the meter's verdict both describe the field.
        slotProps={{ htmlInput: { 'aria-describedby': `${fieldId}-helper-text ${meterId}` } }}
      />
      <PasswordStrengthMeter strength={strength} id={meterId} />
      <TextField
        name="confirmation"
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        required
        disabled={disabled}
        error={Boolean(errors.confirmation)}
        helperText={errors.confirmation}
      />
    </>
  );
}
