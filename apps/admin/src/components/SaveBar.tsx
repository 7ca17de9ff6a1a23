import { Box, Button, CircularProgress } from '@mui/material';

type Props = {
  saveLabel: string;
  saving: boolean;
  /** Both buttons are unavailable while this holds (saving, nothing changed, no permission). */
  disabled: boolean;
  onSave: () => void;
  onDiscard: () => void;
};

/** Save and Discard at the foot of a long settings page, kept in view as react-admin's form toolbars are. */
export function SaveBar({ saveLabel, saving, disabled, onSave, onDiscard }: Props) {
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 1,
        position: 'sticky',
        bottom: 0,
        zIndex: 1,
        py: 1.5,
        px: 2,
        bgcolor: 'background.paper',
        borderTop: 1,
        borderColor: 'divider',
        boxShadow: 3,
      }}
    >
      <Button
        variant="contained"
        onClick={onSave}
        disabled={disabled}
        startIcon={saving ? <CircularProgress size={16} color="inherit" /> : undefined}
      >
        {saveLabel}
      </Button>
      <Button onClick={onDiscard} disabled={disabled}>
        Discard changes
      </Button>
    </Box>
  );
}
