import fc from 'fast-check';

/**
 * Hostile building blocks for the fuzz suite: the characters and shapes that
 * have broken servers before (NUL, lone surrogates, bad percent escapes,
 * oversized text, wrong types, deep nesting).
 */

/** Characters that databases, decoders and parsers trip over. */
const TRICKY_CHARACTERS = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFFFF',
  '\u202E',
  '\u200B',
  '\r\n',
  '%',
  '%E0%A4%A',
  '%00',
  '%zz',
  '\\',
  '"',
  "'",
  '<script>',
  '../',
  '😀',
  'é',
  'ß',
  '🏳️‍🌈',
];

/** A string that mixes ordinary text with the tricky characters above. */
export const trickyString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ maxLength: 12, unit: 'grapheme' }), fc.constantFrom(...TRICKY_CHARACTERS)), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

/** Strings far past any field's limit (and one well-formed but huge). */
const oversizedString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'é', '\u0000', '%', '😀'), fc.constantFrom(300, 5_000, 70_000))
  .map(([unit, length]) => unit.repeat(length));

/** Any string at all, biased towards the hostile ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: trickyString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: oversizedString },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', 'null', 'undefined', '0', '-1', 'NaN', '[]', '{}', 'true'),
  },
);

const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, 2 ** 31, 2 ** 53),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of a random (usually wrong) type, possibly nested, possibly deeply. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'id')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** Nesting deep enough to test recursive walkers and parsers. */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .constantFrom(100, 2_000)
  .map((depth) => JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`) as unknown);

/** A Cookie header value: sometimes well-formed, sometimes foreign cookies with undecodable values. */
export const nastyCookies: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc.constantFrom(
      '_ga=GA1.2.3',
      'theme=%',
      'bad=%E0%A4%A',
      'pct=100%',
      'x=%zz',
      '=novalue',
      'noequals',
      'q="%"',
    ),
    fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), nastyString).map(([name, value]) => `${name}=${value}`),
  ),
  { maxLength: 3 },
);

/** Percent-encodes any string, lone surrogates included (sent as U+FFFD, as a browser would). */
export function percentEncode(value: string): string {
  return encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));
}
