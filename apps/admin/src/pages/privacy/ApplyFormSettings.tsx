import type { TPrivacySettings } from '@candor/schemas';
import { Box, FormControlLabel, FormHelperText, Stack, Switch, TextField, Typography } from '@mui/material';
import { SaveBar } from '../../components/SaveBar';
import { newRowKey } from '../../lib/listEditing';
import { ConsentPurposesEditor, type EditablePurpose } from './ConsentPurposesEditor';
import { FormError, SettingsSection, useSettingsForm } from './settingsForm';

type Draft = {
  minimumAge: string;
  askSalaryExpectation: boolean;
  contactEmail: string;
  consentPurposes: EditablePurpose[];
};

function toDraft(settings: TPrivacySettings): Draft {
  return {
    minimumAge: String(settings.minimumAge),
    askSalaryExpectation: settings.askSalaryExpectation,
    contactEmail: settings.contactEmail,
    consentPurposes: settings.consentPurposes.map((purpose) => ({
      rowKey: newRowKey(),
      saved: true,
      ...purpose,
    })),
  };
}

/** The whole settings to save: this form's part over `saved`, so the controller and recipients stay as saved. */
function toSettings(draft: Draft, saved: TPrivacySettings): TPrivacySettings {
  return {
    ...saved,
    // Sent as typed: the API answers a missing or odd number with a message next to the field.
    minimumAge: draft.minimumAge.trim() === '' ? Number.NaN : Number(draft.minimumAge),
    askSalaryExpectation: draft.askSalaryExpectation,
    contactEmail: draft.contactEmail.trim(),
    consentPurposes: draft.consentPurposes.map(({ key, label, description, marketing, enabled }) => ({
      key: key.trim(),
      label,
      description,
      marketing,
      enabled,
    })),
  };
}

function ApplyFormEditor({ settings }: { settings: TPrivacySettings }) {
  const { draft, errors, saving, change, save, discard } = useSettingsForm(
    settings,
    toDraft,
    'Application form settings saved; the careers site is updated',
  );
  const disabled = saving;
  const minimumAgeError = errors.minimumAge && 'Enter an age from 14 to 21';

  return (
    <Stack spacing={3}>
      <FormError errors={errors} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField
          type="number"
          label="Minimum age"
          value={draft.minimumAge}
          onChange={(event) => change({ minimumAge: event.target.value })}
          error={Boolean(errors.minimumAge)}
          helperText={minimumAgeError ?? 'Applicants confirm they are at least this old (14 to 21).'}
          disabled={disabled}
          sx={{ width: { md: 220 } }}
          slotProps={{ htmlInput: { min: 14, max: 21, step: 1 } }}
        />
        <TextField
          type="email"
          label="Privacy contact email"
          value={draft.contactEmail}
          onChange={(event) => change({ contactEmail: event.target.value })}
          error={Boolean(errors.contactEmail)}
          helperText={
            errors.contactEmail ??
            'Where applicants write about their data; named in every consent receipt. Leave empty to use none.'
          }
          disabled={disabled}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { autoComplete: 'email' } }}
        />
      </Stack>
      <div>
        <FormControlLabel
          control={
            <Switch
              checked={draft.askSalaryExpectation}
              onChange={(event) => change({ askSalaryExpectation: event.target.checked })}
              disabled={disabled}
            />
          }
          label="Ask applicants for their salary expectation"
        />
        <FormHelperText sx={{ mt: 0 }}>
          An optional field on the apply form. Candor never asks for salary history.
        </FormHelperText>
      </div>
      <Box component="section" aria-labelledby="consent-purposes-title">
        <Typography id="consent-purposes-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          Consent purposes
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          Optional boxes on the apply form, never ticked in advance. Applying itself needs no consent: it is a
          step before a contract. Each decision is recorded with the notice version and a signed receipt.
        </Typography>
        <ConsentPurposesEditor
          purposes={draft.consentPurposes}
          onChange={(consentPurposes) => change({ consentPurposes })}
          error={errors.consentPurposes}
          fieldError={(path) => errors[`consentPurposes.${path}`]}
          disabled={disabled}
        />
      </Box>
      <SaveBar
        placement="inline"
        saveLabel="Save application form settings"
        saving={saving}
        onSave={() => save(toSettings(draft, settings))}
        onDiscard={discard}
      />
    </Stack>
  );
}

/** Minimum age, the salary question, the privacy contact and the consent purposes of the apply form. */
export function ApplyFormSection() {
  return (
    <SettingsSection
      id="privacy-apply-form"
      title="Application form and consent"
      hint="What the careers site's apply form asks, besides each job's own questions. Saving republishes the careers site."
      what="the application form settings"
    >
      {(settings) => <ApplyFormEditor settings={settings} />}
    </SettingsSection>
  );
}
