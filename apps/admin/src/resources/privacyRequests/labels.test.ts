import type { TPrivacyRequest } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { awaitingVerification, canComplete, canErase, canExport, verificationStep } from './labels';

type Fields = Pick<TPrivacyRequest, 'type' | 'status' | 'candidateId' | 'verification' | 'actions'>;

const request = (fields: Partial<Fields> = {}): Fields => ({
  type: 'access',
  status: 'received',
  candidateId: 'c1',
  verification: 'unverified',
  actions: [],
  ...fields,
});

describe('what a request page offers', () => {
  it('offers no download, erasure or completion until the identity is verified, and says so', () => {
    const unverified = request();
    expect(canExport(unverified)).toBe(false);
    expect(canErase({ ...unverified, type: 'erasure' })).toBe(false);
    expect(canComplete(unverified)).toBe(false);
    expect(awaitingVerification(unverified)).toBe(true);

    const verified = request({ status: 'verified', verification: 'verified' });
    expect(canExport(verified)).toBe(true);
    expect(canErase({ ...verified, type: 'erasure' })).toBe(true);
    expect(canComplete(verified)).toBe(true);
    expect(awaitingVerification(verified)).toBe(false);
    // A closed request waits for nothing.
    expect(awaitingVerification(request({ status: 'refused' }))).toBe(false);
  });

  it('says how and when the identity was verified', () => {
    expect(verificationStep(request())).toBeNull();
    const portal = request({
      status: 'verified',
      verification: 'verified',
      actions: [{ at: '2026-12-06T07:10:00.000Z', action: 'identity.verified', detail: 'portal email code' }],
    });
    expect(verificationStep(portal)).toEqual({ how: 'portal email code', at: '2026-12-06T07:10:00.000Z' });
    const staff = request({
      status: 'verified',
      verification: 'verified',
      actions: [{ at: '2026-12-07T09:00:00.000Z', action: 'status.verified', detail: 'by staff' }],
    });
    expect(verificationStep(staff)).toEqual({ how: 'by staff', at: '2026-12-07T09:00:00.000Z' });
  });
});
