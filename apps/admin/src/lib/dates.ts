const DAY_MS = 86_400_000;

/** Whole days between an ISO timestamp and now (0 on the same day, never negative). */
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS));
}

/** "today", "1 day ago", "12 days ago". */
export function ageLabel(iso: string, now: Date = new Date()): string {
  const days = daysSince(iso, now);
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "Under a day", "1 day", "12 days": how long something has been where it is. */
export function stageAgeLabel(iso: string, now: Date = new Date()): string {
  const days = daysSince(iso, now);
  if (days === 0) return 'Under a day';
  return days === 1 ? '1 day' : `${days} days`;
}

/** "12 Mar 2026" in the reader's locale. */
export function dateLabel(iso: string, locale?: string): string {
  return new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * "1 Dec 2026" for a calendar day (YYYY-MM-DD), read in UTC so no time zone
 * shifts it (noon UTC is already the next day in UTC+13 and UTC+14).
 */
export function dayLabel(day: string, locale?: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "12 Mar 2026, 14:05" in the reader's locale. */
export function dateTimeLabel(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
