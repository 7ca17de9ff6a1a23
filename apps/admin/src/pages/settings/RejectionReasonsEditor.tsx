import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, IconButton, Stack, TextField } from '@mui/material';
import { ReorderButtons } from '../../components/ReorderButtons';
import { newRowKey, reasonIdFor, removeItem, replaceItem } from '../../lib/listEditing';

/** A reason as edited; the id of a new one is derived from its label when saved. */
export type EditableReason = { key: string; id?: string; label: string };

type Props = {
  reasons: readonly EditableReason[];
  onChange: (reasons: EditableReason[]) => void;
  error?: string;
  fieldError: (path: string) => string | undefined;
  disabled: boolean;
};

/** Gives new reasons ids, unique and stable: existing ids never change (reports group by them). */
export function withReasonIds(reasons: readonly EditableReason[]): Array<{ id: string; label: string }> {
  const taken = new Set(reasons.flatMap((reason) => (reason.id ? [reason.id] : [])));
  return reasons.map((reason) => {
    if (reason.id) return { id: reason.id, label: reason.label };
    const id = reasonIdFor(reason.label, taken);
    taken.add(id);
    return { id, label: reason.label };
  });
}

export function RejectionReasonsEditor({ reasons, onChange, error, fieldError, disabled }: Props) {
  return (
    <Stack spacing={1.5}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
        {reasons.map((reason, index) => {
          const name = reason.label.trim() || `reason ${index + 1}`;
          return (
            <Box component="li" key={reason.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
              <TextField
                size="small"
                label={`Reason ${index + 1}`}
                value={reason.label}
                onChange={(event) =>
                  onChange(replaceItem(reasons, index, { ...reason, label: event.target.value }))
                }
                error={Boolean(fieldError(`${index}.label`) ?? fieldError(`${index}.id`))}
                helperText={fieldError(`${index}.label`) ?? fieldError(`${index}.id`)}
                disabled={disabled}
                sx={{ flex: 1, maxWidth: 480 }}
              />
              <ReorderButtons
                name={name}
                items={reasons}
                index={index}
                disabled={disabled}
                onChange={onChange}
              />
              <IconButton
                aria-label={`Remove ${name}`}
                disabled={disabled || reasons.length <= 1}
                onClick={() => onChange(removeItem(reasons, index))}
              >
                <DeleteOutlinedIcon fontSize="small" />
              </IconButton>
            </Box>
          );
        })}
      </Box>
      <Box>
        <Button
          startIcon={<AddIcon />}
          disabled={disabled || reasons.length >= 50}
          onClick={() => onChange([...reasons, { key: newRowKey(), label: '' }])}
        >
          Add reason
        </Button>
      </Box>
    </Stack>
  );
}
