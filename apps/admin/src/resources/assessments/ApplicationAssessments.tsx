import type { TAssessmentInvitation, TAssessmentStatus } from '@candor/schemas';
import { Alert, Box, Button, Chip, Divider, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { dateTimeLabel } from '../../lib/dates';
import { assessmentActions, assessmentKeys, useInvalidateAssessments } from './actions';

const STATUS_LABELS: Record<TAssessmentStatus, string> = {
  invited: 'Sent, not started',
  started: 'In progress',
  submitted: 'Submitted, to score',
  scored: 'Scored',
  withdrawn: 'Withdrawn',
};

type Draft = Record<string, { points: string; comment: string }>;

function ScoreForm({ invitation, onSaved }: { invitation: TAssessmentInvitation; onSaved: () => void }) {
  const notify = useNotify();
  const key = (q: string, c: string) => `${q}/${c}`;
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      invitation.questions.flatMap((q) =>
        q.criteria.map((c) => {
          const saved = invitation.scores.find((s) => s.questionId === q.id && s.criterionId === c.id);
          return [
            key(q.id, c.id),
            { points: saved ? String(saved.points) : '', comment: saved?.comment ?? '' },
          ];
        }),
      ),
    ),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scores = invitation.questions.flatMap((q) =>
      q.criteria.flatMap((c) => {
        const entry = draft[key(q.id, c.id)];
        if (!entry || entry.points.trim() === '') return [];
        return [
          { questionId: q.id, criterionId: c.id, points: Number(entry.points), comment: entry.comment },
        ];
      }),
    );
    if (!scores.length) {
      setError('Give points for at least one criterion');
      return;
    }
    if (scores.some((s) => !Number.isInteger(s.points) || s.points < 0)) {
      setError('Points are whole numbers from 0');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await assessmentActions.score({ invitationId: invitation.id, scores });
      notify('Scores saved', { type: 'success' });
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not save the scores');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={`Score ${invitation.title}`}>
      {invitation.questions.map((q, i) => (
        <Box key={q.id} sx={{ mt: 2 }}>
          <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
            Question {i + 1}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{q.prompt}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            Answer
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', bgcolor: 'action.hover', p: 1, borderRadius: 1 }}>
            {q.answer?.trim() ? q.answer : 'No answer'}
          </Typography>
          {q.modelAnswer && (
            <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
              <strong>Model answer:</strong> {q.modelAnswer}
            </Typography>
          )}
          {q.criteria.map((c) => {
            const entry = draft[key(q.id, c.id)] ?? { points: '', comment: '' };
            const set = (patch: Partial<typeof entry>) =>
              setDraft((d) => ({ ...d, [key(q.id, c.id)]: { ...entry, ...patch } }));
            return (
              <Stack key={c.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1 }}>
                <TextField
                  label={`${c.name} (0 to ${c.maxPoints})`}
                  type="number"
                  size="small"
                  value={entry.points}
                  onChange={(e) => set({ points: e.target.value })}
                  slotProps={{ htmlInput: { min: 0, max: c.maxPoints, step: 1 } }}
                  sx={{ minWidth: 200 }}
                />
                <TextField
                  label={`Comment on ${c.name}`}
                  size="small"
                  fullWidth
                  value={entry.comment}
                  onChange={(e) => set({ comment: e.target.value })}
                />
              </Stack>
            );
          })}
        </Box>
      ))}
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={busy}>
        Save scores
      </Button>
    </Box>
  );
}

function InvitationItem({
  invitation,
  canManage,
  canScore,
  onChanged,
}: {
  invitation: TAssessmentInvitation;
  canManage: boolean;
  canScore: boolean;
  onChanged: () => void;
}) {
  const notify = useNotify();
  const done = invitation.status === 'submitted' || invitation.status === 'scored';
  const withdraw = async () => {
    try {
      await assessmentActions.withdraw(invitation.id);
      notify('The link no longer works', { type: 'success' });
      onChanged();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Could not withdraw', { type: 'error' });
    }
  };
  return (
    <Box component="article" aria-label={invitation.title}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {invitation.title}
        </Typography>
        <Chip size="small" label={STATUS_LABELS[invitation.status]} />
        {invitation.totalPoints !== null && (
          <Chip
            size="small"
            color="primary"
            label={`Score ${invitation.totalPoints} / ${invitation.maxPoints}`}
          />
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Sent {dateTimeLabel(invitation.invitedAt)}
        {invitation.timeLimitMinutes ? ` · ${invitation.timeLimitMinutes} minutes` : ' · no time limit'}
        {invitation.submittedAt && done ? ` · submitted ${dateTimeLabel(invitation.submittedAt)}` : ''}
        {invitation.provider !== 'Candor' ? ` · ${invitation.provider}` : ''}
      </Typography>
      {invitation.submittedByDeadline && (
        <Typography variant="body2">
          The time limit ran out: what the candidate had saved was submitted.
        </Typography>
      )}
      {invitation.externalResultUrl && (
        <Typography variant="body2">
          <a href={invitation.externalResultUrl} target="_blank" rel="noreferrer">
            Results at the provider
          </a>
        </Typography>
      )}
      {invitation.attachments.length > 0 && (
        <Typography variant="body2">
          Files: {invitation.attachments.map((a) => a.label).join(', ')}
        </Typography>
      )}
      {done &&
        invitation.provider === 'Candor' &&
        (canScore ? (
          <ScoreForm invitation={invitation} onSaved={onChanged} />
        ) : (
          invitation.questions.map((q, i) => (
            <Box key={q.id} sx={{ mt: 1 }}>
              <Typography variant="subtitle2" component="h4">
                Question {i + 1}: {q.prompt}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{q.answer ?? 'No answer'}</Typography>
            </Box>
          ))
        ))}
      {canManage && (invitation.status === 'invited' || invitation.status === 'started') && (
        <Button size="small" onClick={withdraw} sx={{ mt: 1 }}>
          Withdraw the link
        </Button>
      )}
    </Box>
  );
}

/** The application page's assessments: send one, read the answers, score them against the rubric. */
export function ApplicationAssessments({
  applicationId,
  canManage,
  canScore,
  restricted,
}: {
  applicationId: string;
  canManage: boolean;
  canScore: boolean;
  restricted: boolean;
}) {
  const notify = useNotify();
  const invalidate = useInvalidateAssessments();
  const { data, isPending, error } = useQuery({
    queryKey: assessmentKeys.application(applicationId),
    queryFn: () => assessmentActions.forApplication(applicationId),
  });
  const [choice, setChoice] = useState('');
  const [sending, setSending] = useState(false);
  if (isPending) return <LoadingBlock label="Loading assessments" height={80} />;
  if (error || !data) return <Alert severity="error">Could not load the assessments.</Alert>;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    setSending(true);
    try {
      await assessmentActions.send({ applicationId, assessmentId: choice });
      notify('Assessment sent to the candidate', { type: 'success' });
      setChoice('');
      await invalidate();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Could not send', { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack spacing={2}>
      {data.invitations.length === 0 && (
        <Typography color="text.secondary">No assessment was sent for this application.</Typography>
      )}
      {data.invitations.map((invitation, i) => (
        <Box key={invitation.id}>
          {i > 0 && <Divider sx={{ mb: 2 }} />}
          <InvitationItem
            invitation={invitation}
            canManage={canManage}
            canScore={canScore && !restricted}
            onChanged={() => void invalidate()}
          />
        </Box>
      ))}
      {canManage && !restricted && (
        <Box component="form" onSubmit={send} aria-label="Send an assessment">
          {data.available.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No assessments yet: write one on a job’s Assessments tab.
            </Typography>
          ) : (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField
                select
                size="small"
                label="Assessment to send"
                value={choice}
                onChange={(e) => setChoice(e.target.value)}
                sx={{ minWidth: 220 }}
              >
                {data.available.map((a) => (
                  <MenuItem key={a.id} value={a.id}>
                    {a.title}
                  </MenuItem>
                ))}
              </TextField>
              <Button type="submit" variant="outlined" disabled={!choice || sending}>
                Send
              </Button>
            </Stack>
          )}
        </Box>
      )}
    </Stack>
  );
}
