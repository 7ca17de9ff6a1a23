/**
 * The calendar day (YYYY-MM-DD, UTC) `days` from today, for fixtures whose
 * dates must stay in the future (an offer's expiry) however late the suite runs.
 */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
