import type { TSalaryRange } from '@candor/schemas';
import type { TCareersJob } from './careers-job.js';
import type { Messages } from './i18n/index.js';

export function countryName(code: string, t: Messages): string {
  return new Intl.DisplayNames([t.lang], { type: 'region' }).of(code) ?? code;
}

/** "Berlin, Germany", "Remote (Germany)" or "Remote": what the location filter groups by. */
export function placeLabel(job: TCareersJob, t: Messages): string {
  const country = job.country ? countryName(job.country, t) : null;
  if (job.workplace === 'remote') return country ? t.remoteFrom(country) : t.workplaces.remote;
  return [job.city, country].filter(Boolean).join(', ');
}

/** The place with the way of working: "Berlin, Germany · Hybrid". */
export function locationLabel(job: TCareersJob, t: Messages): string {
  const place = placeLabel(job, t);
  return job.workplace === 'remote' ? place : `${place} · ${t.workplaces[job.workplace]}`;
}

export function salaryLabel(salary: TSalaryRange, t: Messages): string {
  const money = new Intl.NumberFormat(t.lang, {
    style: 'currency',
    currency: salary.currency,
    maximumFractionDigits: 0,
  });
  const min = money.format(salary.min);
  const max = money.format(salary.max);
  return `${min === max ? min : t.salaryRange(min, max)} ${t.salaryPeriods[salary.period]}`;
}

export function dateLabel(iso: string, t: Messages): string {
  return new Intl.DateTimeFormat(t.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** A URL path segment for a filter value; `taken` makes it unique among its siblings. */
export function slugify(value: string, taken: Set<string>): string {
  const base =
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'other';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
