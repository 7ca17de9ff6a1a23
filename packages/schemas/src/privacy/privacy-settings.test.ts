import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIVACY_SETTINGS,
  EEA_COUNTRIES,
  isTransfer,
  type TRecipient,
  ZPrivacySettings,
} from './privacy-settings.js';

const recipient = (patch: Partial<TRecipient> = {}): TRecipient => ({
  name: 'Postmark (email delivery)',
  role: 'processor',
  purpose: 'Delivers emails to applicants',
  country: 'US',
  safeguard: 'scc',
  notifyEmail: '',
  hrExport: false,
  ...patch,
});

const issuesOf = (settings: unknown) => {
  const result = ZPrivacySettings.safeParse(settings);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('privacy settings', () => {
  it('accepts the defaults as they are', () => {
    expect(ZPrivacySettings.parse(DEFAULT_PRIVACY_SETTINGS)).toEqual(DEFAULT_PRIVACY_SETTINGS);
    expect(DEFAULT_PRIVACY_SETTINGS).toMatchObject({
      controllerAddress: '',
      dpo: { name: '', email: '' },
      recipients: [],
      securityMeasures: [],
    });
  });

  it('rejects a transfer outside the EEA without a safeguard, at the safeguard', () => {
    expect(
      issuesOf({
        ...DEFAULT_PRIVACY_SETTINGS,
        recipients: [recipient(), recipient({ country: 'US', safeguard: 'none' })],
      }),
    ).toEqual([
      { path: 'recipients.1.safeguard', message: 'Name the safeguard for a transfer outside the EEA' },
    ]);
    // The UK and Switzerland are outside the EEA too (an adequacy decision covers them, but it must be named).
    expect(
      issuesOf({
        ...DEFAULT_PRIVACY_SETTINGS,
        recipients: [recipient({ country: 'GB', safeguard: 'none' })],
      }),
    ).toHaveLength(1);
    expect(
      issuesOf({
        ...DEFAULT_PRIVACY_SETTINGS,
        recipients: [recipient({ country: 'GB', safeguard: 'adequacy' })],
      }),
    ).toEqual([]);
  });

  it('accepts a recipient inside the EEA with no safeguard, and reads the country in any case', () => {
    const parsed = ZPrivacySettings.parse({
      ...DEFAULT_PRIVACY_SETTINGS,
      recipients: [
        recipient({ country: 'de', safeguard: 'none' }),
        recipient({ country: 'NO', safeguard: 'none' }),
      ],
    });
    expect(parsed.recipients.map((r) => r.country)).toEqual(['DE', 'NO']);
    expect(isTransfer({ country: 'DE' })).toBe(false);
    expect(isTransfer({ country: 'LI' })).toBe(false);
    expect(isTransfer({ country: 'US' })).toBe(true);
    expect(isTransfer({ country: 'CH' })).toBe(true);
    expect(EEA_COUNTRIES.size).toBe(30);
  });

  it('checks the controller, DPO and recipient fields', () => {
    expect(
      issuesOf({
        ...DEFAULT_PRIVACY_SETTINGS,
        dpo: { name: 'Dana', email: 'not-an-email' },
        recipients: [recipient({ name: ' ', purpose: '', country: 'USA', notifyEmail: 'nope' })],
        securityMeasures: ['x'.repeat(301)],
      }).map((issue) => issue.path),
    ).toEqual([
      'dpo.email',
      'recipients.0.name',
      'recipients.0.purpose',
      'recipients.0.country',
      'recipients.0.notifyEmail',
      'securityMeasures.0',
    ]);
    expect(
      issuesOf({ ...DEFAULT_PRIVACY_SETTINGS, recipients: Array.from({ length: 21 }, () => recipient()) }),
    ).toEqual([{ path: 'recipients', message: 'At most 20 recipients' }]);
    // Every field is required: a save states the whole settings.
    const { dpo: _dpo, ...withoutDpo } = DEFAULT_PRIVACY_SETTINGS;
    expect(issuesOf(withoutDpo).map((issue) => issue.path)).toEqual(['dpo']);
  });
});
