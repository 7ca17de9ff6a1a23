import type { TJob } from '@candor/schemas';
import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useId } from 'react';

const RATING_LABELS = ['', 'Poor', 'Mixed', 'Good', 'Excellent'] as const;

export type Criterion = TJob['criteria'][number];

export function RatingInput({
  criterion,
  value,
  error,
  disabled,
  onChange,
}: {
  criterion: Criterion;
  value: number | undefined;
  error?: string;
  disabled: boolean;
  onChange: (rating: number) => void;
}) {
  const labelId = useId();
  return (
    <FormControl error={Boolean(error)} disabled={disabled} required>
      <FormLabel id={labelId}>{criterion.name}</FormLabel>
      {criterion.description && (
        <Typography variant="caption" color="text.secondary">
          {criterion.description}
        </Typography>
      )}
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={value === undefined ? '' : String(value)}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {[1, 2, 3, 4].map((rating) => (
          <FormControlLabel
            key={rating}
            value={String(rating)}
            control={<Radio size="small" />}
            label={`${rating} · ${RATING_LABELS[rating]}`}
          />
        ))}
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
