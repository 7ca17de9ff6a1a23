import { Box, FormControlLabel, FormHelperText, Switch } from '@mui/material';
import { NumberInput, SelectInput, TextInput, useInput } from 'react-admin';
import { SALARY_PERIOD_CHOICES } from '../../lib/labels';
import { useHiringSettings } from '../../providers/useHiringSettings';

/**
 * An optional salary range behind a switch (`salaryStated`, which
 * toJobInput turns into `salary: null` when off). With pay transparency on,
 * the API refuses to open a job without one; the hint says so beforehand.
 */
export function SalaryInput() {
  const { field: stated } = useInput({ source: 'salaryStated', defaultValue: false });
  // Only read: the API reports "required with pay transparency" on `salary` itself.
  const { fieldState: salaryState } = useInput({ source: 'salary' });
  const { data: settings } = useHiringSettings();
  const message = salaryState.error?.message;
  return (
    <Box sx={{ width: '100%' }}>
      <FormControlLabel
        control={
          <Switch
            checked={stated.value === true}
            onChange={(event) => stated.onChange(event.target.checked)}
            onBlur={stated.onBlur}
          />
        }
        label="State a salary range"
      />
      <FormHelperText error={Boolean(message)} sx={{ mt: 0 }}>
        {message ??
          (settings?.payTransparency
            ? 'Your organisation publishes salary ranges: a job needs one before it opens.'
            : 'Shown on the careers site when stated.')}
      </FormHelperText>
      {stated.value === true && (
        <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', mt: 1 }}>
          <NumberInput
            source="salary.min"
            label="Minimum"
            min={0}
            step={1000}
            isRequired
            fullWidth={false}
            sx={{ width: 160 }}
          />
          <NumberInput
            source="salary.max"
            label="Maximum"
            min={0}
            step={1000}
            isRequired
            fullWidth={false}
            sx={{ width: 160 }}
          />
          <TextInput
            source="salary.currency"
            label="Currency"
            defaultValue="EUR"
            isRequired
            helperText="Three letters, e.g. EUR"
            parse={(value: string) => value.toUpperCase()}
            fullWidth={false}
            sx={{ width: 180 }}
          />
          <SelectInput
            source="salary.period"
            label="Period"
            defaultValue="year"
            choices={SALARY_PERIOD_CHOICES}
            isRequired
            fullWidth={false}
            sx={{ width: 160 }}
          />
        </Box>
      )}
    </Box>
  );
}
