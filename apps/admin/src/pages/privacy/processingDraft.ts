import {
  isTransfer,
  type TBackgroundCheckSettings,
  type TPrivacySettings,
  type TRecipient,
  type TSourcedNoticeMode,
} from '@candor/schemas';
import { newRowKey } from '../../lib/listEditing';

/** A recipient as edited; `rowKey` keeps inputs and focus in place when rows are removed. */
export type EditableRecipient = TRecipient & { rowKey: string };
export type EditableMeasure = { rowKey: string; text: string };

/** The "Controller and recipients" part of the privacy settings, as the form holds it. */
export type ProcessingDraft = {
  controllerAddress: string;
  dpoName: string;
  dpoEmail: string;
  recipients: EditableRecipient[];
  securityMeasures: EditableMeasure[];
  /** Subject exports name the staff who wrote scorecards and notes (otherwise only their role). */
  exportStaffNames: boolean;
  /** When people added by staff are told where their data came from (Art. 14). */
  sourcedNotice: TSourcedNoticeMode;
  /** Background checks at the offer stage; the holidays as typed, one date a line. */
  backgroundChecks: Omit<TBackgroundCheckSettings, 'holidays'> & { holidays: string };
};

export const MAX_RECIPIENTS = 20;
export const MAX_MEASURES = 20;

export function newRecipient(): EditableRecipient {
  return {
    rowKey: newRowKey(),
    name: '',
    role: 'processor',
    purpose: '',
    country: '',
    safeguard: 'none',
    notifyEmail: '',
    hrExport: false,
  };
}

export function newMeasure(): EditableMeasure {
  return { rowKey: newRowKey(), text: '' };
}

export function toProcessingDraft(settings: TPrivacySettings): ProcessingDraft {
  return {
    controllerAddress: settings.controllerAddress,
    dpoName: settings.dpo.name,
    dpoEmail: settings.dpo.email,
    recipients: settings.recipients.map((recipient) => ({ rowKey: newRowKey(), ...recipient })),
    securityMeasures: settings.securityMeasures.map((text) => ({ rowKey: newRowKey(), text })),
    exportStaffNames: settings.exportStaffNames,
    sourcedNotice: settings.sourcedNotice,
    backgroundChecks: {
      ...settings.backgroundChecks,
      holidays: settings.backgroundChecks.holidays.join('\n'),
    },
  };
}

/**
 * The whole settings to save: this form's part over `saved`, so the apply
 * form's settings stay as they were saved. Empty rows are sent as they are:
 * the API answers with a message at the row, at the index the form shows.
 */
export function toProcessingSettings(draft: ProcessingDraft, saved: TPrivacySettings): TPrivacySettings {
  return {
    ...saved,
    controllerAddress: draft.controllerAddress.trim(),
    dpo: { name: draft.dpoName.trim(), email: draft.dpoEmail.trim() },
    recipients: draft.recipients.map(({ rowKey: _rowKey, ...recipient }) => ({
      ...recipient,
      name: recipient.name.trim(),
      purpose: recipient.purpose.trim(),
      country: recipient.country.trim().toUpperCase(),
      notifyEmail: recipient.notifyEmail.trim(),
    })),
    securityMeasures: draft.securityMeasures.map((measure) => measure.text.trim()),
    exportStaffNames: draft.exportStaffNames,
    sourcedNotice: draft.sourcedNotice,
    backgroundChecks: {
      ...draft.backgroundChecks,
      holidays: draft.backgroundChecks.holidays
        .split(/[\s,]+/)
        .map((day) => day.trim())
        .filter(Boolean),
    },
  };
}

/** Whether the row names a country outside the EEA (only once it is a full two-letter code). */
export function isTransferRow(recipient: Pick<TRecipient, 'country'>): boolean {
  return /^[A-Za-z]{2}$/.test(recipient.country.trim()) && isTransfer(recipient);
}
