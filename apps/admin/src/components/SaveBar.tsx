import { Box, Button, CircularProgress, Stack } from '@mui/material';

type Props = {
  saveLabel: string;
  saving: boolean;
  /** Both buttons are unavailable while this holds; by default while saving. */
  disabled?: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /**
   * `sticky`: at the foot of a long page, kept in view as react-admin's form toolbars are;
   * `inline`: under a section's fields.
   */
  placement?: 'sticky' | 'inline';
};

/** Save and Discard changes of a settings form. */
export function SaveBar({
  saveLabel,
  saving,
  disabled = saving,
  onSave,
  onDiscard,
  placement = 'sticky',
}: Props) {
  const buttons = (
    <>
      <Button
        variant="contained"
        onClick={onSave}
        disabled={disabled}
        startIcon={saving ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
      >
        {saveLabel}
      </Button>
      <Button onClick={onDiscard} disabled={disabled}>
        Discard changes
      </Button>
    </>
  );
  if (placement === 'inline') {
    return (
      <Stack direction="row" spacing={1}>
        {buttons}
      </Stack>
    );
  }
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
      {buttons}
    </Box>
  );
}
