import { Box, Button, CircularProgress, Divider, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { dateTimeLabel } from '../lib/dates';
import {
  type Mentionable,
  MentionSuggestions,
  mentionKey,
  mentionMatches,
  mentionQueryAt,
} from './MentionSuggestions';
import { PersonAvatar } from './PersonAvatar';

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
  /** Colleagues who can be @mentioned (the field suggests them as "@" is typed); none: no suggestions. */
  mentionable?: readonly Mentionable[];
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
  mentionable = [],
}: Props) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = mention ? mentionMatches(mentionable, mention.query) : [];
  const suggesting = suggestions.length > 0;

  const edit = (text: string, caret: number) => {
    setBody(text);
    // Whether or not the colleagues have loaded yet: the list shows once they have.
    setMention(mentionQueryAt(text, caret));
    setActive(0);
  };
  /** Replaces the "@…" being typed by "@Full Name ", the form the server recognises. */
  const pick = (person: Mentionable) => {
    if (!mention) return;
    const caret = mention.start + 1 + mention.query.length;
    const inserted = `@${person.name} `;
    const text = body.slice(0, mention.start) + inserted + body.slice(caret);
    setBody(text);
    setMention(null);
    const at = mention.start + inserted.length;
    requestAnimationFrame(() => field.current?.setSelectionRange(at, at));
  };
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
            inputRef={field}
            onChange={(event) =>
              edit(event.target.value, event.target.selectionStart ?? event.target.value.length)
            }
            onKeyDown={(event) => {
              if (!suggesting) return;
              mentionKey(event, suggestions.length, active, {
                move: setActive,
                pick: () => {
                  const person = suggestions[active];
                  if (person) pick(person);
                },
                close: () => setMention(null),
              });
            }}
            onBlur={() => setMention(null)}
            slotProps={{
              htmlInput: {
                'aria-autocomplete': mentionable.length > 0 ? 'list' : undefined,
                'aria-controls': suggesting ? listId : undefined,
                'aria-activedescendant': suggesting ? `${listId}-${active}` : undefined,
              },
            }}
            error={Boolean(error)}
            helperText={error ?? helperText}
            disabled={add.isPending}
          />
          {suggesting && (
            <MentionSuggestions id={listId} options={suggestions} active={active} onPick={pick} />
          )}
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
            <Box component="li" key={note.id} sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }}>
              <PersonAvatar name={note.author ?? '?'} />
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {note.body}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {note.author ?? 'Former member'} · {dateTimeLabel(note.createdAt)}
                </Typography>
              </Box>
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
