import { type TPrivacyRequest, ZRequestNoteInput } from '@candor/schemas';
import { Box, Button, CircularProgress, Divider, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { dateTimeLabel } from '../../hiring/dates';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { toHttpError } from '../../providers/errors';

/**
 * Staff notes on a request (calls made, documents asked for). They are not
 * sent to the requester, but the person the request is about finds them in
 * the copy of their data (the export includes notes on their requests).
 */
export function RequestNotes({ request }: { request: TPrivacyRequest }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: (text: string) => dataProvider.addRequestNote({ id: request.id, body: text }),
    onSuccess: () => {
      setBody('');
      notify('Note added', { type: 'success' });
      refresh();
    },
    onError: (err: Error) => setError(toHttpError(err).body?.errors?.body ?? err.message),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZRequestNoteInput.safeParse({ id: request.id, body });
    if (!parsed.success) {
      setError('Write a note first');
      return;
    }
    setError(undefined);
    add.mutate(parsed.data.body);
  };

  return (
    <Stack spacing={2}>
      <Box component="form" onSubmit={submit} noValidate aria-label="Add a note">
        <TextField
          label="Add a note"
          placeholder="Calls made, documents asked for, anything the team should know"
          multiline
          minRows={2}
          fullWidth
          value={body}
          onChange={(event) => setBody(event.target.value)}
          error={Boolean(error)}
          helperText={
            error ??
            'Visible to your admins. Not sent to the requester, but the person can ask for a copy of their data, which includes this.'
          }
          disabled={add.isPending}
        />
        <Box sx={{ mt: 1, display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            type="submit"
            variant="contained"
            disabled={add.isPending || body.trim() === ''}
            startIcon={add.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            Add note
          </Button>
        </Box>
      </Box>
      {request.notes.length === 0 ? (
        <Typography color="text.secondary">No notes yet.</Typography>
      ) : (
        <Stack
          component="ol"
          spacing={1.5}
          divider={<Divider component="li" aria-hidden />}
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {request.notes.map((note) => (
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
