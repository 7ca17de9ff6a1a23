import type { TPrivacySettings } from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormControlLabel,
  FormHelperText,
  Skeleton,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { newRowKey } from '../../hiring/listEditing';
import { useCandorDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import { ConsentPurposesEditor, type EditablePurpose } from './ConsentPurposesEditor';
import { PageSection } from './PageSection';
import { type Errors, PRIVACY_SETTINGS_KEY, RECORD_OF_PROCESSING_KEY } from './queries';

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
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});

  const save = useMutation({
    mutationFn: (next: TPrivacySettings) => dataProvider.updatePrivacySettings(next),
    onSuccess: (saved) => {
      queryClient.setQueryData(PRIVACY_SETTINGS_KEY, saved);
      // The record names the privacy contact and the consent purposes.
      void queryClient.invalidateQueries({ queryKey: RECORD_OF_PROCESSING_KEY });
      setDraft(toDraft(saved));
      setErrors({});
      notify('Application form settings saved; the careers site is updated', { type: 'success' });
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Errors = httpError.body?.errors ?? {};
      setErrors({
        ...fields,
        form:
          Object.keys(fields).length > 0
            ? 'Some settings are not valid; see the messages below.'
            : httpError.message,
      });
    },
  });

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors({});
  };
  const disabled = save.isPending;
  const minimumAgeError = errors.minimumAge && 'Enter an age from 14 to 21';

  return (
    <Stack spacing={3}>
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
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
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          onClick={() => save.mutate(toSettings(draft, settings))}
          disabled={disabled}
          startIcon={save.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          Save application form settings
        </Button>
        <Button
          onClick={() => {
            setDraft(toDraft(settings));
            setErrors({});
          }}
          disabled={disabled}
        >
          Discard changes
        </Button>
      </Stack>
    </Stack>
  );
}

/** Minimum age, the salary question, the privacy contact and the consent purposes of the apply form. */
export function ApplyFormSection() {
  const dataProvider = useCandorDataProvider();
  const {
    data: settings,
    isPending,
    error,
  } = useQuery({
    queryKey: PRIVACY_SETTINGS_KEY,
    queryFn: () => dataProvider.privacySettings(),
  });
  return (
    <PageSection
      id="privacy-apply-form"
      title="Application form and consent"
      hint="What the careers site's apply form asks, besides each job's own questions. Saving republishes the careers site."
    >
      {isPending ? (
        <Stack spacing={2} aria-busy="true" aria-label="Loading the application form settings">
          <Skeleton variant="rectangular" height={56} />
          <Skeleton variant="rectangular" height={200} />
        </Stack>
      ) : error ? (
        <Alert severity="error">
          Could not load the application form settings: {toHttpError(error).message}
        </Alert>
      ) : (
        <ApplyFormEditor settings={settings} />
      )}
    </PageSection>
  );
}
