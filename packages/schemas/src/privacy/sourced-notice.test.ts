import { describe, expect, it } from 'vitest';
import { needsSourcedNotice, sourcedNoticeDueOn } from './sourced-notice.js';

describe('the Art. 14 notice', () => {
  it('is due a month after the person was added: the same day, or the last day of a shorter month', () => {
    expect(sourcedNoticeDueOn(new Date('2026-03-15T10:00:00Z'))).toBe('2026-04-15');
    expect(sourcedNoticeDueOn(new Date('2026-01-31T23:00:00Z'))).toBe('2026-02-28');
    expect(sourcedNoticeDueOn(new Date('2028-01-30T08:00:00Z'))).toBe('2028-02-29');
    expect(sourcedNoticeDueOn(new Date('2026-12-20T08:00:00Z'))).toBe('2027-01-20');
  });

  it('is for people whose data came from someone else, not for applicants', () => {
    expect(needsSourcedNotice('sourced')).toBe(true);
    expect(needsSourcedNotice('referral')).toBe(true);
    expect(needsSourcedNotice('imported')).toBe(true);
    expect(needsSourcedNotice('careers_site')).toBe(false);
    expect(needsSourcedNotice('talent_pool')).toBe(false);
  });
});
