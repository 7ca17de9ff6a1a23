import {
  candidateLabel,
  formatSalary,
  OFFER_STATUS_LABELS,
  OFFER_TERM_VARIABLES,
  SALARY_PERIODS,
  type TApplication,
  type TJob,
  type TOffer,
  type TOfferStatus,
} from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import CheckIcon from '@mui/icons-material/Check';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  DialogContent,
  MenuItem,
  Skeleton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Confirm, useGetOne, useNotify, useRefresh } from 'react-admin';
import { type CandorPermissions, hasPermission } from '../../access';
import { dateLabel, dateTimeLabel } from '../../lib/dates';
import { useHiringSettings } from '../../providers/useHiringSettings';
import { useMe } from '../../providers/authProvider';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { DETAIL } from '../../providers/detail';
import { toHttpError } from '../../providers/errors';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { useInvalidateApplication, useOffers } from './queries';

type ChipColor = 'default' | 'info' | 'success' | 'warning' | 'error' | 'primary';

export const OFFER_STATUS_COLORS: Record<TOfferStatus, ChipColor> = {
  pending_approval: 'warning',
  approved: 'info',
  sent: 'primary',
  accepted: 'success',
  declined: 'error',
  expired: 'default',
  withdrawn: 'default',
};

const OPEN_STATUSES: readonly TOfferStatus[] = ['pending_approval', 'approved', 'sent'];
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

function OfferStatusChip({ status }: { status: TOfferStatus }) {
  return <Chip size="small" color={OFFER_STATUS_COLORS[status]} label={OFFER_STATUS_LABELS[status]} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {children}
      </Typography>
    </>
  );
}

type Action = 'approve' | 'send' | 'withdraw';

const ACTION_TEXT: Record<Action, { title: string; content: string; done: string }> = {
  approve: {
    title: 'Approve this offer?',
    content: 'Once approved, a recruiter can send it to the candidate.',
    done: 'Offer approved',
  },
  send: {
    title: 'Send this offer?',
    content:
      'The candidate receives an email with the offer letter (PDF) and a link to accept or decline. The application moves to the offer stage.',
    done: 'Offer sent to the candidate',
  },
  withdraw: {
    title: 'Withdraw this offer?',
    content: 'The offer can no longer be accepted. A sent offer’s link will say it was withdrawn.',
    done: 'Offer withdrawn',
  },
};

function CurrentOffer({
  offer,
  permissions,
  restricted,
  onChanged,
}: {
  offer: TOffer;
  permissions: CandorPermissions | undefined;
  /** The candidate restricts processing: the offer cannot be approved or sent, only withdrawn. */
  restricted: boolean;
  onChanged: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const { me } = useMe();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const act = useMutation({
    mutationFn: (action: Action) =>
      action === 'approve'
        ? dataProvider.approveOffer(offer.id)
        : action === 'send'
          ? dataProvider.sendOffer(offer.id)
          : dataProvider.withdrawOffer(offer.id),
    onSuccess: (_offer, action) => {
      notify(ACTION_TEXT[action].done, { type: 'success' });
      setConfirming(null);
      onChanged();
    },
    onError: (error) => {
      setConfirming(null);
      notify(toHttpError(error).message, { type: 'error' });
    },
  });
  const canManage = hasPermission(permissions, 'offers.manage');
  const isAuthor = offer.createdBy?.id === me?.userId;
  const canApprove =
    hasPermission(permissions, 'offers.approve') && offer.status === 'pending_approval' && !restricted;

  return (
    <Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {formatSalary(offer.salary, offer.currency, offer.period)}
        </Typography>
        <OfferStatusChip status={offer.status} />
      </Stack>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        <Fact label="Start date">{dateLabel(offer.startDate)}</Fact>
        <Fact label="Expires">{dateLabel(offer.expiresOn)}</Fact>
        <Fact label="Drafted">
          {offer.createdBy?.name ?? 'Former member'} · {dateTimeLabel(offer.createdAt)}
        </Fact>
        {offer.approvedAt && (
          <Fact label="Approved">
            {offer.approvedBy?.name ?? 'Former member'} · {dateTimeLabel(offer.approvedAt)}
          </Fact>
        )}
        {offer.sentAt && <Fact label="Sent">{dateTimeLabel(offer.sentAt)}</Fact>}
        {offer.respondedAt && (
          <Fact label={offer.status === 'accepted' ? 'Accepted' : 'Answered'}>
            {dateTimeLabel(offer.respondedAt)}
          </Fact>
        )}
      </Box>
      {restricted && (offer.status === 'pending_approval' || offer.status === 'approved') && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          On hold while processing is restricted: it can be withdrawn, not approved or sent.
        </Typography>
      )}
      {offer.status === 'pending_approval' && isAuthor && !restricted && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          An owner or admin other than you must approve it before it can be sent.
        </Typography>
      )}
      {offer.status === 'pending_approval' && !isAuthor && !canApprove && !restricted && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Waiting for an owner or admin to approve it.
        </Typography>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
        {canApprove && !isAuthor && (
          <Button
            size="small"
            variant="contained"
            startIcon={<CheckIcon />}
            onClick={() => setConfirming('approve')}
          >
            Approve
          </Button>
        )}
        {canManage && offer.status === 'approved' && !restricted && (
          <Button
            size="small"
            variant="contained"
            startIcon={<SendIcon />}
            onClick={() => setConfirming('send')}
          >
            Send to candidate
          </Button>
        )}
        {canManage && OPEN_STATUSES.includes(offer.status) && (
          <Button
            size="small"
            variant="outlined"
            color="inherit"
            startIcon={<UndoIcon />}
            onClick={() => setConfirming('withdraw')}
          >
            Withdraw offer
          </Button>
        )}
      </Stack>
      <Confirm
        isOpen={confirming !== null}
        loading={act.isPending}
        title={confirming ? ACTION_TEXT[confirming].title : ''}
        content={confirming ? ACTION_TEXT[confirming].content : ''}
        confirm={
          confirming === 'withdraw' ? 'Withdraw offer' : confirming === 'send' ? 'Send offer' : 'Approve'
        }
        confirmColor={confirming === 'withdraw' ? 'warning' : 'primary'}
        onConfirm={() => confirming && act.mutate(confirming)}
        onClose={() => setConfirming(null)}
      />
    </Box>
  );
}

type DraftErrors = Partial<
  Record<'form' | 'salary' | 'currency' | 'period' | 'startDate' | 'expiresOn' | 'terms', string>
>;

type OfferFormProps = { application: TApplication; onClose: () => void; onCreated: () => void };

/** Waits for the job (its currency) and the settings (the letter's template) before showing the form. */
function OfferDialogBody(props: OfferFormProps) {
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

function OfferForm({
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

/** The application's offer: the latest one with its actions, earlier ones listed below. */
export function Offer({
  application,
  permissions,
}: {
  application: TApplication;
  permissions: CandorPermissions | undefined;
}) {
  const { data: offers, isPending, error } = useOffers(application.id);
  const invalidate = useInvalidateApplication(application.id);
  const refresh = useRefresh();
  const [drafting, setDrafting] = useState(false);
  const canManage = hasPermission(permissions, 'offers.manage');

  if (isPending) {
    return (
      <Stack spacing={1} aria-busy="true" aria-label="Loading offers">
        <Skeleton variant="text" width="50%" />
        <Skeleton variant="text" width="30%" />
      </Stack>
    );
  }
  if (error) return <Alert severity="error">Could not load the offers: {toHttpError(error).message}</Alert>;

  const [current, ...earlier] = offers;
  const restricted = application.candidate.restrictedAt !== null;
  const canDraft =
    canManage &&
    !restricted &&
    application.status === 'active' &&
    (!current || !OPEN_STATUSES.includes(current.status));
  // Sending moves the application to the offer stage: refresh the whole page then.
  const changed = () => {
    void invalidate();
    refresh();
  };

  return (
    <Stack spacing={2}>
      {current ? (
        <CurrentOffer
          key={current.id}
          offer={current}
          permissions={permissions}
          restricted={restricted}
          onChanged={changed}
        />
      ) : (
        <Typography color="text.secondary">No offer yet.</Typography>
      )}
      {canDraft && (
        <Box>
          <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setDrafting(true)}>
            Draft offer
          </Button>
        </Box>
      )}
      {earlier.length > 0 && (
        <Box>
          <Typography variant="overline" component="h3" color="text.secondary">
            Earlier offers
          </Typography>
          <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {earlier.map((offer) => (
              <Stack component="li" key={offer.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2">
                  {formatSalary(offer.salary, offer.currency, offer.period)}
                </Typography>
                <OfferStatusChip status={offer.status} />
                <Typography variant="caption" color="text.secondary">
                  {dateLabel(offer.createdAt)}
                </Typography>
              </Stack>
            ))}
          </Stack>
        </Box>
      )}
      <FormDialog open={drafting} onClose={() => setDrafting(false)} maxWidth="md">
        <OfferDialogBody application={application} onClose={() => setDrafting(false)} onCreated={changed} />
      </FormDialog>
    </Stack>
  );
}
