import { Avatar } from '@mui/material';

/**
 * Dark tones of the Okabe-Ito palette (safe for colour-blind readers), each
 * with white initials at a contrast of at least 4.5:1.
 */
const TONES = ['#0b5d8a', '#8a4b00', '#006b4f', '#7a3d63', '#4a4a8c', '#6b5a00'];

/** Up to two initials: first and last word ("Ada Lovelace" → "AL", "Zoë" → "Z"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** The same person always gets the same tone: a small hash of their name. */
function toneOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return TONES[hash % TONES.length]!;
}

/** A person's initials in a circle; decorative, so the name beside it is what is read out. */
export function PersonAvatar({ name, size = 28 }: { name: string; size?: number }) {
  return (
    <Avatar
      aria-hidden
      sx={{
        width: size,
        height: size,
        fontSize: size * 0.42,
        fontWeight: 600,
        bgcolor: toneOf(name),
        color: '#fff',
      }}
    >
      {initialsOf(name)}
    </Avatar>
  );
}
