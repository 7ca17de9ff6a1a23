import { ASSESSMENT_KIND_LABELS, type TAssessment, type TAssessmentKind } from '@candor/schemas';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { assessmentActions, assessmentKeys, useAssessments, useInvalidateAssessments } from './actions';

type CriterionDraft = { id?: string; name: string; maxPoints: string };
type QuestionDraft = { id?: string; prompt: string; modelAnswer: string; criteria: CriterionDraft[] };

const emptyQuestion = (): QuestionDraft => ({
  prompt: '',
  modelAnswer: '',
  criteria: [{ name: '', maxPoints: '5' }],
});

function AssessmentForm({ existing, onDone }: { existing: TAssessment | null; onDone: () => void }) {
  const notify = useNotify();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [kind, setKind] = useState<TAssessmentKind>(existing?.kind ?? 'questionnaire');
  const [instructions, setInstructions] = useState(existing?.instructions ?? '');
  const [limit, setLimit] = useState(existing?.timeLimitMinutes ? String(existing.timeLimitMinutes) : '');
  const [attachments, setAttachments] = useState(existing?.allowAttachments ?? false);
  const [questions, setQuestions] = useState<QuestionDraft[]>(
    existing?.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      modelAnswer: q.modelAnswer ?? '',
      criteria: q.criteria.map((c) => ({ id: c.id, name: c.name, maxPoints: String(c.maxPoints) })),
    })) ?? [emptyQuestion()],
  );
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setQuestion = (i: number, patch: Partial<QuestionDraft>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setError('Give the assessment a title');
    if (questions.some((q) => !q.prompt.trim() || q.criteria.some((c) => !c.name.trim())))
      return setError('Every question needs its text and every criterion a name');
    const input = {
      title,
      kind,
      instructions,
      timeLimitMinutes: limit.trim() ? Number(limit) : null,
      allowAttachments: attachments,
      providerId: existing?.providerId ?? null,
      questions: questions.map((q) => ({
        ...(q.id ? { id: q.id } : {}),
        prompt: q.prompt,
        modelAnswer: q.modelAnswer || null,
        criteria: q.criteria.map((c) => ({
          ...(c.id ? { id: c.id } : {}),
          name: c.name,
          maxPoints: Number(c.maxPoints),
        })),
      })),
    };
    setSubmitting(true);
    setError(null);
    try {
      if (existing) await assessmentActions.update({ ...input, id: existing.id });
      else await assessmentActions.create(input);
      notify(existing ? 'Assessment saved' : 'Assessment created', { type: 'success' });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not save');
      setSubmitting(false);
    }
  };
  return (
    <DialogForm
      title={existing ? `Edit ${existing.title}` : 'New assessment'}
      error={error}
      submitLabel="Save assessment"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onDone}
    >
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      <TextField
        select
        label="Kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as TAssessmentKind)}
      >
        {Object.entries(ASSESSMENT_KIND_LABELS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Instructions for the candidate"
        value={instructions}
        onChange={(e) => setInstructions(e.target.value)}
        multiline
        minRows={3}
      />
      <TextField
        label="Time limit in minutes"
        helperText="Leave empty for no limit; the clock starts when the candidate presses Start."
        type="number"
        value={limit}
        onChange={(e) => setLimit(e.target.value)}
        slotProps={{ htmlInput: { min: 1 } }}
      />
      <FormControlLabel
        control={<Checkbox checked={attachments} onChange={(e) => setAttachments(e.target.checked)} />}
        label="The candidate may add a file"
      />
      {questions.map((q, i) => (
        <Box
          key={q.id ?? `new-${i}`}
          component="fieldset"
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
        >
          <Typography component="legend" sx={{ px: 0.5, fontWeight: 600 }}>
            Question {i + 1}
          </Typography>
          <Stack spacing={1.5}>
            <TextField
              label={`Question ${i + 1}`}
              value={q.prompt}
              onChange={(e) => setQuestion(i, { prompt: e.target.value })}
              multiline
              required
            />
            <TextField
              label="Model answer (for reviewers)"
              value={q.modelAnswer}
              onChange={(e) => setQuestion(i, { modelAnswer: e.target.value })}
              multiline
            />
            {q.criteria.map((c, k) => (
              <Stack key={c.id ?? `c-${k}`} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <TextField
                  label={`Criterion ${k + 1}`}
                  size="small"
                  fullWidth
                  value={c.name}
                  onChange={(e) =>
                    setQuestion(i, {
                      criteria: q.criteria.map((x, m) => (m === k ? { ...x, name: e.target.value } : x)),
                    })
                  }
                />
                <TextField
                  label="Max points"
                  size="small"
                  type="number"
                  value={c.maxPoints}
                  sx={{ width: 130 }}
                  slotProps={{ htmlInput: { min: 1, max: 100 } }}
                  onChange={(e) =>
                    setQuestion(i, {
                      criteria: q.criteria.map((x, m) => (m === k ? { ...x, maxPoints: e.target.value } : x)),
                    })
                  }
                />
                <IconButton
                  aria-label={`Remove criterion ${k + 1} of question ${i + 1}`}
                  disabled={q.criteria.length === 1}
                  onClick={() => setQuestion(i, { criteria: q.criteria.filter((_, m) => m !== k) })}
                >
                  <DeleteOutlineIcon />
                </IconButton>
              </Stack>
            ))}
            <Stack direction="row" spacing={1}>
              <Button
                size="small"
                onClick={() => setQuestion(i, { criteria: [...q.criteria, { name: '', maxPoints: '5' }] })}
              >
                Add a criterion
              </Button>
              {questions.length > 1 && (
                <Button
                  size="small"
                  color="error"
                  onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                >
                  Remove question {i + 1}
                </Button>
              )}
            </Stack>
          </Stack>
        </Box>
      ))}
      <Button onClick={() => setQuestions((qs) => [...qs, emptyQuestion()])}>Add a question</Button>
    </DialogForm>
  );
}

/** A job's Assessments tab: which stage sends which assessment, and the tenant's assessments to write and edit. */
export function JobAssessments({ jobId, canManage }: { jobId: string; canManage: boolean }) {
  const notify = useNotify();
  const invalidate = useInvalidateAssessments();
  const assessments = useAssessments(canManage);
  const stages = useQuery({
    queryKey: assessmentKeys.job(jobId),
    queryFn: () => assessmentActions.stagesOfJob(jobId),
    enabled: canManage,
  });
  const [editing, setEditing] = useState<TAssessment | 'new' | null>(null);
  if (!canManage) return <Typography>Only recruiters and admins manage assessments.</Typography>;
  if (assessments.isPending || stages.isPending)
    return <LoadingBlock label="Loading assessments" height={120} />;
  if (assessments.error || stages.error || !assessments.data || !stages.data)
    return <Alert severity="error">Could not load the assessments.</Alert>;
  const save = async (stageId: string, assessmentId: string | null, autoSend: boolean) => {
    try {
      await assessmentActions.setStage({ stageId, assessmentId, autoSend });
      notify('Stage saved', { type: 'success' });
      await invalidate();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Could not save', { type: 'error' });
    }
  };
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Section
        variant="outlined"
        title="Assessments by stage"
        hint="An application entering the stage is sent its assessment by email (unless sending is by hand, from the application page)."
      >
        <Stack spacing={2}>
          {stages.data.map((stage) => (
            <Stack
              key={stage.stageId}
              direction={{ xs: 'column', sm: 'row' }}
              spacing={2}
              sx={{ alignItems: { sm: 'center' } }}
            >
              <TextField
                select
                size="small"
                label={`Assessment for ${stage.stageName}`}
                value={stage.assessmentId ?? ''}
                onChange={(e) => void save(stage.stageId, e.target.value || null, true)}
                sx={{ minWidth: 280 }}
              >
                <MenuItem value="">None</MenuItem>
                {assessments.data.map((a) => (
                  <MenuItem key={a.id} value={a.id}>
                    {a.title}
                  </MenuItem>
                ))}
              </TextField>
              {stage.assessmentId && (
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={stage.autoSend}
                      onChange={(e) => void save(stage.stageId, stage.assessmentId, e.target.checked)}
                    />
                  }
                  label={`Send automatically on entering ${stage.stageName}`}
                />
              )}
            </Stack>
          ))}
        </Stack>
      </Section>
      <Section variant="outlined" title="The company’s assessments">
        <Stack spacing={1.5}>
          {assessments.data.length === 0 && (
            <Typography color="text.secondary">
              No assessments yet. Write a questionnaire or a take-home task.
            </Typography>
          )}
          {assessments.data.map((a) => (
            <Stack key={a.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Box sx={{ flex: 1 }}>
                <Typography sx={{ fontWeight: 600 }}>{a.title}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {ASSESSMENT_KIND_LABELS[a.kind]} · {a.questions.length}{' '}
                  {a.questions.length === 1 ? 'question' : 'questions'} · {a.maxPoints} points ·{' '}
                  {a.timeLimitMinutes ? `${a.timeLimitMinutes} minutes` : 'no time limit'}
                  {a.usedBy.length ? ` · used by ${a.usedBy.join(', ')}` : ''}
                </Typography>
              </Box>
              <Button size="small" onClick={() => setEditing(a)} aria-label={`Edit ${a.title}`}>
                Edit
              </Button>
            </Stack>
          ))}
          <Box>
            <Button variant="outlined" onClick={() => setEditing('new')}>
              New assessment
            </Button>
          </Box>
        </Stack>
      </Section>
      <FormDialog open={editing !== null} onClose={() => setEditing(null)} maxWidth="md">
        <AssessmentForm
          existing={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            void invalidate();
          }}
        />
      </FormDialog>
    </Stack>
  );
}
