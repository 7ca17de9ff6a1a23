import type { TDirectoryEntry } from '@candor/schemas';
import { Autocomplete, TextField } from '@mui/material';

type Props = {
  /** Everyone who may be picked (the team directory). */
  people: TDirectoryEntry[];
  loading: boolean;
  value: TDirectoryEntry[];
  onChange: (interviewers: TDirectoryEntry[]) => void;
  disabled: boolean;
  error: string | undefined;
  /** Said under the field while it has no error. */
  hint: string;
};

/** The interviewers of an interview: colleagues picked by name or email, each once. */
export function InterviewersField({ people, loading, value, onChange, disabled, error, hint }: Props) {
  return (
    <Autocomplete
      multiple
      options={people}
      loading={loading}
      value={value}
      onChange={(_event, picked) => onChange(picked)}
      getOptionLabel={(person) => `${person.name} (${person.email})`}
      isOptionEqualToValue={(option, picked) => option.id === picked.id}
      filterSelectedOptions
      disabled={disabled}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Interviewers"
          required
          error={Boolean(error)}
          helperText={error ?? hint}
        />
      )}
    />
  );
}

/** The server's message about the interviewers (about the list, or about its first id). */
export function interviewersErrorFrom(fields: Record<string, string>): string | undefined {
  return fields.interviewerIds ?? fields['interviewerIds.0'];
}
