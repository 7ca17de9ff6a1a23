/**
 * Times in a named IANA zone with Intl alone: the human text of interview
 * emails, and wall-clock times (working hours, a day's start, what staff type
 * in the backoffice) turned into instants and back. Calendars (.ics) keep
 * UTC; only what people read and type changes. No Zod here: the backoffice
 * imports it as `@candor/schemas/time-zones`.
 */

function parts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).formatToParts(date)) {
    out[part.type] = part.value;
  }
  return out;
}

/** "Tue 8 Dec 2026" in `timeZone`. */
export function dayText(date: Date, timeZone: string): string {
  const p = parts(date, timeZone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "14:00" in `timeZone`, 24-hour. */
export function clockText(date: Date, timeZone: string): string {
  const p = parts(date, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/**
 * "Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)": the zone named so nobody
 * guesses; an interview over midnight names both days.
 */
export function timeRangeText(start: Date, end: Date, timeZone: string): string {
  const startDay = dayText(start, timeZone);
  const endDay = dayText(end, timeZone);
  const span =
    startDay === endDay
      ? `${startDay}, ${clockText(start, timeZone)}–${clockText(end, timeZone)}`
      : `${startDay}, ${clockText(start, timeZone)} – ${endDay}, ${clockText(end, timeZone)}`;
  return `${span} (${timeZone})`;
}

/** The zone's offset from UTC at `date`, in minutes (Berlin in winter: 60). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const p = parts(date, timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` reads `day` (YYYY-MM-DD)
 * at `minutes` past midnight. Two passes settle a day when the offset
 * changes; a time skipped by a spring-forward lands an hour later.
 */
export function zonedInstant(day: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The calendar day (YYYY-MM-DD) and ISO weekday (1 Monday … 7 Sunday) of `date` in `timeZone`. */
export function zonedDay(date: Date, timeZone: string): { day: string; weekday: number } {
  const p = parts(date, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!) + 1;
  return { day: `${p.year}-${p.month}-${p.day}`, weekday };
}

/** Days from `from` to `to` (YYYY-MM-DD, both included). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** "09:30" → 570. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** `date` as the wall clock in `timeZone` reads it, "YYYY-MM-DDTHH:mm" (a datetime-local input's value). */
export function wallClock(date: Date, timeZone: string): string {
  return `${zonedDay(date, timeZone).day}T${clockText(date, timeZone)}`;
}

/** The instant at which the wall clock in `timeZone` reads `local` ("YYYY-MM-DDTHH:mm"); null when it is not one. */
export function fromWallClock(local: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return null;
  const [, day, hours, minutes] = match as unknown as [string, string, string, string];
  if (+hours > 23 || +minutes > 59) return null;
  return zonedInstant(day, +hours * 60 + +minutes, timeZone);
}
