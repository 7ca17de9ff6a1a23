import { describe, expect, it } from 'vitest';
import { consentReceiptPayload } from './consent-receipt.js';

const base = {
  receiptId: 'r1',
  issuedAt: new Date('2026-05-01T10:00:00.000Z'),
  email: 'ada@example.test',
  company: { name: 'Acme', contactEmail: 'privacy@acme.example' },
  siteUrl: 'https://jobs.acme.test/careers/acme/',
  noticeVersion: 1,
  gpc: false,
  channel: 'careers_apply',
  talentPool: { period: { amount: 18, unit: 'months' as const }, noticeDays: 14 },
};

describe('consent receipt payload', () => {
  it('states each consent purpose on its catalogue basis and data: diversity is explicit consent to special-category data', () => {
    const payload = consentReceiptPayload({
      ...base,
      decisions: [
        { purpose: 'diversity_reporting', label: 'Anonymous diversity reporting', given: true },
        { purpose: 'events', label: 'Invite me to hiring events', given: false },
      ],
    });
    const [, diversity, events] = payload.services[0]!.purposes;
    expect(diversity).toMatchObject({
      legalBasis: 'Art. 9(2)(a) GDPR',
      termination: 'Until withdrawn in the privacy portal',
    });
    expect(diversity!.piiCategory).toContain('user.demographic.gender');
    expect(events).toMatchObject({
      legalBasis: 'Art. 6(1)(a) GDPR',
      piiCategory: ['user.name', 'user.contact.email'],
    });
    expect(payload.sensitive).toBe(true);
    expect(payload.spiCat).toContain('user.health_and_medical.disability');
  });

  it('gives the talent pool the term it is given, and is not sensitive without special categories', () => {
    const payload = consentReceiptPayload({
      ...base,
      decisions: [{ purpose: 'talent_pool', label: 'Talent pool', given: true }],
    });
    expect(payload.services[0]!.purposes[1]!.termination).toMatch(
      /^18 months from this consent, .*renewal is asked 14 days before/,
    );
    expect(payload.sensitive).toBe(false);
    expect(payload.spiCat).toEqual([]);
  });
});
