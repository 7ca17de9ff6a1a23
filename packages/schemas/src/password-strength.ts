/**
 * How guessable a staff password is, by zxcvbn-ts with its common and English
 * dictionaries plus words about the person (their name, email, organisation).
 * The API refuses what this refuses and the admin's meter shows the same
 * verdict while someone types.
 *
 * The dictionaries are several megabytes, so they are imported on first use:
 * the admin loads them only on a password page (its bundler splits dynamic
 * imports into their own chunks), the API once per process.
 */

/** zxcvbn's score: 0 (guessed in moments) to 4 (very unguessable). */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** The lowest score accepted for a staff password (zxcvbn: "safely unguessable"). */
export const MIN_PASSWORD_SCORE: PasswordScore = 3;

export interface PasswordStrength {
  score: PasswordScore;
  acceptable: boolean;
  /** What makes it guessable, in a sentence; null when nothing in particular. */
  warning: string | null;
  suggestions: string[];
}

export type PasswordStrengthCheck = (password: string, userInputs?: readonly string[]) => PasswordStrength;

/**
 * The words an attacker targeting this person would try first: each input
 * whole, run together ("acmerobotics") and in parts ("acme", "robotics"; an
 * email's name and domain words), so "acmeacme1234" counts as guessable.
 */
export function passwordUserInputs(values: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    const lower = value?.trim().toLowerCase();
    if (!lower) continue;
    words.add(lower);
    words.add(lower.replace(/[^\p{L}\p{N}]+/gu, ''));
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Says why a password is refused and what to do instead (the field error on every password form). */
export function weakPasswordMessage(strength: PasswordStrength): string {
  const why = strength.warning ? `${strength.warning.replace(/\.$/, '')}. ` : '';
  return `This password is too easy to guess. ${why}Use a longer passphrase of a few unrelated words, without your name, your organisation's name or keyboard patterns.`;
}

let loading: Promise<PasswordStrengthCheck> | undefined;

/** Loads zxcvbn-ts and its dictionaries once; the returned check is synchronous. */
export function loadPasswordStrength(): Promise<PasswordStrengthCheck> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations: english.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
      // Levenshtein matching stays off: it makes each check take about 400 ms of CPU instead of 20
      // (measured), too slow for a meter that runs on every keystroke and for the server's event loop.
      useLevenshteinDistance: false,
    });
    return (password, userInputs = []) => {
      const { score, feedback } = zxcvbn.check(password, [...userInputs]);
      return {
        score,
        acceptable: score >= MIN_PASSWORD_SCORE,
        warning: feedback.warning || null,
        suggestions: feedback.suggestions,
      };
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
