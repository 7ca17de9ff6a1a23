import { describe, expect, it } from 'vitest';
import {
  fromWallClock,
  offsetMinutes,
  timeRangeText,
  wallClock,
  zonedDay,
  zonedInstant,
} from './time-zones.js';

describe('time zones', () => {
  it('names the zone and shows its wall clock', () => {
    const start = new Date('2026-12-08T13:00:00Z');
    const end = new Date('2026-12-08T14:00:00Z');
    expect(timeRangeText(start, end, 'Europe/Berlin')).toBe('Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)');
    expect(timeRangeText(start, end, 'UTC')).toBe('Tue 8 Dec 2026, 13:00–14:00 (UTC)');
    expect(timeRangeText(start, end, 'Pacific/Auckland')).toBe(
      'Wed 9 Dec 2026, 02:00–03:00 (Pacific/Auckland)',
    );
  });

  it('names both days of an interview over midnight', () => {
    expect(
      timeRangeText(new Date('2026-12-08T22:30:00Z'), new Date('2026-12-08T23:30:00Z'), 'Europe/Berlin'),
    ).toBe('Tue 8 Dec 2026, 23:30 – Wed 9 Dec 2026, 00:30 (Europe/Berlin)');
  });

  it('turns wall-clock times into instants across daylight saving', () => {
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zonedInstant('2026-12-08', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-12-08T08:00:00.000Z',
    );
    expect(zonedInstant('2026-07-01', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(zonedInstant('2026-03-29', 12 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T10:00:00.000Z',
    );
    expect(zonedInstant('2026-12-08', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2026-12-08T14:00:00.000Z',
    );
    expect(zonedDay(new Date('2026-12-08T23:30:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-12-09',
      weekday: 3,
    });
  });
});

describe('wall clocks (datetime-local values)', () => {
  it('reads and writes the wall clock of a named zone, whatever zone the process runs in', () => {
    const instant = new Date('2026-12-08T13:00:00Z');
    expect(wallClock(instant, 'Europe/Berlin')).toBe('2026-12-08T14:00');
    expect(wallClock(instant, 'America/New_York')).toBe('2026-12-08T08:00');
    expect(fromWallClock('2026-12-08T14:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-12-08T13:00:00.000Z',
    );
    expect(fromWallClock('2026-07-08T14:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-08T12:00:00.000Z',
    );
    expect(fromWallClock(wallClock(instant, 'Asia/Kolkata'), 'Asia/Kolkata')).toEqual(instant);
  });

  it('refuses what is not a wall clock', () => {
    expect(fromWallClock('', 'UTC')).toBeNull();
    expect(fromWallClock('2026-12-08', 'UTC')).toBeNull();
    expect(fromWallClock('2026-12-08T25:00', 'UTC')).toBeNull();
    expect(fromWallClock('2026-13-40T10:00', 'UTC')).toBeNull();
  });
});
