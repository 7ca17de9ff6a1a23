import { phoneDigits } from '@candor/schemas';

/**
 * Keys for spotting the same person entered twice under different emails:
 * the phone's digits (at least 6 of them) and the name's words, lowercased,
 * without accents and sorted ("Müller, Anna" and "anna muller" match).
 */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = phone ? phoneDigits(phone) : '';
  return digits.length >= 6 ? digits.slice(-9) : null;
}

export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ')
    .slice(0, 120);
}
