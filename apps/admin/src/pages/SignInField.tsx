import { FormControl, FormHelperText, InputLabel, OutlinedInput } from '@mui/material';
import { useId } from 'react';

type SignInFieldProps = {
  name: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  autoFocus?: boolean;
  /** The field's error, shown under it; none while it is fine. */
  error?: string;
};

/**
 * A required outlined text field, as MUI's <TextField> draws it (label, notch,
 * helper text tied to the input by aria-describedby). <TextField> also
 * imports MUI's select and the filled and standard inputs, which the sign-in
 * page never shows and would download (issue 16's first-load budget).
 */
export function SignInField({ name, label, type, autoComplete, autoFocus, error }: SignInFieldProps) {
  const id = useId();
  const helperId = `${id}-helper-text`;
  return (
    <FormControl required error={Boolean(error)} variant="outlined">
      <InputLabel htmlFor={id} id={`${id}-label`}>
        {label}
      </InputLabel>
      <OutlinedInput
        id={id}
        name={name}
        type={type}
        label={label}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-describedby={error ? helperId : undefined}
      />
      {error && <FormHelperText id={helperId}>{error}</FormHelperText>}
    </FormControl>
  );
}
