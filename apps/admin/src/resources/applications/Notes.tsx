import { ZNoteInput, type TApplication } from '@candor/schemas';
import { Box, Button, CircularProgress, Divider, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { dateTimeLabel } from '../../hiring/dates';
import { IN_CANDIDATE_COPY } from '../../hiring/labels';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/**
 * Notes on an application: anyone on the hiring team can add one. The
 * candidate does not see them in Candor, but they are in the copy of their data.
 */
export function Notes({ application, canNote }: { application: TApplication; canNote: boolean }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: (text: string) =>
      dataProvider.addApplicationNote({ applicationId: application.id, body: text }),
    onSuccess: () => {
      setBody('');
      notify('Note added', { type: 'success' });
      refresh();
    },
    onError: (err: Error) => setError(err.message),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZNoteInput.safeParse({ applicationId: application.id, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    add.mutate(parsed.data.body);
  };

  return (
    <Stack spacing={2}>
      {canNote && (
        <Box component="form" onSubmit={submit} noValidate>
          <TextField
            label="Add a note"
            placeholder="Impressions, next steps, anything the team should know"
            multiline
            minRows={2}
            fullWidth
            value={body}
            onChange={(event) => setBody(event.target.value)}
            error={Boolean(error)}
            helperText={error ?? `Visible to your team. ${IN_CANDIDATE_COPY}`}
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
      )}
      {application.notes.length === 0 ? (
        <Typography color="text.secondary">No notes yet.</Typography>
      ) : (
        <Stack
          component="ol"
          spacing={1.5}
          divider={<Divider component="li" aria-hidden />}
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {application.notes.map((note) => (
            <Box component="li" key={note.id}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {note.body}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {note.author?.name ?? 'Former member'} · {dateTimeLabel(note.createdAt)}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
