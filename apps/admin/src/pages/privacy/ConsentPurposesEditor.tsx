import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  FormHelperText,
  IconButton,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { ReorderButtons } from '../../components/ReorderButtons';
import { newRowKey, removeItem, replaceItem } from '../../lib/listEditing';

/** A purpose as edited. `saved` purposes keep their key: consent records refer to it. */
export type EditablePurpose = {
  rowKey: string;
  saved: boolean;
  key: string;
  label: string;
  description: string;
  marketing: boolean;
  enabled: boolean;
};

export const MAX_PURPOSES = 10;

export function newPurpose(): EditablePurpose {
  return {
    rowKey: newRowKey(),
    saved: false,
    key: '',
    label: '',
    description: '',
    marketing: false,
    enabled: true,
  };
}

type Props = {
  purposes: readonly EditablePurpose[];
  onChange: (purposes: EditablePurpose[]) => void;
  /** An error about the list as a whole. */
  error?: string;
  /** The server's message for `<index>.<field>`. */
  fieldError: (path: string) => string | undefined;
  disabled: boolean;
};

/** The optional consents the apply form asks for, in the order it shows them. */
export function ConsentPurposesEditor({ purposes, onChange, error, fieldError, disabled }: Props) {
  const update = (index: number, patch: Partial<EditablePurpose>) => {
    const current = purposes[index];
    if (current) onChange(replaceItem(purposes, index, { ...current, ...patch }));
  };
  return (
    <Stack spacing={1.5}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {purposes.length === 0 && (
        <Typography color="text.secondary">
          No consent purposes: the apply form asks for no optional consent.
        </Typography>
      )}
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
        {purposes.map((purpose, index) => {
          const name = purpose.label.trim() || purpose.key || `purpose ${index + 1}`;
          const headingId = `purpose-${purpose.rowKey}`;
          return (
            <Paper
              component="li"
              key={purpose.rowKey}
              variant="outlined"
              aria-labelledby={headingId}
              sx={{ p: 2 }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
                <Typography id={headingId} variant="subtitle2" component="h4" sx={{ flex: 1 }}>
                  Purpose {index + 1}
                  {purpose.enabled ? '' : ' (not shown)'}
                </Typography>
                <ReorderButtons
                  name={name}
                  items={purposes}
                  index={index}
                  disabled={disabled}
                  onChange={onChange}
                />
                <IconButton
                  aria-label={`Remove ${name}`}
                  disabled={disabled}
                  onClick={() => onChange(removeItem(purposes, index))}
                >
                  <DeleteOutlinedIcon fontSize="small" />
                </IconButton>
              </Stack>
              <Stack spacing={2}>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                  <TextField
                    size="small"
                    label="Key"
                    value={purpose.key}
                    onChange={(event) => update(index, { key: event.target.value })}
                    error={Boolean(fieldError(`${index}.key`))}
                    helperText={
                      fieldError(`${index}.key`) ??
                      (purpose.saved
                        ? 'Fixed once saved: consent records refer to it.'
                        : 'Lowercase letters, digits and _, like talent_pool.')
                    }
                    disabled={disabled}
                    sx={{ width: { md: 240 } }}
                    slotProps={{
                      // Read-only rather than disabled: it stays readable and focusable.
                      htmlInput: {
                        maxLength: 40,
                        spellCheck: false,
                        readOnly: purpose.saved,
                        style: { fontFamily: 'monospace' },
                      },
                    }}
                  />
                  <TextField
                    size="small"
                    label="Label"
                    value={purpose.label}
                    onChange={(event) => update(index, { label: event.target.value })}
                    error={Boolean(fieldError(`${index}.label`))}
                    helperText={
                      fieldError(`${index}.label`) ?? 'What the applicant agrees to, next to the checkbox.'
                    }
                    disabled={disabled}
                    sx={{ flex: 1 }}
                    slotProps={{ htmlInput: { maxLength: 160 } }}
                  />
                </Stack>
                <TextField
                  size="small"
                  label="Description (optional)"
                  multiline
                  minRows={1}
                  value={purpose.description}
                  onChange={(event) => update(index, { description: event.target.value })}
                  error={Boolean(fieldError(`${index}.description`))}
                  helperText={
                    fieldError(`${index}.description`) ??
                    'Details shown under the label: how long, how often.'
                  }
                  disabled={disabled}
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                />
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0, md: 3 }}>
                  <div>
                    <FormControlLabel
                      control={
                        <Switch
                          checked={purpose.marketing}
                          onChange={(event) => update(index, { marketing: event.target.checked })}
                          disabled={disabled}
                        />
                      }
                      label="Marketing-type (declined under Global Privacy Control)"
                    />
                    <FormHelperText sx={{ mt: 0 }}>
                      A browser sending the GPC signal declines this purpose, whatever the box says.
                    </FormHelperText>
                  </div>
                  <div>
                    <FormControlLabel
                      control={
                        <Switch
                          checked={purpose.enabled}
                          onChange={(event) => update(index, { enabled: event.target.checked })}
                          disabled={disabled}
                        />
                      }
                      label="Enabled"
                    />
                    <FormHelperText sx={{ mt: 0 }}>Shown on the apply form.</FormHelperText>
                  </div>
                </Stack>
              </Stack>
            </Paper>
          );
        })}
      </Box>
      <Box>
        <Button
          startIcon={<AddIcon />}
          disabled={disabled || purposes.length >= MAX_PURPOSES}
          onClick={() => onChange([...purposes, newPurpose()])}
        >
          Add purpose
        </Button>
        {purposes.length >= MAX_PURPOSES && (
          <FormHelperText>
            At most {MAX_PURPOSES} purposes: fewer boxes are easier to decide on.
          </FormHelperText>
        )}
      </Box>
    </Stack>
  );
}
