import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Radicale, radicaleInstalled, startRadicale } from '../testing/radicale.js';
import {
  busyIntervalsOf,
  calendarBusyTimes,
  deleteInterviewEvent,
  discoverCalendar,
  putInterviewEvent,
} from './caldav.js';

describe.skipIf(!radicaleInstalled())('CalDAV against a real Radicale', () => {
  let radicale: Radicale;
  let calendarUrl: string;
  beforeAll(async () => {
    radicale = await startRadicale();
    calendarUrl = await radicale.addUser('alice', 'app-password-1');
  });
  afterAll(() => radicale?.stop());

  it('finds the calendar from the server address, and refuses a wrong password', async () => {
    const found = await discoverCalendar({
      serverUrl: radicale.url,
      username: 'alice',
      password: 'app-password-1',
    });
    expect(found.replace(/\/$/, '')).toBe(calendarUrl.replace(/\/$/, ''));
    await expect(
      discoverCalendar({ serverUrl: radicale.url, username: 'alice', password: 'wrong' }),
    ).rejects.toThrow(/Could not sign in/);
  });

  it('reads busy times in a range, and writes, moves and removes an interview event', async () => {
    const account = { serverUrl: radicale.url, username: 'alice', password: 'app-password-1', calendarUrl };
    await radicale.putEvent('alice', 'app-password-1', {
      uid: 'dentist',
      start: new Date('2030-06-03T10:00:00Z'),
      end: new Date('2030-06-03T11:00:00Z'),
    });
    await radicale.putEvent('alice', 'app-password-1', {
      uid: 'far-away',
      start: new Date('2030-07-03T10:00:00Z'),
      end: new Date('2030-07-03T11:00:00Z'),
    });
    const busy = await calendarBusyTimes(
      account,
      new Date('2030-06-01T00:00:00Z'),
      new Date('2030-06-08T00:00:00Z'),
      'UTC',
    );
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2030-06-03T10:00:00.000Z', '2030-06-03T11:00:00.000Z'],
    ]);

    const event = {
      start: new Date('2030-06-04T09:00:00Z'),
      end: new Date('2030-06-04T10:00:00Z'),
      summary: 'Interview: Robot Whisperer',
      location: 'Room 1',
      url: null,
    };
    await putInterviewEvent(account, 'abc', event);
    await putInterviewEvent(account, 'abc', {
      ...event,
      start: new Date('2030-06-04T13:00:00Z'),
      end: new Date('2030-06-04T14:00:00Z'),
      sequence: 1,
    });
    const mine = (await radicale.eventsOf('alice', 'app-password-1')).filter((e) =>
      e.includes('UID:abc@candor'),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain('DTSTART:20300604T130000Z');
    expect(mine[0]).not.toContain('ORGANIZER');
    await deleteInterviewEvent(account, 'abc');
    await deleteInterviewEvent(account, 'abc');
    expect(
      (await radicale.eventsOf('alice', 'app-password-1')).some((e) => e.includes('UID:abc@candor')),
    ).toBe(false);
  });

  it('reads local, zoned and whole-day times, and skips free and cancelled events', () => {
    const ics = (lines: string[]) =>
      ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', ...lines, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const busy = busyIntervalsOf(
      [
        ics(['DTSTART;TZID=Europe/Berlin:20301203T090000', 'DTEND;TZID=Europe/Berlin:20301203T100000']),
        ics(['DTSTART;VALUE=DATE:20301204']),
        ics(['DTSTART:20301205T090000Z', 'DTEND:20301205T100000Z', 'TRANSP:TRANSPARENT']),
        ics(['DTSTART:20301206T090000Z', 'DTEND:20301206T100000Z', 'STATUS:CANCELLED']),
      ],
      'UTC',
    );
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2030-12-03T08:00:00.000Z', '2030-12-03T09:00:00.000Z'],
      ['2030-12-04T00:00:00.000Z', '2030-12-05T00:00:00.000Z'],
    ]);
  });
});
