import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { useNotify } from 'react-admin';

/** A value to copy elsewhere (a redirect URI, a sign-in link, a calendar feed): read-only, with a copy button. */
export function CopyableField({
  label,
  what,
  value,
  helperText,
}: {
  label: string;
  what: string;
  value: string;
  helperText: string;
}) {
  const notify = useNotify();
  return (
    <TextField
      label={label}
      value={value}
      slotProps={{
        input: {
          readOnly: true,
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title="Copy">
                <IconButton
                  aria-label={`Copy the ${what}`}
                  onClick={() =>
                    navigator.clipboard
                      .writeText(value)
                      .then(() => notify(`Copied the ${what}`, { type: 'info' }))
                      .catch(() => notify('Select the address and copy it', { type: 'warning' }))
                  }
                >
                  <ContentCopyIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }}
      helperText={helperText}
    />
  );
}
