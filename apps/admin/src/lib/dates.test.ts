import { describe, expect, it } from 'vitest';
import { ageLabel, dayLabel, daysSince } from './dates';

describe('ageLabel', () => {
  const now = new Date('2026-03-12T10:00:00Z');

  it('counts whole days', () => {
    expect(daysSince('2026-03-12T01:00:00Z', now)).toBe(0);
    expect(daysSince('2026-03-11T09:00:00Z', now)).toBe(1);
    expect(daysSince('2026-02-10T10:00:00Z', now)).toBe(30);
  });

  it('never reports the future as negative', () => {
    expect(daysSince('2026-03-13T10:00:00Z', now)).toBe(0);
  });

  it('reads like a person would say it', () => {
    expect(ageLabel('2026-03-12T08:00:00Z', now)).toBe('today');
    expect(ageLabel('2026-03-11T08:00:00Z', now)).toBe('1 day ago');
    expect(ageLabel('2026-03-01T08:00:00Z', now)).toBe('11 days ago');
  });
});

describe('dayLabel', () => {
  it('shows a calendar day as that day, whatever the reader’s time zone', () => {
    expect(dayLabel('2027-06-30', 'en-GB')).toBe('30 Jun 2027');
    expect(dayLabel('2027-01-01', 'en-GB')).toBe('1 Jan 2027');
    // Run with TZ=Pacific/Kiritimati (UTC+14) or TZ=Pacific/Pago_Pago (UTC-11) to see it hold there.
  });
});
