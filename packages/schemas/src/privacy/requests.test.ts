import { describe, expect, it } from 'vitest';
import { addBusinessDays, addMonths, deadlineState, jurisdictionOf, requestDeadlines } from './requests.js';

describe('privacy request deadlines', () => {
  it('counts GDPR months to the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 1)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28'); // across the year end
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('gives the EEA/UK/CH one month, extendable by two more, with notice of the extension within the first', () => {
    expect(requestDeadlines('2026-01-31', 'eea_uk_ch', false)).toEqual({
      acknowledgeBy: null,
      dueOn: '2026-02-28',
      maxExtendedDueOn: '2026-04-30',
      extensionNoticeBy: '2026-02-28',
    });
    expect(requestDeadlines('2026-01-31', 'eea_uk_ch', true).dueOn).toBe('2026-04-30');
    expect(requestDeadlines('2026-05-10', 'other', false).dueOn).toBe('2026-06-10');
  });

  it('gives California 10 business days to acknowledge and 45 days to answer, plus 45 more', () => {
    // Received on a Friday: the tenth working day after is two weeks later, a Friday.
    expect(requestDeadlines('2026-11-20', 'california', false)).toEqual({
      acknowledgeBy: '2026-12-04',
      dueOn: '2027-01-04',
      maxExtendedDueOn: '2027-02-18',
      extensionNoticeBy: '2027-01-04',
    });
    expect(requestDeadlines('2028-02-01', 'california', true).dueOn).toBe('2028-05-01'); // 29 days in February 2028
    expect(addBusinessDays('2026-11-21', 1)).toBe('2026-11-23'); // Saturday -> Monday
  });

  it('marks requests due within a week as due soon and past their day as overdue', () => {
    expect(deadlineState('2026-12-31', '2026-12-01', false)).toBe('on_track');
    expect(deadlineState('2026-12-08', '2026-12-01', false)).toBe('due_soon');
    expect(deadlineState('2026-12-01', '2026-12-01', false)).toBe('due_soon');
    expect(deadlineState('2026-11-30', '2026-12-01', false)).toBe('overdue');
    expect(deadlineState('2026-11-30', '2026-12-01', true)).toBe('closed');
  });

  it('takes the jurisdiction from the stated country', () => {
    expect(jurisdictionOf('de')).toBe('eea_uk_ch');
    expect(jurisdictionOf('GB')).toBe('eea_uk_ch');
    expect(jurisdictionOf('CH')).toBe('eea_uk_ch');
    expect(jurisdictionOf('US', 'CA')).toBe('california');
    expect(jurisdictionOf('US', 'NY')).toBe('other');
    expect(jurisdictionOf(null)).toBe('other');
  });
});
