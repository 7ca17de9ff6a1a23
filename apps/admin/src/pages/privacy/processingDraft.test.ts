import { DEFAULT_PRIVACY_SETTINGS, type TPrivacySettings } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { isTransferRow, newRecipient, toProcessingDraft, toProcessingSettings } from './processingDraft';

const saved: TPrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS,
  minimumAge: 16,
  contactEmail: 'privacy@acme.example',
  controllerAddress: 'Acme, Berlin',
  dpo: { name: 'Dana Protection', email: 'dpo@acme.example' },
  recipients: [
    {
      name: 'Checkr',
      role: 'controller',
      purpose: 'Background checks',
      country: 'US',
      safeguard: 'scc',
      notifyEmail: 'privacy@checkr.example',
      hrExport: false,
    },
  ],
  securityMeasures: ['Laptops encrypted'],
  exportStaffNames: true,
};

describe('the controller and recipients form', () => {
  it('round-trips the saved settings', () => {
    expect(toProcessingSettings(toProcessingDraft(saved), saved)).toEqual(saved);
  });

  it('saves its own part over the saved settings, keeping the apply form settings, trimmed', () => {
    const draft = toProcessingDraft(saved);
    draft.dpoName = '  ';
    draft.dpoEmail = '';
    draft.recipients.push({
      ...newRecipient(),
      name: ' Lohn GmbH ',
      purpose: 'Payroll',
      country: 'de ',
      notifyEmail: ' dsr@lohn.example',
    });
    draft.securityMeasures = [];
    draft.recipients[0]!.hrExport = true;
    draft.exportStaffNames = false;
    const next = toProcessingSettings(draft, saved);
    expect(next).toMatchObject({
      minimumAge: 16,
      contactEmail: 'privacy@acme.example',
      consentPurposes: saved.consentPurposes,
    });
    expect(next.dpo).toEqual({ name: '', email: '' });
    expect(next.recipients[1]).toEqual({
      name: 'Lohn GmbH',
      role: 'processor',
      purpose: 'Payroll',
      country: 'DE',
      safeguard: 'none',
      notifyEmail: 'dsr@lohn.example',
      hrExport: false,
    });
    expect(next.recipients[0]?.hrExport).toBe(true);
    expect(next.exportStaffNames).toBe(false);
    expect(next.securityMeasures).toEqual([]);
  });

  it('marks a row as a transfer only for a full country code outside the EEA', () => {
    expect(isTransferRow({ country: 'US' })).toBe(true);
    expect(isTransferRow({ country: 'de' })).toBe(false);
    expect(isTransferRow({ country: 'U' })).toBe(false);
    expect(isTransferRow({ country: '' })).toBe(false);
  });
});
