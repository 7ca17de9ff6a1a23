/** A line that introduces the quoted message in the common mail clients ("On Mon, 1 Dec 2026, Ann wrote:", Outlook's separator, "Am ... schrieb"). */
const QUOTE_HEADER = [
  /^On\b.{0,300}\bwrote:\s*$/i,
  /^Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i,
  /^Le\b.{0,300}\ba écrit\s*:\s*$/i,
  /^El\b.{0,300}\bescribió:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];

/**
 * The part of a reply worth reading in a thread: the text up to where the
 * quoted earlier message begins (an attribution line, then or else a block of
 * `>` lines running to the end). The full text is kept; this is for display.
 */
export function withoutQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let cut = lines.length;
  const header = lines.findIndex((line) => QUOTE_HEADER.some((pattern) => pattern.test(line.trim())));
  if (header > 0) cut = header;
  // A trailing block of quoted lines (blank lines allowed inside it).
  let start = cut;
  while (start > 0 && (/^\s*>/.test(lines[start - 1] ?? '') || (lines[start - 1] ?? '').trim() === ''))
    start -= 1;
  if (start < cut && lines.slice(start, cut).some((line) => /^\s*>/.test(line))) cut = start;
  const shown = lines.slice(0, cut).join('\n').trimEnd();
  return shown.length > 0 ? shown : text.trimEnd();
}
