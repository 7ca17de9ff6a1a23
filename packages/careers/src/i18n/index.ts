import { en, type Messages } from './en.js';

export const LOCALES = { en } satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;
export type { Messages };

export function messagesFor(locale: Locale = 'en'): Messages {
  return LOCALES[locale];
}
