import type { TPrivacyNotice } from '@candor/schemas';
import { dayOf } from '@candor/schemas';

export const PRIVACY_NOTICES_KEY = ['privacy', 'notices'] as const;
export const PRIVACY_SETTINGS_KEY = ['privacy', 'settings'] as const;
/** The Art. 30 record is generated from the settings: saving them invalidates it. */
export const RECORD_OF_PROCESSING_KEY = ['privacy', 'recordOfProcessing'] as const;

/** The published version applicants see today: the newest whose effective day has come (UTC, as the API decides). */
export function versionInEffect(notices: readonly TPrivacyNotice[], today: string = dayOf()): number | null {
  const published = notices.filter(
    (n) => n.version !== null && n.effectiveOn !== null && n.effectiveOn <= today,
  );
  return published.reduce<number | null>(
    (best, n) => (best === null || (n.version ?? 0) > best ? n.version : best),
    null,
  );
}

/** Field errors by path ("consentPurposes.1.key"), one line each; `form` for the rest. */
export type Errors = Record<string, string | undefined>;
