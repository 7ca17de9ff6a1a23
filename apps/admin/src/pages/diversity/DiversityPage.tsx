import {
  DIVERSITY_QUESTION_IDS,
  MIN_K,
  SURVEY_TEMPLATE_IDS,
  SURVEY_TEMPLATES,
  type TDiversityQuestionId,
  type TDiversitySettings,
  type TSurveyTemplateId,
} from '@candor/schemas';
import {
  Alert,
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  Skeleton,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { DiversityReportSection } from './DiversityReport';

const SETTINGS_KEY = ['diversity', 'settings'] as const;

const SURVEY_HINT =
  'A voluntary survey applicants may answer after applying, with their explicit consent. Answers are stored apart from applications, encrypted, and never shown to anyone: not the hiring team, not admins. They are only counted in reports that hide every group smaller than k.';

const REPORT_HINT =
  'Respondents by answer at each stage of hiring, for a job, a department or all jobs, by month of application. Counts that would single out fewer than k people are hidden, also where subtracting one report from another would show them.';

type Errors = Record<string, string | undefined>;
/** k as typed, so an empty or odd value reaches validation and is reported at its field. */
type Draft = Omit<TDiversitySettings, 'k'> & { k: string };

const toDraft = (s: TDiversitySettings): Draft => ({ ...s, k: String(s.k) });

/** The labels of a question in a template: the first line of its wording. */
function questionLabel(template: TSurveyTemplateId, id: TDiversityQuestionId): string {
  return SURVEY_TEMPLATES[template].questions.find((q) => q.id === id)?.label ?? id;
}

function SurveySettingsForm({ settings }: { settings: TDiversitySettings }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesWarning(dirty);
  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDirty(true);
    setErrors({});
  };

  const save = useMutation({
    mutationFn: () => dataProvider.saveDiversitySettings({ ...draft, k: Number(draft.k) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      setDraft(toDraft(saved));
      setDirty(false);
      notify(
        saved.enabled
          ? 'Survey settings saved; applicants are invited'
          : 'Survey settings saved; the survey is off',
        { type: 'success' },
      );
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      setErrors({ ...fields, form: Object.keys(fields).length > 0 ? undefined : httpError.message });
    },
  });

  const toggle = (id: TDiversityQuestionId, on: boolean) =>
    change({
      questions: DIVERSITY_QUESTION_IDS.filter((q) => (q === id ? on : draft.questions.includes(q))),
    });

  return (
    <Stack spacing={2.5}>
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      <FormControlLabel
        control={
          <Switch checked={draft.enabled} onChange={(event) => change({ enabled: event.target.checked })} />
        }
        label="Invite applicants to the survey"
      />
      <TextField
        select
        size="small"
        label="Wording"
        value={draft.template}
        onChange={(event) => change({ template: event.target.value as TSurveyTemplateId })}
        helperText={errors.template ?? 'The categories and words of the jurisdiction your applicants are in.'}
        error={Boolean(errors.template)}
        sx={{ maxWidth: 420 }}
      >
        {SURVEY_TEMPLATE_IDS.map((id) => (
          <MenuItem key={id} value={id}>
            {SURVEY_TEMPLATES[id].label}
          </MenuItem>
        ))}
      </TextField>
      <FormControl component="fieldset" error={Boolean(errors.questions)}>
        <FormLabel component="legend">
          Questions asked (each optional for the applicant, with “Prefer not to say”)
        </FormLabel>
        <FormGroup>
          {DIVERSITY_QUESTION_IDS.map((id) => (
            <FormControlLabel
              key={id}
              control={
                <Checkbox
                  checked={draft.questions.includes(id)}
                  onChange={(event) => toggle(id, event.target.checked)}
                />
              }
              label={questionLabel(draft.template, id)}
            />
          ))}
        </FormGroup>
        {errors.questions && <FormHelperText>{errors.questions}</FormHelperText>}
      </FormControl>
      <TextField
        size="small"
        type="number"
        label="Smallest group shown in reports (k)"
        value={draft.k}
        onChange={(event) => change({ k: event.target.value })}
        error={Boolean(errors.k)}
        helperText={
          errors.k ??
          `Cells counting fewer people are hidden, with enough others that they cannot be worked out. At least ${MIN_K}; 10 is recommended.`
        }
        slotProps={{ htmlInput: { min: MIN_K, max: 100, step: 1 } }}
        sx={{ maxWidth: 420 }}
      />
      <SaveBar
        placement="inline"
        saveLabel="Save survey settings"
        saving={save.isPending}
        onSave={() => save.mutate()}
        onDiscard={() => {
          setDraft(toDraft(settings));
          setDirty(false);
          setErrors({});
        }}
      />
    </Stack>
  );
}

/** The diversity survey's settings and its k-anonymous report, for owners and admins (diversity.manage). */
export function DiversityPage() {
  const dataProvider = useCandorDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => dataProvider.diversitySettings(),
  });
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 1200 }}>
      <Title title="Diversity" />
      <Box>
        <Typography variant="h5" component="h1">
          Diversity
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Whether hiring reaches everyone, measured without exposing anyone.
        </Typography>
      </Box>
      <Section id="diversity-survey" title="Survey" hint={SURVEY_HINT}>
        {error ? (
          <Alert severity="error">
            The survey settings could not be loaded: {toHttpError(error).message}
          </Alert>
        ) : isPending || !data ? (
          <Stack spacing={1.5} aria-busy="true" aria-label="Loading the survey settings">
            <Skeleton variant="text" width={280} />
            <Skeleton variant="rectangular" height={220} />
          </Stack>
        ) : (
          <SurveySettingsForm settings={data} />
        )}
      </Section>
      <Section id="diversity-report" title="Report" hint={REPORT_HINT}>
        {data ? (
          <DiversityReportSection settings={data} />
        ) : (
          <Skeleton variant="rectangular" height={56} aria-hidden />
        )}
      </Section>
    </Stack>
  );
}
