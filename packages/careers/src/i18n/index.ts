import type { TLocale } from '@candor/schemas';
import { de } from './de.js';
import { type Catalogue, en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { type Compiled, compileCatalogue, type Translation } from './message.js';

/** Every locale's texts, English included (as its own translation). */
export const TRANSLATIONS: Record<TLocale, Translation<Catalogue>> = {
  en: en as unknown as Translation<Catalogue>,
  de,
  fr,
  es,
};
export type Locale = TLocale;
export type Messages = Compiled<Catalogue>;

function englishTexts(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'icu' in value) return (value as { icu: string }).icu;
  if (typeof value === 'string' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, englishTexts(v)]));
}
TRANSLATIONS.en = englishTexts(en) as Translation<Catalogue>;

const compiled = new Map<TLocale, Messages>();

/** The compiled catalogue of a locale (English when none is given), built once. */
export function messagesFor(locale: TLocale = 'en'): Messages {
  let messages = compiled.get(locale);
  if (!messages) {
    messages = compileCatalogue(en, TRANSLATIONS[locale], locale);
    compiled.set(locale, messages);
  }
  return messages;
}
