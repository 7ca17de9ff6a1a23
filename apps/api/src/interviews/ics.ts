/** A calendar user: a display name and the address invitations and replies go to. */
export interface IcsPerson {
  name: string;
  email: string;
}

/**
 * A minimal iCalendar (RFC 5545) event for an interview invitation or its
 * cancellation (`cancelled`: METHOD:CANCEL with the same UID and a higher
 * SEQUENCE, which calendars apply to the event they hold). The caller
 * chooses the attendees per recipient: an interviewer's copy lists the
 * interviewers, the candidate's lists the candidate, so no candidate address
 * travels into staff calendars and no staff address into the candidate's
 * beyond the organizer's.
 */
export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  url: string | null;
  /** Left out in a feed of one's own events, which is no invitation. */
  organizer: IcsPerson | null;
  attendees: readonly IcsPerson[];
  sequence?: number;
  cancelled?: boolean;
  /** More text for the event's description, after the meeting link. */
  description?: string;
}

function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes TEXT values (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value (CN=...), quoted: it may hold ':', ';' or ','; a quote itself cannot be in one. */
function param(value: string): string {
  return `"${value.replace(/["\r\n]/g, ' ')}"`;
}

/** Folds lines longer than 75 octets (RFC 5545 3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut)) > 74) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}

function veventLines(event: IcsEvent, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${text(event.summary)}`,
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.description || event.url
      ? [
          `DESCRIPTION:${text([event.url ? `Join: ${event.url}` : '', event.description ?? ''].filter(Boolean).join('\n'))}`,
        ]
      : []),
    ...(event.organizer
      ? [`ORGANIZER;CN=${param(event.organizer.name)}:mailto:${event.organizer.email}`]
      : []),
    ...event.attendees.map(
      (person) =>
        `ATTENDEE;CN=${param(person.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION${event.cancelled ? '' : ';RSVP=TRUE'}:mailto:${person.email}`,
    ),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

function calendar(method: string | null, body: string[], extra: string[] = []): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Candor//Interviews//EN',
    'CALSCALE:GREGORIAN',
    ...(method ? [`METHOD:${method}`] : []),
    ...extra,
    ...body,
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export function icsEvent(event: IcsEvent, now = new Date()): string {
  return calendar(event.cancelled ? 'CANCEL' : 'REQUEST', veventLines(event, now));
}

/** A calendar of events to store or subscribe to (no METHOD: not an invitation), e.g. a CalDAV object or a feed. */
export function icsCalendar(events: readonly IcsEvent[], name?: string, now = new Date()): string {
  return calendar(
    null,
    events.flatMap((event) => veventLines(event, now)),
    name
      ? [`X-WR-CALNAME:${text(name)}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H']
      : [],
  );
}
