import { LOGO_TYPES, MAX_LOGO_BYTES } from '@candor/schemas';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import UploadIcon from '@mui/icons-material/Upload';
import { Box, Button, FormHelperText, Stack, Typography } from '@mui/material';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { sizeLabel } from '../../files';

/** What happens to the logo on save: kept as it is, replaced by a picked file, or removed. */
export type LogoChange =
  | { kind: 'keep' }
  | { kind: 'replace'; file: File; previewUrl: string }
  | { kind: 'remove' };

export function LogoField({
  currentUrl,
  change,
  onChange,
  error,
  onError,
  disabled,
}: {
  currentUrl: string | null;
  change: LogoChange;
  onChange: (change: LogoChange) => void;
  error?: string;
  onError: (message: string | undefined) => void;
  disabled: boolean;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = change.kind === 'replace' ? change.previewUrl : change.kind === 'remove' ? null : currentUrl;
  // A file named .png that is not one (the server refuses it by its bytes) shows no broken-image icon.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
      onError('Use a PNG, JPEG or WebP image');
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      onError(`The image is ${sizeLabel(file.size)}; the limit is ${MAX_LOGO_BYTES / 1024} KB`);
      return;
    }
    onError(undefined);
    onChange({ kind: 'replace', file, previewUrl: URL.createObjectURL(file) });
  };

  return (
    <Stack spacing={1.5}>
      <Box
        sx={{
          width: 220,
          height: 96,
          display: 'grid',
          placeItems: 'center',
          border: 1,
          borderStyle: shown ? 'solid' : 'dashed',
          borderColor: error ? 'error.main' : 'divider',
          borderRadius: 1,
          bgcolor: 'grey.50',
        }}
      >
        {shown && brokenSrc === shown ? (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, textAlign: 'center' }}>
            This file cannot be shown as an image
          </Typography>
        ) : shown ? (
          <Box
            component="img"
            src={shown}
            alt={change.kind === 'replace' ? 'New logo (not saved yet)' : 'Current logo'}
            onError={() => setBrokenSrc(shown)}
            sx={{ maxWidth: 200, maxHeight: 80, objectFit: 'contain' }}
          />
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, textAlign: 'center' }}>
            No logo: the careers site shows the first letter of the name
          </Typography>
        )}
      </Box>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={LOGO_TYPES.join(',')}
        onChange={pick}
        disabled={disabled}
        hidden
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<UploadIcon />}
          onClick={() => inputRef.current?.click()}
          disabled={disabled}
          aria-describedby={`${inputId}-help`}
        >
          {shown ? 'Replace logo' : 'Upload logo'}
        </Button>
        {shown && (
          <Button
            color="error"
            startIcon={<DeleteOutlinedIcon />}
            onClick={() => onChange({ kind: 'remove' })}
            disabled={disabled}
          >
            Remove logo
          </Button>
        )}
        {change.kind !== 'keep' && (
          <Button onClick={() => onChange({ kind: 'keep' })} disabled={disabled}>
            Keep the current logo
          </Button>
        )}
      </Stack>
      <FormHelperText id={`${inputId}-help`} error={Boolean(error)} role={error ? 'alert' : undefined}>
        {error ??
          `PNG, JPEG or WebP, at most ${MAX_LOGO_BYTES / 1024} KB. Shown at 40 px high on the brand colour.`}
      </FormHelperText>
    </Stack>
  );
}
