import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Chip, Stack, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';

type Props = {
  departments: readonly string[];
  onChange: (departments: string[]) => void;
  error?: string;
  disabled: boolean;
};

/** The departments a job can belong to. Removing one does not change jobs already in it. */
export function DepartmentsEditor({ departments, onChange, error, disabled }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (!name) return;
    if (departments.some((d) => d.toLowerCase() === name.toLowerCase())) {
      setProblem(`"${name}" is already a department`);
      return;
    }
    setProblem(undefined);
    onChange([...departments, name]);
    setDraft('');
  };
  return (
    <Stack spacing={1.5}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap' }}
        component="ul"
        aria-label="Departments"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {departments.map((department) => (
          <li key={department}>
            <Chip
              label={department}
              onDelete={disabled ? undefined : () => onChange(departments.filter((d) => d !== department))}
              // The delete icon is no button of its own; the chip says what Delete/Backspace does.
              aria-label={disabled ? department : `${department}, press Delete to remove`}
            />
          </li>
        ))}
        {departments.length === 0 && <li>No departments yet: add at least one so jobs can be created.</li>}
      </Stack>
      {/* Not a <form>: it sits inside the settings form; Enter adds the department. */}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label="New department"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add(event);
          }}
          error={Boolean(problem)}
          helperText={problem}
          disabled={disabled}
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <Button
          startIcon={<AddIcon />}
          onClick={add}
          disabled={disabled || draft.trim() === ''}
          sx={{ flexShrink: 0, mt: 0.5 }}
        >
          Add department
        </Button>
      </Box>
    </Stack>
  );
}
