import {
  candidateLabel,
  type TApplication,
  type TReferee,
  type TRefereeStatus,
  ZRefereeInput,
} from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  Skeleton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useNotify } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { dateLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useInvalidateApplication, useReferences } from './queries';

const STATUS_LABELS: Record<TRefereeStatus, string> = {
  invited: 'Waiting for an answer',
  answered: 'Answered',
  declined: 'Declined',
  expired: 'Link expired',
  withdrawn: 'Withdrawn',
};

function RefereeItem({
  referee,
  canManage,
  onChanged,
}: {
  referee: TReferee;
  canManage: boolean;
  onChanged: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    setBusy(true);
    try {
      await dataProvider.withdrawReferee(referee.id);
      notify(`The link sent to ${referee.name} no longer works`, { type: 'success' });
      onChanged();
    } catch (error) {
      notify(`Could not withdraw: ${toHttpError(error).message}`, { type: 'error' });
      setBusy(false);
    }
  };
  return (
    <Box component="li" sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="h3" variant="subtitle2">
          {referee.name}
        </Typography>
        <Chip size="small" label={STATUS_LABELS[referee.status]} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {referee.relationship} · {referee.email} · consent recorded by{' '}
        {referee.consentRecordedBy === 'candidate' ? 'the candidate' : 'staff'} ·{' '}
        {referee.respondedAt
          ? `answered ${dateLabel(referee.respondedAt)}`
          : `asked ${dateLabel(referee.createdAt)}`}
      </Typography>
      {referee.answers.length > 0 && (
        <Box component="dl" sx={{ m: 0, mt: 1 }}>
          {referee.answers.map((a) => (
            <Box key={a.questionId} sx={{ mb: 1 }}>
              <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
                {a.question}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
                {a.answer === 'yes' ? 'Yes' : a.answer === 'no' ? 'No' : a.answer}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {canManage && referee.status === 'invited' && (
        <Button size="small" onClick={withdraw} disabled={busy}>
          Withdraw link
        </Button>
      )}
    </Box>
  );
}

type RefereeErrors = Partial<Record<'form' | 'name' | 'email' | 'relationship' | 'consented', string>>;

/** Staff enter a referee the candidate gave them; the candidate's agreement is ticked, or nothing is sent. */
function AddRefereeForm({
  application,
  onClose,
  onAdded,
}: {
  application: TApplication;
  onClose: () => void;
  onAdded: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [relationship, setRelationship] = useState('');
  const [consented, setConsented] = useState(false);
  const [errors, setErrors] = useState<RefereeErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZRefereeInput.safeParse({ name, email, relationship, consented: consented || undefined });
    if (!parsed.success) {
      const found: RefereeErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as keyof RefereeErrors;
        found[field] ??= issue.message.startsWith('Invalid') ? 'Check this field' : issue.message;
      }
      setErrors(found);
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      await dataProvider.addReferees({ applicationId: application.id, referees: [parsed.data] });
      notify(`${parsed.data.name} was emailed the reference form`, { type: 'success' });
      onAdded();
      onClose();
    } catch (error) {
      setErrors({ form: toHttpError(error).message });
      setSubmitting(false);
    }
  };
  return (
    <DialogForm
      title={`Add a referee ${candidateLabel(application.candidate)} gave you`}
      error={errors.form}
      submitLabel="Email the reference form"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <TextField
        label="Referee's name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={Boolean(errors.name)}
        helperText={errors.name ?? ' '}
        disabled={submitting}
        autoFocus
      />
      <TextField
        label="Referee's email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={Boolean(errors.email)}
        helperText={errors.email ?? ' '}
        disabled={submitting}
      />
      <TextField
        label="How the candidate knows them"
        required
        value={relationship}
        onChange={(e) => setRelationship(e.target.value)}
        error={Boolean(errors.relationship)}
        helperText={errors.relationship ?? 'For example: their manager at Acme, 2019 to 2023'}
        disabled={submitting}
      />
      <Box>
        <FormControlLabel
          control={
            <Checkbox
              checked={consented}
              onChange={(e) => setConsented(e.target.checked)}
              disabled={submitting}
              slotProps={{
                input: { 'aria-describedby': errors.consented ? 'referee-consent-error' : undefined },
              }}
            />
          }
          label="The candidate told us this referee agreed to be contacted"
        />
        {errors.consented && (
          <FormHelperText error id="referee-consent-error">
            {errors.consented}
          </FormHelperText>
        )}
      </Box>
    </DialogForm>
  );
}

function RequestForm({
  application,
  onClose,
  onSent,
}: {
  application: TApplication;
  onClose: () => void;
  onSent: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [count, setCount] = useState(2);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    try {
      await dataProvider.requestReferences({ applicationId: application.id, count });
      notify('The candidate was emailed a link to name their referees', { type: 'success' });
      onSent();
      onClose();
    } catch (e) {
      setError(toHttpError(e).message);
      setSubmitting(false);
    }
  };
  return (
    <DialogForm
      title="Ask the candidate for referees"
      error={error}
      submitLabel="Email the candidate"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <Typography variant="body2">
        {candidateLabel(application.candidate)} gets an email with a link to name referees who agreed to be
        contacted. Each referee is then emailed a short form.
      </Typography>
      <TextField
        select
        label="Number of referees"
        value={count}
        onChange={(e) => setCount(Number(e.target.value))}
        disabled={submitting}
      >
        {[1, 2, 3, 4, 5].map((n) => (
          <MenuItem key={n} value={n}>
            {n}
          </MenuItem>
        ))}
      </TextField>
    </DialogForm>
  );
}

/** The application's reference checks: who was asked, and what they wrote. */
export function References({ application, canManage }: { application: TApplication; canManage: boolean }) {
  const { data, isPending, error } = useReferences(application.id);
  const invalidate = useInvalidateApplication(application.id);
  const [dialog, setDialog] = useState<'request' | 'add' | null>(null);
  if (isPending) {
    return (
      <Stack spacing={1} aria-busy="true" aria-label="Loading references">
        <Skeleton variant="text" width="50%" />
      </Stack>
    );
  }
  if (error)
    return <Alert severity="error">Could not load the references: {toHttpError(error).message}</Alert>;
  if (data.hiddenForBlindReview) {
    return <Typography color="text.secondary">References are hidden during blind review.</Typography>;
  }
  const restricted = application.candidate.restrictedAt !== null;
  const open = canManage && !restricted && application.status === 'active';
  const changed = () => void invalidate();
  return (
    <Stack spacing={1.5}>
      {data.pendingRequest && (
        <Typography variant="body2">
          {`The candidate was asked to name ${data.pendingRequest.count === 1 ? 'a referee' : `up to ${data.pendingRequest.count} referees`}; their link works until ${dateLabel(data.pendingRequest.expiresAt)}.`}
        </Typography>
      )}
      {data.referees.length === 0 && !data.pendingRequest && (
        <Typography color="text.secondary">No references asked for yet.</Typography>
      )}
      {data.referees.length > 0 && (
        <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {data.referees.map((referee) => (
            <RefereeItem key={referee.id} referee={referee} canManage={canManage} onChanged={changed} />
          ))}
        </Stack>
      )}
      {open && (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" size="small" onClick={() => setDialog('request')}>
            Ask the candidate for referees
          </Button>
          <Button size="small" onClick={() => setDialog('add')}>
            Add a referee
          </Button>
        </Stack>
      )}
      <FormDialog open={dialog === 'request'} onClose={() => setDialog(null)}>
        <RequestForm application={application} onClose={() => setDialog(null)} onSent={changed} />
      </FormDialog>
      <FormDialog open={dialog === 'add'} onClose={() => setDialog(null)}>
        <AddRefereeForm application={application} onClose={() => setDialog(null)} onAdded={changed} />
      </FormDialog>
    </Stack>
  );
}
