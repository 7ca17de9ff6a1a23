import { z } from 'zod';

/** The languages the careers site, the applicant pages and candidate emails are written in. */
export const CAREERS_LOCALES = ['en', 'de', 'fr', 'es'] as const;
export const ZLocale = z.enum(CAREERS_LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

/** Each language's name in itself, as the language switcher shows it. */
export const LOCALE_NAMES: Record<TLocale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
};

/** Which languages a tenant's careers site offers, and the one for visitors whose browser asks for none of them. */
export const ZLanguageSettings = z
  .object({
    locales: z
      .array(ZLocale)
      .min(1, 'Offer at least one language')
      .refine((list) => new Set(list).size === list.length, 'Each language once'),
    defaultLocale: ZLocale,
  })
  .refine((settings) => settings.locales.includes(settings.defaultLocale), {
    path: ['defaultLocale'],
    message: 'The default language must be one of the offered languages',
  });
export type TLanguageSettings = z.infer<typeof ZLanguageSettings>;

/** Existing tenants: English only, as before languages could be chosen. */
export const DEFAULT_LANGUAGE_SETTINGS: TLanguageSettings = { locales: ['en'], defaultLocale: 'en' };

/** A tenant's stored language settings, or the default when it never chose any. */
export function languageSettingsOf(stored: unknown): TLanguageSettings {
  const parsed = ZLanguageSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE_SETTINGS;
}

/** A job's title and description in the site's other languages; a missing language shows the default wording. */
export const ZJobTranslation = z.object({
  title: z.string().trim().min(1, 'Write the title').max(120),
  // As the job's own description: the careers page keeps within its size budget.
  descriptionMd: z.string().trim().max(10_000).default(''),
});
export const ZJobTranslations = z.partialRecord(ZLocale, ZJobTranslation);
export type TJobTranslations = z.infer<typeof ZJobTranslations>;

/** A privacy notice version in the site's other languages: each language has its own text of the same version. */
export const ZNoticeTranslation = z.object({
  bodyMd: z.string().trim().min(1, 'Write the notice').max(50_000),
  changeSummary: z.string().trim().max(500).default(''),
});
export const ZNoticeTranslations = z.partialRecord(ZLocale, ZNoticeTranslation);
export type TNoticeTranslations = z.infer<typeof ZNoticeTranslations>;

/**
 * The best of `offered` for an Accept-Language header (RFC 9110 12.5.4):
 * languages by quality, a region matching its base language (`de-AT` is
 * `de`); none of them offered, the tenant's default.
 */
export function negotiateLocale(
  acceptLanguage: string | null | undefined,
  offered: readonly TLocale[],
  fallback: TLocale,
): TLocale {
  if (!acceptLanguage) return fallback;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.tag && range.q > 0 && !Number.isNaN(range.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === '*') return fallback;
    const base = tag.split('-')[0] as TLocale;
    if (offered.includes(base)) return base;
  }
  return fallback;
}

/** A `lang` value from a link or form, if it names an offered language. */
export function offeredLocale(value: string | null | undefined, offered: readonly TLocale[]): TLocale | null {
  return offered.find((locale) => locale === value) ?? null;
}
