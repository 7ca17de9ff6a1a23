import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';
import { useId } from 'react';
import type { DialogField } from './dialogField';

/** A dialog field with several choices to tick; its value is the ticked ids, joined by commas. */
export function CheckboxGroup({
  field,
  value,
  error,
  disabled,
  onChange,
}: {
  field: DialogField;
  value: string;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const labelId = useId();
  const ticked = new Set(value ? value.split(',') : []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    // Kept in the choices' order, so the value does not depend on the order of clicks.
    onChange(
      (field.choices ?? [])
        .filter((c) => next.has(c.id))
        .map((c) => c.id)
        .join(','),
    );
  };
  return (
    <FormControl component="fieldset" error={Boolean(error)} required={field.required} disabled={disabled}>
      <FormLabel component="legend" id={labelId}>
        {field.label}
      </FormLabel>
      <FormGroup aria-labelledby={labelId} sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' } }}>
        {field.choices?.map((choice) => (
          <FormControlLabel
            key={choice.id}
            control={
              <Checkbox
                size="small"
                checked={ticked.has(choice.id)}
                onChange={(e) => toggle(choice.id, e.target.checked)}
              />
            }
            label={choice.name}
          />
        ))}
      </FormGroup>
      <FormHelperText>{error ?? field.helperText}</FormHelperText>
    </FormControl>
  );
}
