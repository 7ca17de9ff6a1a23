import { DEFAULT_STAGE_TARGET_DAYS, STAGE_KIND_LABELS, STAGE_KINDS, type TStageKind } from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { newRowKey, removeItem, replaceItem } from '../lib/listEditing';
import { visuallyHidden } from '../lib/visuallyHidden';
import { ReorderButtons } from './ReorderButtons';

/**
 * A stage as edited: existing stages keep their id; `key` identifies the row on screen.
 * `blindReview` exists on a job's stages only; the pipeline template has none.
 */
export type EditableStage = {
  key: string;
  id?: string;
  name: string;
  kind: TStageKind;
  blindReview?: boolean;
  /** Days without activity before the dashboard calls an application here stuck; null: the default. Job stages only. */
  targetDays?: number | null;
};

type Props = {
  stages: readonly EditableStage[];
  onChange: (stages: EditableStage[]) => void;
  /** A problem with the whole list, e.g. "A pipeline needs exactly one Hired stage". */
  error?: string;
  /** Field errors by row, as `${index}.name`. */
  fieldError?: (path: string) => string | undefined;
  disabled?: boolean;
  /** Rows that cannot be removed (still holding applications), with the reason shown instead. */
  lockedReason?: (stage: EditableStage) => string | undefined;
  /** Offer a "Blind review" checkbox per stage (a job's pipeline; the template has no blind review). */
  blindReview?: boolean;
};

export function toEditableStages(
  stages: ReadonlyArray<{
    id?: string;
    name: string;
    kind: TStageKind;
    blindReview?: boolean;
    targetDays?: number | null;
  }>,
): EditableStage[] {
  return stages.map((stage) => ({ key: stage.id ?? newRowKey(), ...stage }));
}

/**
 * An ordered list of pipeline stages: name, kind, reorder, add, remove. The
 * pipeline template in the settings and each job's own pipeline use it.
 */
export function StageListEditor({
  stages,
  onChange,
  error,
  fieldError,
  disabled = false,
  lockedReason,
  blindReview = false,
}: Props) {
  const update = (index: number, stage: EditableStage) => onChange(replaceItem(stages, index, stage));
  return (
    <Stack spacing={1.5}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
        {stages.map((stage, index) => {
          const label = stage.name.trim() || `stage ${index + 1}`;
          const locked = lockedReason?.(stage);
          return (
            <Box
              component="li"
              key={stage.key}
              sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
            >
              <Typography
                aria-hidden
                sx={{
                  width: 24,
                  pt: 1,
                  textAlign: 'right',
                  color: 'text.secondary',
                  fontVariantNumeric: 'tabular-nums',
                }}
              >
                {index + 1}.
              </Typography>
              <TextField
                size="small"
                label={`Stage ${index + 1} name`}
                value={stage.name}
                onChange={(event) => update(index, { ...stage, name: event.target.value })}
                error={Boolean(fieldError?.(`${index}.name`))}
                helperText={fieldError?.(`${index}.name`)}
                disabled={disabled}
                sx={{ flex: '1 1 200px' }}
              />
              <TextField
                select
                size="small"
                label={`Stage ${index + 1} kind`}
                value={stage.kind}
                onChange={(event) => update(index, { ...stage, kind: event.target.value as TStageKind })}
                disabled={disabled}
                sx={{ width: 160 }}
              >
                {STAGE_KINDS.map((kind) => (
                  <MenuItem key={kind} value={kind}>
                    {STAGE_KIND_LABELS[kind]}
                  </MenuItem>
                ))}
              </TextField>
              {blindReview && stage.kind !== 'hired' && stage.kind !== 'rejected' && (
                <TextField
                  size="small"
                  type="number"
                  label={`Target days for ${label}`}
                  placeholder={String(DEFAULT_STAGE_TARGET_DAYS)}
                  value={stage.targetDays ?? ''}
                  onChange={(event) =>
                    update(index, {
                      ...stage,
                      targetDays: event.target.value === '' ? null : Math.round(Number(event.target.value)),
                    })
                  }
                  error={Boolean(fieldError?.(`${index}.targetDays`))}
                  helperText={fieldError?.(`${index}.targetDays`)}
                  slotProps={{ htmlInput: { min: 1, max: 365 }, inputLabel: { shrink: true } }}
                  disabled={disabled}
                  sx={{ width: 120 }}
                />
              )}
              {blindReview && (
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={stage.blindReview ?? false}
                      onChange={(event) => update(index, { ...stage, blindReview: event.target.checked })}
                      disabled={disabled}
                    />
                  }
                  label={
                    <>
                      Blind review
                      <Box component="span" sx={visuallyHidden}>
                        {` for ${label}`}
                      </Box>
                    </>
                  }
                  sx={{ mr: 0, whiteSpace: 'nowrap' }}
                />
              )}
              <Box sx={{ display: 'flex', pt: 0.25 }}>
                <ReorderButtons
                  name={label}
                  items={stages}
                  index={index}
                  disabled={disabled}
                  onChange={onChange}
                />
                <IconButton
                  aria-label={locked ? `${label} cannot be removed: ${locked}` : `Remove ${label}`}
                  title={locked}
                  disabled={disabled || Boolean(locked)}
                  onClick={() => onChange(removeItem(stages, index))}
                >
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </Box>
            </Box>
          );
        })}
      </Box>
      <Box>
        <Button
          startIcon={<AddIcon />}
          disabled={disabled || stages.length >= 20}
          onClick={() => {
            // New stages go before "Hired" and "Rejected", where they usually belong.
            const end = stages.findIndex((stage) => stage.kind === 'hired' || stage.kind === 'rejected');
            const at = end === -1 ? stages.length : end;
            const added: EditableStage = { key: newRowKey(), name: '', kind: 'interview' };
            onChange([...stages.slice(0, at), added, ...stages.slice(at)]);
          }}
        >
          Add stage
        </Button>
      </Box>
    </Stack>
  );
}
