/**
 * Redaction for blind review: replaces in free text (a resume's text, a cover
 * letter, answers, notes) what identifies the candidate or reveals their age.
 * Two passes: the values Candor knows about the candidate (name, email,
 * phone, location, profile links) wherever they appear, then patterns that
 * identify anyone (email addresses, web links, phone numbers, street
 * addresses, dates, years, stated ages). Year ranges become durations, so
 * "2015 – 2020" still tells a reviewer five years of experience without
 * dating a graduation.
 */
export interface CandidateIdentity {
  name: string;
  email: string;
  phone?: string | null;
  location?: string | null;
  links: readonly string[];
}

export interface Redacted {
  text: string;
  redactions: number;
}

// Name particles are words of ordinary sentences too; a name's other parts still match.
const PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'den',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'la',
  'le',
  'van',
  'von',
  'y',
  'zu',
]);
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A known value as a pattern over text without combining marks (see
 * `replaceWords`): case-insensitive, any run of spaces between its words,
 * its own accents taken off, so "Zoë" in the record finds "Zoe" in a resume
 * and the other way round. The pattern is plain: Unicode classes and
 * lookarounds repeated in it (the first version) took about 1.5 ms each to
 * compile, several per candidate, most of indexing an application's answers.
 */
function wordPattern(value: string): RegExp {
  const words = value.normalize('NFD').replace(/\p{M}/gu, '').trim().split(/\s+/).map(escapeRegExp);
  return new RegExp(words.join('\\s+'), 'giu');
}

const MARKS = /\p{M}+/gu;
const WORD_CHAR_AT_END = /[\p{L}\p{N}]$/u;
const WORD_CHAR_AT_START = /^[\p{L}\p{N}]/u;

/** The text with its combining marks taken out, and for each character left its index in the text (one more: the end). */
function withoutMarks(text: string): { bare: string; at: Int32Array } {
  const at = new Int32Array(text.length + 1);
  let bare = '';
  let kept = 0;
  let from = 0;
  const keep = (to: number) => {
    for (let i = from; i < to; i += 1) at[kept++] = i;
    bare += text.slice(from, to);
  };
  for (const mark of text.matchAll(MARKS)) {
    keep(mark.index);
    from = mark.index + mark[0].length;
  }
  keep(text.length);
  at[kept] = text.length;
  return { bare, at };
}

/**
 * Replaces the whole-word matches of a `wordPattern` in decomposed (NFD)
 * text: matched on the text without its marks, so accents are optional on
 * either side; a match must not have a letter or digit right before or
 * after it; the text's own marks on a matched word go with it.
 */
function replaceWords(text: string, pattern: RegExp, replacement: string, counted: () => void): string {
  const { bare, at } = withoutMarks(text);
  let out = '';
  let copied = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(bare); match; match = pattern.exec(bare)) {
    const start = match.index;
    const end = start + match[0].length;
    const inWord =
      WORD_CHAR_AT_END.test(bare.slice(Math.max(0, start - 2), start)) ||
      WORD_CHAR_AT_START.test(bare.slice(end, end + 2));
    if (inWord || end === start) {
      // Part of a longer word: look again from the next character (another match may start inside this one).
      pattern.lastIndex = start + 1;
      continue;
    }
    out += text.slice(copied, at[start]) + replacement;
    copied = at[end]!;
    counted();
  }
  pattern.lastIndex = 0;
  return out + text.slice(copied);
}

/** A phone number's digits with any separators between them, as people write it in different ways. */
function digitsPattern(phone: string): RegExp | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 5) return null;
  // A leading country code may be written +49, 0049 or left out for a 0.
  return new RegExp(`(?:\\+|00)?${[...digits].join('[\\s().\\/-]*')}`, 'g');
}

function yearsBetween(from: number, to: number): string {
  const years = to - from;
  return years < 1 ? '[under a year]' : years === 1 ? '[1 year]' : `[${years} years]`;
}

type Rule = readonly [
  pattern: RegExp,
  replacement: string | ((match: string, ...groups: string[]) => string),
  /** 'words': a `wordPattern`, applied by `replaceWords`. */
  kind?: 'words',
];

/** Patterns that identify anyone or date them, in the order they must run (longer shapes before their parts). */
function genericRules(now: Date): Rule[] {
  const currentYear = now.getUTCFullYear();
  return [
    [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, '[email]'],
    [/\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/giu, '[link]'],
    [
      /\b(?:linkedin\.com|github\.com|gitlab\.com|xing\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com)\/[^\s<>"')\]]*/giu,
      '[link]',
    ],
    // Ranges of years (optionally with months) become durations; "present" counts to this year.
    [
      new RegExp(
        `(?:${MONTH}\\s+)?(${YEAR})\\s*(?:-|–|—|to|until|bis)\\s*(?:(?:${MONTH}\\s+)?(${YEAR})|(present|today|now|current|heute))${NOT_WORD_AFTER}`,
        'giu',
      ),
      (_m, from, to) => yearsBetween(Number(from), to ? Number(to) : currentYear),
    ],
    [/\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b/g, '[date]'],
    [new RegExp(`\\b${YEAR}[./-]\\d{1,2}[./-]\\d{1,2}\\b`, 'g'), '[date]'],
    [new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH}\\s+${YEAR}\\b`, 'giu'), '[date]'],
    [new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'giu'), '[date]'],
    [new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'giu'), '[date]'],
    [/\b\d{1,3}\s*(?:years?\s+old|y\/o|jahre\s+alt)\b/giu, '[age]'],
    [/\b(?:age|aged|alter)\s*:?\s*\d{1,3}\b/giu, '[age]'],
    // Phone numbers: an international prefix or a bracketed area code, or at least nine digits.
    [/(?:\+|\(0?\d)[\d\s()./-]{5,}\d/g, '[phone]'],
    [/\b\d(?:[\s()./-]*\d){8,}\b/g, '[phone]'],
    [
      /\b\d{1,5}[a-z]?\s+(?:[\p{Lu}][\p{L}'-]*\s+){1,3}(?:street|st\.|road|rd\.|avenue|ave\.|lane|ln\.|way|drive|dr\.|boulevard|blvd\.|place|court|square)(?![\p{L}])/giu,
      '[address]',
    ],
    [
      /[\p{L}-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s+\d{1,4}\s?[a-z]?\b/giu,
      '[address]',
    ],
    [/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g, '[address]'],
    [/\b\d{4,5}\s+\p{Lu}[\p{L}-]+/gu, '[address]'],
    [new RegExp(`\\b${YEAR}\\b`, 'g'), '[year]'],
  ];
}

/** Patterns for what Candor knows about this candidate, longest first so a full name wins over its parts. */
function knownRules(identity: CandidateIdentity): Rule[] {
  const rules: Rule[] = [];
  const email = identity.email.trim();
  if (email) rules.push([new RegExp(escapeRegExp(email), 'gi'), '[email]']);
  for (const link of identity.links) {
    const bare = link.replace(/^https?:\/\//i, '').replace(/\/$/, '');
    if (bare) rules.push([new RegExp(`(?:https?:\\/\\/)?${escapeRegExp(bare)}\\/?`, 'gi'), '[link]']);
  }
  const phone = identity.phone ? digitsPattern(identity.phone) : null;
  if (phone) rules.push([phone, '[phone]']);
  if (identity.location?.trim()) {
    const parts = identity.location
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p.length >= 3);
    for (const value of [identity.location, ...parts]) rules.push([wordPattern(value), '[address]', 'words']);
  }
  const localPart = email.split('@')[0] ?? '';
  const nameParts = identity.name
    .split(/[\s-]+/)
    .filter((w) => w.length >= 2 && !PARTICLES.has(w.toLowerCase()));
  const names = [identity.name, ...nameParts, ...(localPart.length >= 4 ? [localPart] : [])];
  for (const value of names.sort((a, b) => b.length - a.length))
    rules.push([wordPattern(value), '[name]', 'words']);
  return rules;
}

/** A function redacting one candidate's texts; build it once per candidate and reuse it. */
export function redactorFor(identity: CandidateIdentity, now = new Date()): (text: string) => Redacted {
  const known = knownRules(identity);
  const generic = genericRules(now);
  return (text) => {
    let redactions = 0;
    const apply = (input: string, rules: Rule[]) =>
      rules.reduce(
        (out, [pattern, replacement, kind]) =>
          kind === 'words'
            ? replaceWords(out, pattern, replacement as string, () => {
                redactions += 1;
              })
            : out.replace(pattern, (...args: string[]) => {
                redactions += 1;
                return typeof replacement === 'string'
                  ? replacement
                  : replacement(...(args as [string, ...string[]]));
              }),
        input,
      );
    // Known values match on decomposed text (accents optional); the generic patterns on composed text.
    const out = apply(apply(text.normalize('NFD'), known).normalize('NFC'), generic);
    return { text: out, redactions };
  };
}
