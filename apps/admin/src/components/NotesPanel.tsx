import { Box, Button, CircularProgress, Divider, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { dateTimeLabel } from '../lib/dates';

export type NoteItem = { id: string; body: string; author: string | null; createdAt: string };

type Props = {
  notes: readonly NoteItem[];
  /** Whether the viewer may add a note; the list shows either way. */
  canNote?: boolean;
  placeholder: string;
  /** Who sees the note and where it ends up. */
  helperText: string;
  /** Names the form as a landmark. */
  formLabel?: string;
  /** The note's text to save, or the message saying why it cannot be saved. */
  check: (body: string) => { body: string } | { error: string | undefined };
  save: (body: string) => Promise<unknown>;
  /** The message shown under the field when saving fails. */
  errorMessage?: (error: Error) => string;
};

/** Notes of the team on a record, newest first as the server sends them, and a form to add one. */
export function NotesPanel({
  notes,
  canNote = true,
  placeholder,
  helperText,
  formLabel,
  check,
  save,
  errorMessage = (error) => error.message,
}: Props) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: save,
    onSuccess: () => {
      setBody('');
      notify('Note added', { type: 'success' });
      refresh();
    },
    onError: (err: Error) => setError(errorMessage(err)),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = check(body);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    setError(undefined);
    add.mutate(checked.body);
  };

  return (
    <Stack spacing={2}>
      {canNote && (
        <Box component="form" onSubmit={submit} noValidate aria-label={formLabel}>
          <TextField
            label="Add a note"
            placeholder={placeholder}
            multiline
            minRows={2}
            fullWidth
            value={body}
            onChange={(event) => setBody(event.target.value)}
            error={Boolean(error)}
            helperText={error ?? helperText}
            disabled={add.isPending}
          />
          <Box sx={{ mt: 1, display: 'flex', justifyContent: 'flex-end' }}>
            <Button
              type="submit"
              variant="contained"
              disabled={add.isPending || body.trim() === ''}
              startIcon={
                add.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined
              }
            >
              Add note
            </Button>
          </Box>
        </Box>
      )}
      {notes.length === 0 ? (
        <Typography color="text.secondary">No notes yet.</Typography>
      ) : (
        <Stack
          component="ol"
          spacing={1.5}
          divider={<Divider component="li" aria-hidden />}
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {notes.map((note) => (
            <Box component="li" key={note.id}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {note.body}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {note.author ?? 'Former member'} · {dateTimeLabel(note.createdAt)}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
