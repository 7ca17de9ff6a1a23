import type { TPrivacyNotice } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { versionInEffect } from './queries';

const notice = (version: number | null, effectiveOn: string | null): TPrivacyNotice => ({
  id: `n-${version}`,
  status: version === null ? 'draft' : 'published',
  version,
  bodyMd: 'Text',
  translations: {},
  effectiveOn,
  materialChange: false,
  changeSummary: '',
  mailing: null,
  publishedAt: version === null ? null : '2026-01-01T00:00:00.000Z',
  publishedBy: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('the version in effect', () => {
  it('is the newest published version whose day has come, ignoring the draft and scheduled versions', () => {
    const notices = [
      notice(null, null),
      notice(3, '2026-06-01'),
      notice(2, '2026-03-01'),
      notice(1, '2026-01-01'),
    ];
    expect(versionInEffect(notices, '2026-04-15')).toBe(2);
    expect(versionInEffect(notices, '2026-06-01')).toBe(3);
    expect(versionInEffect(notices, '2025-12-31')).toBeNull();
    expect(versionInEffect([notice(null, null)], '2026-04-15')).toBeNull();
  });
});
