import { describe, expect, it } from 'vitest';
import {
  isBusinessDay,
  waitingPeriodEnd,
  waitingPeriodOver,
  ZBackgroundCheckSettings,
} from './background-check.js';

describe('the FCRA waiting period in business days', () => {
  it('starts the day after the notice and skips weekends', () => {
    // Monday 2026-12-07: Tue 8, Wed 9, Thu 10, Fri 11, Mon 14.
    expect(waitingPeriodEnd('2026-12-07', 5, [])).toBe('2026-12-14');
    // Friday 2026-12-11: Mon 14 ... Fri 18.
    expect(waitingPeriodEnd('2026-12-11', 5, [])).toBe('2026-12-18');
    // Sent on a Saturday: the weekend counts for nothing.
    expect(waitingPeriodEnd('2026-12-12', 1, [])).toBe('2026-12-14');
  });

  it("skips the tenant's holidays as well, across a weekend", () => {
    // Friday 2026-12-18: Mon 21, Tue 22, Wed 23, (Thu 24, Fri 25 holidays, weekend), Mon 28, Tue 29.
    expect(waitingPeriodEnd('2026-12-18', 5, ['2026-12-24', '2026-12-25'])).toBe('2026-12-29');
    // A holiday on a weekend changes nothing.
    expect(waitingPeriodEnd('2026-12-18', 5, ['2026-12-26'])).toBe('2026-12-25');
  });

  it('tells business days, and when the period is over (the day after its last day, UTC)', () => {
    expect(isBusinessDay('2026-12-19', [])).toBe(false);
    expect(isBusinessDay('2026-12-24', ['2026-12-24'])).toBe(false);
    expect(isBusinessDay('2026-12-23', ['2026-12-24'])).toBe(true);
    expect(waitingPeriodOver('2026-12-29', new Date('2026-12-29T23:59:59Z'))).toBe(false);
    expect(waitingPeriodOver('2026-12-29', new Date('2026-12-30T00:00:00Z'))).toBe(true);
  });

  it('validates the settings: dates, roles and bounds', () => {
    const ok = {
      enabled: true,
      viewerRoles: ['admin'],
      waitingDays: 5,
      holidays: ['2026-12-25'],
      retentionMonths: 6,
    };
    expect(ZBackgroundCheckSettings.safeParse(ok).success).toBe(true);
    expect(ZBackgroundCheckSettings.safeParse({ ...ok, holidays: ['2026-02-30'] }).success).toBe(false);
    expect(ZBackgroundCheckSettings.safeParse({ ...ok, viewerRoles: ['janitor'] }).success).toBe(false);
    expect(ZBackgroundCheckSettings.safeParse({ ...ok, waitingDays: 0 }).success).toBe(false);
  });
});

describe('the privacy notice and background checks', () => {
  it('names the background-check purpose, with criminal records, only for a tenant that turned checks on', async () => {
    const { careersPrivacyOf } = await import('../privacy/purposes-in-use.js');
    const { DEFAULT_RETENTION_POLICY } = await import('../privacy/retention.js');
    const input = {
      consentPurposes: [],
      recipients: [],
      diversitySurvey: false,
      policy: DEFAULT_RETENTION_POLICY,
    };
    const keys = (backgroundChecks: boolean) =>
      careersPrivacyOf({ ...input, backgroundChecks }).purposes.map((p) => p.key);
    expect(keys(false)).not.toContain('background_check');
    expect(keys(true)).toContain('background_check');
    const purpose = careersPrivacyOf({ ...input, backgroundChecks: true }).purposes.find(
      (p) => p.key === 'background_check',
    );
    expect(purpose?.categories).toContain('user.criminal_history');
  });
});
