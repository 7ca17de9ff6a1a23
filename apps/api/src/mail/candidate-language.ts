import { messagesFor } from '@candor/careers';
import {
  formatSalary,
  languageSettingsOf,
  SALARY_PERIODS,
  type TJobTranslations,
  type TLocale,
} from '@candor/schemas';

/**
 * What candidate emails need to speak the candidate's language
 * (`candidate.locale`, set from the careers page they applied on).
 */

/** The job's title as the candidate saw it: its translation in their language, else the default wording. */
export function jobTitleIn(
  job: { title: string; translations?: TJobTranslations | null },
  locale: TLocale,
  tenant: { languageSettings?: unknown },
): string {
  if (locale === languageSettingsOf(tenant.languageSettings).defaultLocale) return job.title;
  return job.translations?.[locale]?.title ?? job.title;
}

/** A calendar day (YYYY-MM-DD) as the language writes it; English keeps the ISO day it always had. */
export function dayIn(day: string, locale: TLocale): string {
  if (locale === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A time range in a zone as the language writes it, with the zone named: "Montag, 7. Dezember 2026, 10:00–11:00 (Europe/Berlin)". */
export function timeRangeIn(start: Date, end: Date, timeZone: string, locale: TLocale): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return `${format.formatRange(start, end)} (${timeZone})`;
}

/** A salary as the language writes it ("68.000 € pro Jahr"); English keeps "EUR 68,000 per year". */
export function salaryIn(amount: number, currency: string, period: string, locale: TLocale): string {
  const known = SALARY_PERIODS.find((p) => p === period);
  if (locale === 'en' || !known) return formatSalary(amount, currency, period);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  return `${money.format(amount)} ${messagesFor(locale).salaryPeriods[known]}`;
}
