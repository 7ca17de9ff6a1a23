import { type THiringSettings, ZHiringSettings } from '@candor/schemas';
import { Alert, Box, Button, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useNotify } from 'react-admin';
import { Link, Route, Routes } from 'react-router';
import { SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { type EditableStage, StageListEditor, toEditableStages } from '../../components/StageListEditor';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { lazyView } from '../../lazyView';
import { newRowKey } from '../../lib/listEditing';
import { fieldErrorsOfIssues, toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { HIRING_SETTINGS_KEY, useHiringSettings } from '../../providers/useHiringSettings';
import { DepartmentsEditor } from './DepartmentsEditor';
import { EmailTemplatesEditor } from './EmailTemplatesEditor';
import { LanguagesEditor } from './LanguagesEditor';
import { MessageTemplatesEditor } from './MessageTemplatesEditor';
import { type EditableReason, RejectionReasonsEditor, withReasonIds } from './RejectionReasonsEditor';

type Draft = {
  pipelineTemplate: EditableStage[];
  rejectionReasons: EditableReason[];
  departments: string[];
  payTransparency: boolean;
  managersSeeTeamFeedback: boolean;
  managersMayDecide: boolean;
};

function toDraft(settings: THiringSettings): Draft {
  return {
    pipelineTemplate: toEditableStages(settings.pipelineTemplate),
    rejectionReasons: settings.rejectionReasons.map((reason) => ({ key: newRowKey(), ...reason })),
    departments: [...settings.departments],
    payTransparency: settings.payTransparency,
    managersSeeTeamFeedback: settings.managersSeeTeamFeedback,
    managersMayDecide: settings.managersMayDecide,
  };
}

/** The edited parts over the saved settings, so settings edited elsewhere (or added later) are kept. */
function toSettings(draft: Draft, saved: THiringSettings): THiringSettings {
  return {
    ...saved,
    pipelineTemplate: draft.pipelineTemplate.map(({ name, kind }) => ({ name, kind })),
    rejectionReasons: withReasonIds(draft.rejectionReasons),
    departments: draft.departments,
    payTransparency: draft.payTransparency,
    managersSeeTeamFeedback: draft.managersSeeTeamFeedback,
    managersMayDecide: draft.managersMayDecide,
  };
}

/** Field errors by path ("pipelineTemplate.2.name"); the list's own error under the list's name. */
type Errors = Record<string, string>;

function flatten(fieldErrors: Record<string, string[]>): Errors {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([path, messages]) => [path, messages.join(' ')]),
  );
}

function SettingsForm({ settings }: { settings: THiringSettings }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | undefined>();
  // Edited since loaded, saved or discarded (drafts carry fresh row keys, so they are not compared).
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesWarning(dirty);

  const save = useMutation({
    mutationFn: (next: THiringSettings) => dataProvider.updateHiringSettings(next),
    onSuccess: (saved) => {
      queryClient.setQueryData(HIRING_SETTINGS_KEY, saved);
      setDraft(toDraft(saved));
      setDirty(false);
      notify('Settings saved', { type: 'success' });
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      setErrors(httpError.body?.errors ?? {});
      setFormError(httpError.message);
    },
  });

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDirty(true);
    setErrors({});
    setFormError(undefined);
  };

  const submit = () => {
    const next = toSettings(draft, settings);
    const parsed = ZHiringSettings.safeParse(next);
    if (!parsed.success) {
      setErrors(flatten(fieldErrorsOfIssues(parsed.error.issues)));
      setFormError('Some settings are not valid; see the messages below.');
      return;
    }
    save.mutate(parsed.data);
  };

  const within = (prefix: string) => (path: string) => errors[`${prefix}.${path}`];
  const disabled = save.isPending;

  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="Settings" />
      <Typography variant="h5" component="h1">
        Hiring settings
      </Typography>
      <Typography variant="body2" color="text.secondary">
        What runs in the background (emails, careers-site updates, retention) and what failed:{' '}
        <Link to="/settings/background-jobs">Background jobs</Link>.
      </Typography>
      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      <Section
        title="Pipeline template"
        hint="New jobs start with these stages; each job's pipeline can be changed on the job afterwards. One Applied stage comes first, and there is exactly one Hired and one Rejected stage."
      >
        <StageListEditor
          stages={draft.pipelineTemplate}
          onChange={(pipelineTemplate) => change({ pipelineTemplate })}
          error={errors.pipelineTemplate}
          fieldError={within('pipelineTemplate')}
          disabled={disabled}
        />
      </Section>
      <Section
        title="Rejection reasons"
        hint="Recruiters pick one when rejecting. Not shown to candidates; reports group by them."
      >
        <RejectionReasonsEditor
          reasons={draft.rejectionReasons}
          onChange={(rejectionReasons) => change({ rejectionReasons })}
          error={errors.rejectionReasons}
          fieldError={within('rejectionReasons')}
          disabled={disabled}
        />
      </Section>
      <Section title="Departments" hint="Every job belongs to one of these.">
        <DepartmentsEditor
          departments={draft.departments}
          onChange={(departments) => change({ departments })}
          error={
            errors.departments ??
            Object.entries(errors).find(([path]) => path.startsWith('departments.'))?.[1]
          }
          disabled={disabled}
        />
      </Section>
      <Section
        title="Pay transparency"
        hint="Several EU countries require salary ranges in job ads (EU Pay Transparency Directive)."
      >
        <FormControlLabel
          control={
            <Switch
              checked={draft.payTransparency}
              onChange={(event) => change({ payTransparency: event.target.checked })}
              disabled={disabled}
            />
          }
          label="Every job must state its salary range before it opens"
        />
      </Section>
      <Section
        title="Hiring managers"
        hint="What the hiring manager of a job (on its hiring team as hiring manager) may do beyond reviewing. Both are off until you turn them on."
      >
        <Stack>
          <FormControlLabel
            control={
              <Switch
                checked={draft.managersSeeTeamFeedback}
                onChange={(event) => change({ managersSeeTeamFeedback: event.target.checked })}
                disabled={disabled}
              />
            }
            label="Hiring managers see the team's feedback on their jobs once the first scorecard is in, even where they did not interview"
          />
          <FormControlLabel
            control={
              <Switch
                checked={draft.managersMayDecide}
                onChange={(event) => change({ managersMayDecide: event.target.checked })}
                disabled={disabled}
              />
            }
            label="Hiring managers may advance or reject candidates on their jobs"
          />
        </Stack>
      </Section>
      <SaveBar
        saveLabel="Save settings"
        saving={save.isPending}
        disabled={disabled}
        onSave={submit}
        onDiscard={() => {
          setDraft(toDraft(settings));
          setDirty(false);
          setErrors({});
          setFormError(undefined);
        }}
      />
    </Stack>
  );
}

/** The tenant's hiring settings. */
function HiringSettingsPage() {
  const { data: settings, isPending, error } = useHiringSettings();
  if (isPending) return <Loading />;
  if (error || !settings) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        Could not load the settings: {error?.message ?? 'unknown error'}
      </Alert>
    );
  }
  return (
    <>
      <SettingsForm settings={settings} />
      <Box sx={{ mt: 2, maxWidth: 900 }}>
        <Section
          title="Integrations"
          hint="Let your HR system read and add candidates with an API key, and tell it or your chat tool when someone applies, moves on, is hired or is erased."
        >
          <Stack direction="row" spacing={1}>
            <Button component={Link} to="/settings/api-keys" variant="outlined">
              API keys
            </Button>
            <Button component={Link} to="/settings/webhooks" variant="outlined">
              Webhooks
            </Button>
          </Stack>
        </Section>
      </Box>
      <Box sx={{ mt: 2, maxWidth: 900 }}>
        <LanguagesEditor />
      </Box>
      {/* Saved per template, apart from the hiring settings' save bar above. */}
      <Box sx={{ mt: 2, mb: 4, maxWidth: 900 }}>
        <EmailTemplatesEditor />
      </Box>
      <Box sx={{ mb: 4, maxWidth: 900 }}>
        <MessageTemplatesEditor />
      </Box>
    </>
  );
}

// Their own chunks, loaded when first opened from the settings page: routed here, so the first load carries no
// route of theirs.
const ApiKeysPage = lazyView(() => import('../api-keys/ApiKeysPage'), 'ApiKeysPage');
const WebhooksPage = lazyView(() => import('../webhooks/WebhooksPage'), 'WebhooksPage');
const BackgroundJobsPage = lazyView(
  () => import('../backgroundJobs/BackgroundJobsPage'),
  'BackgroundJobsPage',
);

/**
 * Settings, for owners and admins (settings.manage): the hiring settings at /settings, and under the same
 * permission the API keys, webhooks and background jobs pages.
 */
export function SettingsPage() {
  return (
    <Routes>
      <Route path="api-keys" element={<ApiKeysPage />} />
      <Route path="webhooks" element={<WebhooksPage />} />
      <Route path="background-jobs" element={<BackgroundJobsPage />} />
      <Route path="*" element={<HiringSettingsPage />} />
    </Routes>
  );
}
