import { List, ListItemButton, ListItemText, Paper } from '@mui/material';
import type { KeyboardEvent } from 'react';

export type Mentionable = { id: string; name: string };

/** The "@…" being typed just before the caret (at the start or after a space), or null. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1 || (at > 0 && !/\s/.test(before.charAt(at - 1)))) return null;
  const query = before.slice(at + 1);
  // A name has at most a few words; a line break or a long run ends the mention.
  if (query.length > 40 || /[\n@]/.test(query) || query.split(' ').length > 4) return null;
  return { start: at, query };
}

/** Colleagues whose name (or a word of it) starts with what was typed after "@". */
export function mentionMatches(people: readonly Mentionable[], query: string): Mentionable[] {
  const q = query.toLocaleLowerCase();
  return people
    .filter((p) => {
      const name = p.name.toLocaleLowerCase();
      return name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q));
    })
    .slice(0, 6);
}

/**
 * The suggestions under the note field while "@" is typed: a listbox the
 * field points to (aria-controls, aria-activedescendant), picked with the
 * arrow keys and Enter, or a click.
 */
export function MentionSuggestions({
  id,
  options,
  active,
  onPick,
}: {
  id: string;
  options: readonly Mentionable[];
  active: number;
  onPick: (person: Mentionable) => void;
}) {
  return (
    <Paper elevation={3} sx={{ mt: 0.5, maxWidth: 360 }}>
      <List id={id} role="listbox" aria-label="Mention a colleague" dense disablePadding>
        {options.map((person, index) => (
          <ListItemButton
            key={person.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === active}
            selected={index === active}
            // Keeps the caret in the field: a click picks without blurring it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(person)}
          >
            <ListItemText primary={person.name} />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}

/** Arrow keys move through the suggestions, Enter or Tab picks, Escape closes; true when the key was used. */
export function mentionKey(
  event: KeyboardEvent,
  count: number,
  active: number,
  actions: { move: (index: number) => void; pick: () => void; close: () => void },
): boolean {
  if (count === 0) return false;
  if (event.key === 'ArrowDown') actions.move((active + 1) % count);
  else if (event.key === 'ArrowUp') actions.move((active - 1 + count) % count);
  else if (event.key === 'Enter' || event.key === 'Tab') actions.pick();
  else if (event.key === 'Escape') actions.close();
  else return false;
  event.preventDefault();
  return true;
}
