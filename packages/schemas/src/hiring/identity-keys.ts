/**
 * Keys for spotting the same person entered twice under different emails:
 * the name's words folded to ASCII and sorted ("Müller, Anna" = "anna muller"),
 * and the phone's last nine digits (so "+49 30 1234567" = "030 1234567").
 * Stored on the candidate by every writer (API, seeds), compared by equality.
 */

/** The digits of a phone number. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** The comparable part of a phone number, or null when too short to mean anything. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = phone ? phoneDigits(phone) : '';
  return digits.length >= 6 ? digits.slice(-9) : null;
}

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
};

/** Lowercase ASCII: diacritics stripped, special letters spelled out. */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœıþ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

/**
 * The candidate's name key for duplicate detection: lowercase tokens without
 * diacritics, sorted, so "José Álvarez" and "Alvarez Jose" match.
 */
export function nameKey(name: string): string {
  return foldToAscii(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ')
    .slice(0, 120);
}
