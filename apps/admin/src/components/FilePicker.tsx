import { Box, Button, Typography } from '@mui/material';
import { type ChangeEvent, useId, useRef } from 'react';
import { sizeLabel } from '../files';

type Props = {
  /** What the button says, e.g. "Choose file…". */
  label?: string;
  /** The input's `accept`: extensions and media types. */
  accept: string;
  file: { name: string; size?: number } | null;
  onPick: (file: File | null) => void;
  /** What may be chosen, shown under the button until there is an error. */
  help: string;
  error?: string;
  disabled?: boolean;
};

/**
 * A file input that looks like the rest of the form: a button, the chosen
 * file's name and size, and a line of help that becomes the error. The
 * native input stays in the page (visually hidden) so labels and keyboard
 * use work as usual.
 */
export function FilePicker({ label = 'Choose file…', accept, file, onPick, help, error, disabled }: Props) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const pick = (event: ChangeEvent<HTMLInputElement>) => onPick(event.target.files?.[0] ?? null);
  if (!file && inputRef.current) inputRef.current.value = '';
  return (
    <Box sx={{ position: 'relative' }}>
      <Button component="label" htmlFor={inputId} variant="outlined" disabled={disabled} sx={{ mr: 1 }}>
        {label}
      </Button>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={accept}
        onChange={pick}
        disabled={disabled}
        aria-describedby={`${inputId}-help`}
        style={{ position: 'absolute', left: 0, top: 0, width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
      />
      <Typography component="span" variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
        {file
          ? `${file.name}${file.size === undefined ? '' : ` (${sizeLabel(file.size)})`}`
          : 'No file chosen'}
      </Typography>
      <Typography
        id={`${inputId}-help`}
        variant="caption"
        color={error ? 'error' : 'text.secondary'}
        role={error ? 'alert' : undefined}
        sx={{ display: 'block', mt: 0.5 }}
      >
        {error ?? help}
      </Typography>
    </Box>
  );
}
