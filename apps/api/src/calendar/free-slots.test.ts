import { describe, expect, it } from 'vitest';
import { freeSlots } from './free-slots.js';

const iso = (slots: Array<{ start: Date; end: Date }>) => slots.map((s) => s.start.toISOString());

describe('free slots', () => {
  const now = new Date('2030-01-01T00:00:00Z');

  it('keeps to the working hours of everyone, each in their own zone', () => {
    const slots = freeSlots({
      from: '2030-06-03',
      to: '2030-06-03',
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
      now,
      people: [
        // Berlin 09:00–12:00 is 07:00–10:00 UTC in summer.
        { timeZone: 'Europe/Berlin', workingHours: [{ weekday: 1, start: '09:00', end: '12:00' }], busy: [] },
        // London 09:00–17:00 is 08:00–16:00 UTC.
        { timeZone: 'Europe/London', workingHours: [{ weekday: 1, start: '09:00', end: '17:00' }], busy: [] },
      ],
    });
    expect(iso(slots)).toEqual([
      '2030-06-03T08:00:00.000Z',
      '2030-06-03T08:30:00.000Z',
      '2030-06-03T09:00:00.000Z',
    ]);
  });

  it('leaves out busy times, days off and the past', () => {
    const slots = freeSlots({
      from: '2030-06-02',
      to: '2030-06-03',
      timeZone: 'UTC',
      durationMinutes: 30,
      now: new Date('2030-06-03T09:10:00Z'),
      people: [
        {
          timeZone: 'UTC',
          workingHours: [{ weekday: 1, start: '09:00', end: '11:00' }],
          busy: [{ start: new Date('2030-06-03T10:00:00Z'), end: new Date('2030-06-03T10:30:00Z') }],
        },
      ],
    });
    expect(iso(slots)).toEqual(['2030-06-03T09:30:00.000Z', '2030-06-03T10:30:00.000Z']);
  });
});
