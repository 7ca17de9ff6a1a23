import {
  RIGHT_TO_WORK_LABELS,
  RIGHT_TO_WORK_STATUSES,
  SALARY_PERIOD_LABELS,
  SALARY_PERIODS,
  type TCandidateProfile,
  type TRightToWorkStatus,
  type TSalaryPeriod,
  ZCandidateProfileUpdateInput,
} from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  IconButton,
  MenuItem,
  Skeleton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { SaveBar } from '../../components/SaveBar';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { fieldErrorsOfIssues, toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/** The form's draft: every field as the person types it (an empty date or amount means none). */
type Draft = {
  education: Array<{
    institution: string;
    degree: string;
    field: string;
    startDate: string;
    endDate: string;
  }>;
  workHistory: Array<{
    employer: string;
    title: string;
    startDate: string;
    endDate: string;
    summary: string;
  }>;
  rightToWork: Array<{ country: string; status: TRightToWorkStatus }>;
  salary: { amount: string; currency: string; period: TSalaryPeriod };
};

function draftOf(profile: TCandidateProfile): Draft {
  return {
    education: profile.education.map((e) => ({
      ...e,
      startDate: e.startDate ?? '',
      endDate: e.endDate ?? '',
    })),
    workHistory: profile.workHistory.map((w) => ({
      ...w,
      startDate: w.startDate ?? '',
      endDate: w.endDate ?? '',
    })),
    rightToWork: profile.rightToWork,
    salary: profile.salaryExpectation
      ? {
          amount: String(profile.salaryExpectation.amount),
          currency: profile.salaryExpectation.currency,
          period: profile.salaryExpectation.period,
        }
      : { amount: '', currency: '', period: 'year' },
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value);

function inputOf(candidateId: string, draft: Draft) {
  const amount = draft.salary.amount.trim();
  return {
    candidateId,
    education: draft.education.map((e) => ({
      ...e,
      startDate: orNull(e.startDate),
      endDate: orNull(e.endDate),
    })),
    workHistory: draft.workHistory.map((w) => ({
      ...w,
      startDate: orNull(w.startDate),
      endDate: orNull(w.endDate),
    })),
    rightToWork: draft.rightToWork,
    salaryExpectation:
      amount === '' && draft.salary.currency.trim() === ''
        ? null
        : {
            amount: amount === '' ? Number.NaN : Number(amount.replace(/[\s,_]/g, '')),
            currency: draft.salary.currency,
            period: draft.salary.period,
          },
  };
}

const monthLabel = (month: string | null) => month ?? '…';
const period = (from: string | null, to: string | null) =>
  from || to ? `${monthLabel(from)} – ${to ?? 'now'}` : null;

function Entry({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {term}
      </Typography>
      <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </Box>
  );
}

function ProfileView({ profile }: { profile: TCandidateProfile }) {
  const none = <Typography color="text.secondary">Not recorded</Typography>;
  const salary = profile.salaryExpectation;
  return (
    <Box component="dl" sx={{ m: 0 }}>
      <Entry term="Education">
        {profile.education.length === 0
          ? none
          : profile.education.map((e, i) => (
              <Typography key={`${e.institution}-${i}`}>
                {[e.degree, e.field].filter(Boolean).join(', ')}
                {e.degree || e.field ? ' — ' : ''}
                {e.institution}
                {period(e.startDate, e.endDate) ? ` (${period(e.startDate, e.endDate)})` : ''}
              </Typography>
            ))}
      </Entry>
      <Entry term="Work history">
        {profile.workHistory.length === 0
          ? none
          : profile.workHistory.map((w, i) => (
              <Box key={`${w.employer}-${i}`} sx={{ mb: 1 }}>
                <Typography>
                  {w.title ? `${w.title}, ` : ''}
                  {w.employer}
                  {period(w.startDate, w.endDate) ? ` (${period(w.startDate, w.endDate)})` : ''}
                </Typography>
                {w.summary && (
                  <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                    {w.summary}
                  </Typography>
                )}
              </Box>
            ))}
      </Entry>
      <Entry term="Right to work">
        {profile.rightToWork.length === 0
          ? none
          : profile.rightToWork.map((r) => (
              <Typography key={r.country}>
                {r.country}: {RIGHT_TO_WORK_LABELS[r.status]}
              </Typography>
            ))}
      </Entry>
      <Entry term="Salary expectation">
        {salary ? (
          <Typography>
            {salary.amount.toLocaleString()} {salary.currency} {SALARY_PERIOD_LABELS[salary.period]}
          </Typography>
        ) : (
          none
        )}
      </Entry>
    </Box>
  );
}

type Errors = Record<string, string[]>;

function ProfileForm({
  candidateId,
  profile,
  onDone,
}: {
  candidateId: string;
  profile: TCandidateProfile;
  onDone: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(profile));
  useUnsavedChangesWarning(dirty);

  const errorOf = (path: string) => errors[path]?.join(' ');
  const field = (path: string, label: string, value: string, onChange: (v: string) => void, extra = {}) => (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(errorOf(path))}
      helperText={errorOf(path)}
      size="small"
      {...extra}
    />
  );
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setRow = <K extends 'education' | 'workHistory' | 'rightToWork'>(
    key: K,
    index: number,
    patch: Partial<Draft[K][number]>,
  ) => update(key, draft[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) as Draft[K]);
  const removeRow = (key: 'education' | 'workHistory' | 'rightToWork', index: number) =>
    update(key, draft[key].filter((_, i) => i !== index) as never);
  const monthHelp = { placeholder: 'YYYY-MM', slotProps: { htmlInput: { inputMode: 'numeric' } } };

  const save = async () => {
    setFormError(null);
    const parsed = ZCandidateProfileUpdateInput.safeParse(inputOf(candidateId, draft));
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
      setFormError('Some fields need a look: see the messages under them.');
      return;
    }
    setSaving(true);
    try {
      const saved = await dataProvider.updateCandidateProfile(parsed.data);
      queryClient.setQueryData(['candidates', candidateId, 'profile'], saved);
      setErrors({});
      notify('Profile saved', { type: 'success' });
      onDone();
    } catch (error) {
      const http = toHttpError(error);
      const body = http.body as { errors?: Record<string, string> } | undefined;
      setErrors(Object.fromEntries(Object.entries(body?.errors ?? {}).map(([k, v]) => [k, [v]])));
      setFormError(http.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack
      spacing={2}
      component="form"
      aria-label="Edit profile"
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
          Education
        </Typography>
        <Stack spacing={2}>
          {draft.education.map((e, i) => (
            <Stack
              key={i}
              role="group"
              aria-label={`Education ${i + 1}`}
              direction="row"
              spacing={1}
              useFlexGap
              sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
            >
              {field(
                `education.${i}.institution`,
                'Institution',
                e.institution,
                (v) => setRow('education', i, { institution: v }),
                { required: true },
              )}
              {field(`education.${i}.degree`, 'Degree', e.degree, (v) =>
                setRow('education', i, { degree: v }),
              )}
              {field(`education.${i}.field`, 'Field of study', e.field, (v) =>
                setRow('education', i, { field: v }),
              )}
              {field(
                `education.${i}.startDate`,
                'From (YYYY-MM)',
                e.startDate,
                (v) => setRow('education', i, { startDate: v }),
                monthHelp,
              )}
              {field(
                `education.${i}.endDate`,
                'To (YYYY-MM)',
                e.endDate,
                (v) => setRow('education', i, { endDate: v }),
                monthHelp,
              )}
              <IconButton aria-label={`Remove education ${i + 1}`} onClick={() => removeRow('education', i)}>
                <DeleteOutlineIcon />
              </IconButton>
            </Stack>
          ))}
          <Box>
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() =>
                update('education', [
                  ...draft.education,
                  { institution: '', degree: '', field: '', startDate: '', endDate: '' },
                ])
              }
            >
              Add education
            </Button>
          </Box>
        </Stack>
      </Box>

      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
          Work history
        </Typography>
        <Stack spacing={2}>
          {draft.workHistory.map((w, i) => (
            <Stack key={i} role="group" aria-label={`Position ${i + 1}`} spacing={1}>
              <Stack
                direction="row"
                spacing={1}
                useFlexGap
                sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
              >
                {field(
                  `workHistory.${i}.employer`,
                  'Employer',
                  w.employer,
                  (v) => setRow('workHistory', i, { employer: v }),
                  { required: true },
                )}
                {field(`workHistory.${i}.title`, 'Job title', w.title, (v) =>
                  setRow('workHistory', i, { title: v }),
                )}
                {field(
                  `workHistory.${i}.startDate`,
                  'From (YYYY-MM)',
                  w.startDate,
                  (v) => setRow('workHistory', i, { startDate: v }),
                  monthHelp,
                )}
                {field(
                  `workHistory.${i}.endDate`,
                  'To (YYYY-MM)',
                  w.endDate,
                  (v) => setRow('workHistory', i, { endDate: v }),
                  { ...monthHelp, helperText: errorOf(`workHistory.${i}.endDate`) ?? 'Empty while current' },
                )}
                <IconButton
                  aria-label={`Remove position ${i + 1}`}
                  onClick={() => removeRow('workHistory', i)}
                >
                  <DeleteOutlineIcon />
                </IconButton>
              </Stack>
              {field(
                `workHistory.${i}.summary`,
                'Summary',
                w.summary,
                (v) => setRow('workHistory', i, { summary: v }),
                { multiline: true, minRows: 2, fullWidth: true },
              )}
            </Stack>
          ))}
          <Box>
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() =>
                update('workHistory', [
                  ...draft.workHistory,
                  { employer: '', title: '', startDate: '', endDate: '', summary: '' },
                ])
              }
            >
              Add position
            </Button>
          </Box>
        </Stack>
      </Box>

      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
          Right to work
        </Typography>
        {errorOf('rightToWork') && (
          <Typography color="error" variant="body2" role="alert">
            {errorOf('rightToWork')}
          </Typography>
        )}
        <Stack spacing={2}>
          {draft.rightToWork.map((r, i) => (
            <Stack
              key={i}
              role="group"
              aria-label={`Country ${i + 1}`}
              direction="row"
              spacing={1}
              useFlexGap
              sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
            >
              {field(
                `rightToWork.${i}.country`,
                'Country code',
                r.country,
                (v) => setRow('rightToWork', i, { country: v }),
                { required: true, placeholder: 'PT', slotProps: { htmlInput: { maxLength: 2 } } },
              )}
              {field(
                `rightToWork.${i}.status`,
                'May work there',
                r.status,
                (v) => setRow('rightToWork', i, { status: v as TRightToWorkStatus }),
                {
                  select: true,
                  sx: { minWidth: 200 },
                  children: RIGHT_TO_WORK_STATUSES.map((s) => (
                    <MenuItem key={s} value={s}>
                      {RIGHT_TO_WORK_LABELS[s]}
                    </MenuItem>
                  )),
                },
              )}
              <IconButton aria-label={`Remove country ${i + 1}`} onClick={() => removeRow('rightToWork', i)}>
                <DeleteOutlineIcon />
              </IconButton>
            </Stack>
          ))}
          <Box>
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() =>
                update('rightToWork', [...draft.rightToWork, { country: '', status: 'not_stated' }])
              }
            >
              Add country
            </Button>
          </Box>
        </Stack>
      </Box>

      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
          Salary expectation
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          {field(
            'salaryExpectation.amount',
            'Amount',
            draft.salary.amount,
            (v) => update('salary', { ...draft.salary, amount: v }),
            {
              slotProps: { htmlInput: { inputMode: 'numeric' } },
              helperText: errorOf('salaryExpectation.amount') ?? 'Empty for none',
            },
          )}
          {field(
            'salaryExpectation.currency',
            'Currency',
            draft.salary.currency,
            (v) => update('salary', { ...draft.salary, currency: v }),
            { placeholder: 'EUR', slotProps: { htmlInput: { maxLength: 3 } } },
          )}
          {field(
            'salaryExpectation.period',
            'Per',
            draft.salary.period,
            (v) => update('salary', { ...draft.salary, period: v as TSalaryPeriod }),
            {
              select: true,
              sx: { minWidth: 140 },
              children: SALARY_PERIODS.map((p) => (
                <MenuItem key={p} value={p}>
                  {SALARY_PERIOD_LABELS[p]}
                </MenuItem>
              )),
            },
          )}
        </Stack>
      </Box>
      <Typography variant="body2" color="text.secondary">
        Saving replaces the profile: removed or corrected values are not kept anywhere, and the change is
        recorded in the audit log.
      </Typography>
      <SaveBar
        placement="inline"
        saveLabel="Save profile"
        saving={saving}
        onSave={save}
        onDiscard={() => {
          setDraft(draftOf(profile));
          setErrors({});
          setFormError(null);
          onDone();
        }}
      />
    </Stack>
  );
}

/**
 * The candidate's structured profile: education, work history, right to
 * work and salary expectation, shown to whoever may see the candidate and
 * edited by recruiters and admins (a correction replaces the old value).
 */
export function Profile({ candidateId, canEdit }: { candidateId: string; canEdit: boolean }) {
  const dataProvider = useCandorDataProvider();
  const [editing, setEditing] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: ['candidates', candidateId, 'profile'],
    queryFn: () => dataProvider.candidateProfile(candidateId),
  });
  if (isPending) return <LoadingBlock label="Loading the profile" height={80} />;
  if (error) return <Alert severity="error">Could not load the profile: {toHttpError(error).message}</Alert>;
  if (editing)
    return <ProfileForm candidateId={candidateId} profile={data} onDone={() => setEditing(false)} />;
  return (
    <Stack spacing={1}>
      <ProfileView profile={data} />
      {canEdit && (
        <Box>
          <Button variant="outlined" size="small" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
            Edit profile
          </Button>
        </Box>
      )}
    </Stack>
  );
}
