import {
  candidateLabel,
  OFFER_TERM_VARIABLES,
  SALARY_PERIODS,
  type TApplication,
  type TJob,
} from '@candor/schemas';
import { CircularProgress, DialogContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useGetOne, useNotify } from 'react-admin';
import { DialogForm } from '../../../components/FormDialog';
import { DETAIL } from '../../../providers/detail';
import { toHttpError } from '../../../providers/errors';
import { useCandorDataProvider } from '../../../providers/useCandorDataProvider';
import { useHiringSettings } from '../../../providers/useHiringSettings';

const PERIOD_LABELS: Record<(typeof SALARY_PERIODS)[number], string> = {
  year: 'per year',
  month: 'per month',
  hour: 'per hour',
};

/** A calendar date (YYYY-MM-DD) `days` from today, in the reader's time zone. */
function isoDateIn(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

type DraftErrors = Partial<
  Record<'form' | 'salary' | 'currency' | 'period' | 'startDate' | 'expiresOn' | 'terms', string>
>;

type OfferFormProps = { application: TApplication; onClose: () => void; onCreated: () => void };

/** Waits for the job (its currency) and the settings (the letter's template) before showing the form. */
export function OfferDialogBody(props: OfferFormProps) {
  const { data: settings, isPending: loadingSettings } = useHiringSettings();
  const { data: job, isPending: loadingJob } = useGetOne<TJob>('jobs', {
    id: props.application.job.id,
    meta: DETAIL,
  });
  if (loadingSettings || loadingJob) {
    return (
      <DialogContent sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label="Loading the offer template" />
      </DialogContent>
    );
  }
  return <OfferForm {...props} job={job} offerTerms={settings?.offerTerms ?? ''} />;
}

export function OfferForm({
  application,
  onClose,
  onCreated,
  job,
  offerTerms,
}: OfferFormProps & { job: TJob | undefined; offerTerms: string }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [salary, setSalary] = useState('');
  const [currency, setCurrency] = useState(() => job?.salary?.currency ?? 'EUR');
  const [period, setPeriod] = useState<(typeof SALARY_PERIODS)[number]>(() => job?.salary?.period ?? 'year');
  const [startDate, setStartDate] = useState(() => isoDateIn(30));
  const [expiresOn, setExpiresOn] = useState(() => isoDateIn(14));
  const [terms, setTerms] = useState(offerTerms);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<DraftErrors>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amount = Number(salary);
    if (!salary || !Number.isInteger(amount) || amount < 1) {
      setErrors({ salary: 'Give the salary as a whole number' });
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      await dataProvider.createOffer({
        applicationId: application.id,
        salary: amount,
        currency,
        period,
        startDate,
        expiresOn,
        terms: terms.trim() || undefined,
      });
      notify('Offer drafted; it now waits for approval', { type: 'success' });
      onCreated();
      onClose();
    } catch (error) {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      const byField: DraftErrors = {
        salary: fields.salary,
        currency: fields.currency,
        period: fields.period,
        startDate: fields.startDate,
        expiresOn: fields.expiresOn,
        terms: fields.terms,
      };
      setErrors({ ...byField, form: Object.values(byField).some(Boolean) ? undefined : httpError.message });
      setSubmitting(false);
    }
  };
  const clear = (field: keyof DraftErrors) => setErrors((current) => ({ ...current, [field]: undefined }));

  return (
    <DialogForm
      title={`Draft an offer for ${candidateLabel(application.candidate)}`}
      error={errors.form}
      submitLabel="Draft offer"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Salary"
          type="number"
          required
          value={salary}
          onChange={(event) => {
            setSalary(event.target.value);
            clear('salary');
          }}
          error={Boolean(errors.salary)}
          helperText={errors.salary ?? (job?.salary ? `Job range ${job.salary.min}–${job.salary.max}` : ' ')}
          disabled={submitting}
          slotProps={{ htmlInput: { min: 1, step: 1 } }}
          sx={{ flex: 2 }}
          autoFocus
        />
        <TextField
          label="Currency"
          required
          value={currency}
          onChange={(event) => {
            setCurrency(event.target.value.toUpperCase());
            clear('currency');
          }}
          error={Boolean(errors.currency)}
          helperText={errors.currency ?? 'e.g. EUR'}
          disabled={submitting}
          slotProps={{ htmlInput: { maxLength: 3 } }}
          sx={{ flex: 1 }}
        />
        <TextField
          select
          label="Period"
          value={period}
          onChange={(event) => setPeriod(event.target.value as (typeof SALARY_PERIODS)[number])}
          error={Boolean(errors.period)}
          helperText={errors.period ?? ' '}
          disabled={submitting}
          sx={{ flex: 1.3 }}
        >
          {SALARY_PERIODS.map((value) => (
            <MenuItem key={value} value={value}>
              {PERIOD_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Start date"
          type="date"
          required
          fullWidth
          value={startDate}
          onChange={(event) => {
            setStartDate(event.target.value);
            clear('startDate');
          }}
          error={Boolean(errors.startDate)}
          helperText={errors.startDate ?? ' '}
          disabled={submitting}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Offer expires on"
          type="date"
          required
          fullWidth
          value={expiresOn}
          onChange={(event) => {
            setExpiresOn(event.target.value);
            clear('expiresOn');
          }}
          error={Boolean(errors.expiresOn)}
          helperText={errors.expiresOn ?? 'The candidate can answer until then.'}
          disabled={submitting}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
      <TextField
        label="Terms of the offer letter"
        multiline
        minRows={8}
        maxRows={18}
        value={terms}
        onChange={(event) => {
          setTerms(event.target.value);
          clear('terms');
        }}
        error={Boolean(errors.terms)}
        helperText={
          errors.terms ??
          `From your organisation's template. Variables: ${OFFER_TERM_VARIABLES.map((v) => `{{${v}}}`).join(', ')}.`
        }
        disabled={submitting}
      />
      <Typography variant="body2" color="text.secondary">
        An owner or admin other than you approves the offer before it can be sent.
      </Typography>
    </DialogForm>
  );
}
