import { brandContrast, NEAR_BLACK, WHITE } from '@candor/schemas';
import { Alert, Box, FormHelperText, Stack, TextField } from '@mui/material';
import { type ChangeEvent, useId } from 'react';
import { HEX_COLOR, ratioLabel } from './contrast';

export function ColourField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled: boolean;
}) {
  const pickerId = useId();
  const valid = HEX_COLOR.test(value);
  const contrast = valid ? brandContrast(value) : null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box
          component="input"
          id={pickerId}
          type="color"
          aria-label="Pick the primary colour"
          // The picker only takes #rrggbb; while the text is being typed it keeps the last valid colour.
          value={valid ? value.toLowerCase() : '#000000'}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          disabled={disabled}
          sx={{
            width: 56,
            height: 56,
            p: 0.5,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'background.paper',
            cursor: 'pointer',
          }}
        />
        <TextField
          label="Primary colour"
          value={value}
          onChange={(event) => onChange(event.target.value.trim())}
          error={Boolean(error) || (!valid && value !== '')}
          helperText={error ?? (valid ? 'Hex, like #1f6feb' : 'Use a colour like #1f6feb')}
          disabled={disabled}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { maxLength: 7, spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
      </Stack>
      {contrast &&
        (contrast.poor ? (
          <Alert severity="warning" role="status">
            Text is hard to read on this colour: {ratioLabel(contrast.withWhite)} with white text and{' '}
            {ratioLabel(contrast.withNearBlack)} with near-black text. Pick a darker or lighter shade so one
            of them reaches 4.5:1.
          </Alert>
        ) : (
          <FormHelperText role="status">
            The careers header uses {contrast.text === WHITE ? 'white' : 'near-black'} text on this colour
            (contrast {ratioLabel(contrast.text === NEAR_BLACK ? contrast.withNearBlack : contrast.withWhite)}
            ).
          </FormHelperText>
        ))}
    </Stack>
  );
}
