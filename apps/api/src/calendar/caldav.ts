import { zonedInstant } from '@candor/schemas/time-zones';
import {
  type DAVCalendar,
  DAVClient,
  deleteObject,
  fetchCalendarObjects,
  getBasicAuthHeaders,
  updateObject,
} from 'tsdav';
import { type IcsEvent, icsCalendar } from '../interviews/ics.js';

/** Where and as whom to reach someone's calendar; the password opened from its sealed form. */
export interface CalDavAccount {
  serverUrl: string;
  username: string;
  password: string;
  /** The calendar (collection) found when connecting. */
  calendarUrl: string;
}

export interface Interval {
  start: Date;
  end: Date;
}

/** A calendar server that does not answer in this long is treated as failed (the failure is recorded). */
const TIMEOUT_MS = 8_000;

function clientFor(account: Pick<CalDavAccount, 'serverUrl' | 'username' | 'password'>): DAVClient {
  return new DAVClient({
    serverUrl: account.serverUrl,
    credentials: { username: account.username, password: account.password },
    authMethod: 'Basic',
    defaultAccountType: 'caldav',
    fetchOptions: { signal: AbortSignal.timeout(TIMEOUT_MS) },
  });
}

/** What each request after discovery sends: the account's credentials and a deadline. */
function requestOptions(account: CalDavAccount) {
  return {
    headers: getBasicAuthHeaders({ username: account.username, password: account.password }),
    fetchOptions: { signal: AbortSignal.timeout(TIMEOUT_MS) },
  };
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/**
 * Signs in and finds the calendar to use: the one at the address given if
 * it is a calendar, else the first that holds events. Throws with a message
 * for the person connecting.
 */
export async function discoverCalendar(
  account: Pick<CalDavAccount, 'serverUrl' | 'username' | 'password'>,
): Promise<string> {
  const client = clientFor(account);
  try {
    await client.login();
  } catch {
    throw new Error(
      'Could not sign in to this calendar server: check the address, user name and app password',
    );
  }
  const calendars: DAVCalendar[] = await client.fetchCalendars();
  const holdsEvents = (c: DAVCalendar) => !c.components || c.components.includes('VEVENT');
  const chosen =
    calendars.find((c) => sameUrl(c.url, account.serverUrl)) ?? calendars.find(holdsEvents) ?? null;
  if (!chosen) throw new Error('Signed in, but found no calendar for events on this account');
  return chosen.url;
}

/** A DTSTART/DTEND value: UTC (…Z), local time in a TZID, floating (taken in `fallbackZone`) or a whole day. */
function parseDate(line: string, fallbackZone: string): Date | null {
  const match = /^(DTSTART|DTEND)((?:;[^:]*)?):(\d{8})(?:T(\d{6})(Z?))?$/.exec(line);
  if (!match) return null;
  const [, , params = '', ymd = '', hms, z] = match;
  const day = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const minutes = hms ? Number(hms.slice(0, 2)) * 60 + Number(hms.slice(2, 4)) : 0;
  if (z) return new Date(`${day}T${hms!.slice(0, 2)}:${hms!.slice(2, 4)}:${hms!.slice(4, 6)}Z`);
  const zone = /TZID=("?)([^;:"]+)\1/.exec(params)?.[2] ?? fallbackZone;
  try {
    return zonedInstant(day, minutes, zone);
  } catch {
    return zonedInstant(day, minutes, fallbackZone);
  }
}

/**
 * The busy intervals in iCalendar objects: every VEVENT that is neither
 * transparent (free) nor cancelled. Recurring events are expanded by the
 * server (calendar-query with `expand`); an event without an end lasts a day
 * when it is a whole-day one, else nothing.
 */
export function busyIntervalsOf(objects: readonly string[], fallbackZone: string): Interval[] {
  const busy: Interval[] = [];
  for (const data of objects) {
    const unfolded = data.replace(/\r?\n[ \t]/g, '');
    for (const block of unfolded.split('BEGIN:VEVENT').slice(1)) {
      const lines = block.split(/\r?\n/);
      if (lines.some((l) => l === 'TRANSP:TRANSPARENT' || l === 'STATUS:CANCELLED')) continue;
      const start = lines
        .map((l) => (l.startsWith('DTSTART') ? parseDate(l, fallbackZone) : null))
        .find(Boolean);
      if (!start) continue;
      const endLine = lines.find((l) => l.startsWith('DTEND'));
      const wholeDay = lines.some((l) => /^DTSTART;VALUE=DATE:/.test(l));
      const end = endLine
        ? parseDate(endLine, fallbackZone)
        : new Date(start.getTime() + (wholeDay ? 86_400_000 : 0));
      if (end && end > start) busy.push({ start, end });
    }
  }
  return busy;
}

/** The busy times in someone's calendar between `from` and `to` (a calendar-query of events in the range). */
export async function calendarBusyTimes(
  account: CalDavAccount,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<Interval[]> {
  const objects = await fetchCalendarObjects({
    calendar: { url: account.calendarUrl } as DAVCalendar,
    timeRange: { start: from.toISOString(), end: to.toISOString() },
    expand: true,
    ...requestOptions(account),
  });
  return busyIntervalsOf(
    objects.map((o) => String(o.data ?? '')),
    timeZone,
  ).filter((b) => b.end > from && b.start < to);
}

/** Candor's event for an interview in someone's calendar: one object per interview, at a name of its own. */
function eventUrl(account: CalDavAccount, interviewId: string): string {
  return `${account.calendarUrl.replace(/\/?$/, '/')}candor-${interviewId}.ics`;
}

/**
 * Writes (creates or replaces) an interview's event in someone's calendar.
 * No ORGANIZER or ATTENDEE: the invitations went by email, and a server that
 * schedules implicitly would otherwise send them a second time.
 */
export async function putInterviewEvent(
  account: CalDavAccount,
  interviewId: string,
  event: Omit<IcsEvent, 'uid' | 'organizer' | 'attendees'>,
): Promise<void> {
  const { headers, fetchOptions } = requestOptions(account);
  const res = await updateObject({
    url: eventUrl(account, interviewId),
    data: icsCalendar([{ ...event, uid: `${interviewId}@candor`, organizer: null, attendees: [] }]),
    headers: { ...headers, 'content-type': 'text/calendar; charset=utf-8' },
    fetchOptions,
  });
  if (!res.ok) throw new Error(`The calendar server refused the event (HTTP ${res.status})`);
}

/** Removes an interview's event; one already gone counts as removed. */
export async function deleteInterviewEvent(account: CalDavAccount, interviewId: string): Promise<void> {
  const res = await deleteObject({ url: eventUrl(account, interviewId), ...requestOptions(account) });
  if (!res.ok && res.status !== 404)
    throw new Error(`The calendar server refused to remove the event (HTTP ${res.status})`);
}
