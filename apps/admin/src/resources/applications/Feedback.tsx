import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type TApplication,
  type TInterview,
  type TJob,
  type TRecommendation,
  type TScorecard,
  type TScorecardSummary,
} from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Divider,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Skeleton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { useGetOne, useNotify } from 'react-admin';
import { dateTimeLabel } from '../../lib/dates';
import { IN_CANDIDATE_COPY } from '../../lib/labels';
import { useMe } from '../../providers/authProvider';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { DETAIL } from '../../providers/detail';
import { toHttpError } from '../../providers/errors';
import { interviewTimeLabel } from './Interviews';
import { useInterviews, useInvalidateApplication, useScorecards } from './queries';

type ChipColor = 'error' | 'warning' | 'success' | 'default';

export const RECOMMENDATION_COLORS: Record<TRecommendation, ChipColor> = {
  strong_no: 'error',
  no: 'warning',
  yes: 'success',
  strong_yes: 'success',
};

const BAR_COLORS: Record<TRecommendation, string> = {
  strong_no: 'error.main',
  no: 'warning.main',
  yes: 'success.light',
  strong_yes: 'success.dark',
};

const RATING_LABELS = ['', 'Poor', 'Mixed', 'Good', 'Excellent'] as const;

function Bar({ value, max, color }: { value: number; max: number; color: string }) {
  return (
    <Box
      sx={{ flex: 1, height: 10, bgcolor: 'action.hover', borderRadius: 1, overflow: 'hidden' }}
      aria-hidden
    >
      <Box sx={{ width: `${max > 0 ? (value / max) * 100 : 0}%`, height: '100%', bgcolor: color }} />
    </Box>
  );
}

/** Recommendation counts as a small horizontal bar chart, readable as a list by screen readers. */
function RecommendationChart({ summary }: { summary: TScorecardSummary }) {
  const max = Math.max(1, ...RECOMMENDATIONS.map((r) => summary.recommendations[r] ?? 0));
  return (
    <Box component="ul" aria-label="Recommendations" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {[...RECOMMENDATIONS].reverse().map((recommendation) => {
        const count = summary.recommendations[recommendation] ?? 0;
        return (
          <Stack
            component="li"
            key={recommendation}
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', mb: 0.5 }}
          >
            <Typography variant="body2" sx={{ width: 88, flexShrink: 0 }}>
              {RECOMMENDATION_LABELS[recommendation]}
            </Typography>
            <Bar value={count} max={max} color={BAR_COLORS[recommendation]} />
            <Typography
              variant="body2"
              sx={{ width: 24, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
            >
              {count}
            </Typography>
          </Stack>
        );
      })}
    </Box>
  );
}

function CriteriaAverages({ summary }: { summary: TScorecardSummary }) {
  if (summary.criteria.length === 0) {
    return <Typography color="text.secondary">This job has no scorecard criteria.</Typography>;
  }
  return (
    <Box component="ul" aria-label="Average rating per criterion" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {summary.criteria.map((criterion) => (
        <Stack
          component="li"
          key={criterion.criterionId}
          direction="row"
          spacing={1}
          sx={{ alignItems: 'center', mb: 0.5 }}
        >
          <Typography variant="body2" sx={{ width: 140, flexShrink: 0, overflowWrap: 'anywhere' }}>
            {criterion.name}
          </Typography>
          <Bar value={criterion.average ?? 0} max={4} color="primary.main" />
          <Typography
            variant="body2"
            sx={{ width: 48, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
          >
            {criterion.average === null ? '–' : `${criterion.average.toFixed(1)}/4`}
          </Typography>
        </Stack>
      ))}
    </Box>
  );
}

function ScorecardItem({ scorecard, interview }: { scorecard: TScorecard; interview?: TInterview }) {
  return (
    <Box component="li">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" component="h4">
          {scorecard.author.name}
        </Typography>
        <Chip
          size="small"
          color={RECOMMENDATION_COLORS[scorecard.recommendation]}
          variant={scorecard.recommendation.startsWith('strong') ? 'filled' : 'outlined'}
          label={RECOMMENDATION_LABELS[scorecard.recommendation]}
        />
        <Typography variant="caption" color="text.secondary">
          {interview ? `${interview.title} · ` : ''}submitted {dateTimeLabel(scorecard.submittedAt)}
        </Typography>
      </Stack>
      {scorecard.ratings.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {scorecard.ratings.map((rating) => `${rating.name}: ${rating.rating}/4`).join(' · ')}
        </Typography>
      )}
      {scorecard.notes && (
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {scorecard.notes}
        </Typography>
      )}
    </Box>
  );
}

type Criterion = TJob['criteria'][number];

function ScorecardForm({
  interviews,
  criteria,
  onSubmitted,
}: {
  interviews: TInterview[];
  criteria: Criterion[];
  onSubmitted: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const recommendationLabelId = useId();
  const [interviewId, setInterviewId] = useState(interviews[0]?.id ?? '');
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [recommendation, setRecommendation] = useState<TRecommendation | ''>('');
  const [notes, setNotes] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    for (const criterion of criteria) {
      if (!ratings[criterion.id]) local[`rating.${criterion.id}`] = `Rate ${criterion.name}`;
    }
    if (!recommendation) local.recommendation = 'Pick a recommendation';
    if (Object.keys(local).length > 0 || !recommendation) {
      setErrors({ ...local, form: 'Rate every criterion and pick a recommendation.' });
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      await dataProvider.submitScorecard({
        interviewId,
        ratings: criteria.map((criterion) => ({
          criterionId: criterion.id,
          rating: ratings[criterion.id] ?? 0,
        })),
        recommendation,
        notes: notes.trim(),
      });
      notify('Scorecard submitted', { type: 'success' });
      onSubmitted();
    } catch (error) {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      setErrors({ form: httpError.message, notes: fields.notes, recommendation: fields.recommendation });
      setSubmitting(false);
    }
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="scorecard-form-title"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Typography id="scorecard-form-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Submit your scorecard
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        Rate from 1 (poor) to 4 (excellent). Your scorecard cannot be changed once submitted.
      </Typography>
      <Stack spacing={2} sx={{ mt: 1 }}>
        {errors.form && (
          <Alert severity="error" role="alert">
            {errors.form}
          </Alert>
        )}
        {interviews.length > 1 && (
          <TextField
            select
            label="Interview"
            value={interviewId}
            onChange={(event) => setInterviewId(event.target.value)}
            disabled={submitting}
          >
            {interviews.map((interview) => (
              <MenuItem key={interview.id} value={interview.id}>
                {interview.title} · {interviewTimeLabel(interview)}
              </MenuItem>
            ))}
          </TextField>
        )}
        {criteria.map((criterion) => (
          <RatingInput
            key={criterion.id}
            criterion={criterion}
            value={ratings[criterion.id]}
            error={errors[`rating.${criterion.id}`]}
            disabled={submitting}
            onChange={(rating) => {
              setRatings((current) => ({ ...current, [criterion.id]: rating }));
              setErrors((current) => ({ ...current, [`rating.${criterion.id}`]: undefined }));
            }}
          />
        ))}
        <FormControl error={Boolean(errors.recommendation)} disabled={submitting} required>
          <FormLabel id={recommendationLabelId}>Recommendation</FormLabel>
          <RadioGroup
            row
            aria-labelledby={recommendationLabelId}
            value={recommendation}
            onChange={(event) => {
              setRecommendation(event.target.value as TRecommendation);
              setErrors((current) => ({ ...current, recommendation: undefined }));
            }}
          >
            {RECOMMENDATIONS.map((value) => (
              <FormControlLabel
                key={value}
                value={value}
                control={<Radio />}
                label={RECOMMENDATION_LABELS[value]}
              />
            ))}
          </RadioGroup>
          {errors.recommendation && <FormHelperText>{errors.recommendation}</FormHelperText>}
        </FormControl>
        <TextField
          label="Notes"
          multiline
          minRows={3}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          error={Boolean(errors.notes)}
          helperText={
            errors.notes ?? `Evidence for your ratings. Visible to the hiring team. ${IN_CANDIDATE_COPY}`
          }
          disabled={submitting}
        />
        <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            type="submit"
            variant="contained"
            disabled={submitting}
            startIcon={submitting ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            Submit scorecard
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

function RatingInput({
  criterion,
  value,
  error,
  disabled,
  onChange,
}: {
  criterion: Criterion;
  value: number | undefined;
  error?: string;
  disabled: boolean;
  onChange: (rating: number) => void;
}) {
  const labelId = useId();
  return (
    <FormControl error={Boolean(error)} disabled={disabled} required>
      <FormLabel id={labelId}>{criterion.name}</FormLabel>
      {criterion.description && (
        <Typography variant="caption" color="text.secondary">
          {criterion.description}
        </Typography>
      )}
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={value === undefined ? '' : String(value)}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {[1, 2, 3, 4].map((rating) => (
          <FormControlLabel
            key={rating}
            value={String(rating)}
            control={<Radio size="small" />}
            label={`${rating} · ${RATING_LABELS[rating]}`}
          />
        ))}
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

/**
 * Scorecards of the application. Until the viewer has submitted their own,
 * the API hides the others' (and the counts say only how many exist), so
 * nobody is swayed; interviewers who owe a scorecard get the form here.
 */
export function Feedback({ application }: { application: TApplication }) {
  const { me } = useMe();
  const invalidate = useInvalidateApplication(application.id);
  const summary = useScorecards(application.id);
  const interviews = useInterviews(application.id);
  const job = useGetOne<TJob>('jobs', { id: application.job.id, meta: DETAIL });

  if (summary.isPending || interviews.isPending) {
    return (
      <Stack spacing={1} aria-busy="true" aria-label="Loading feedback">
        <Skeleton variant="text" width="50%" />
        <Skeleton variant="rectangular" height={60} />
      </Stack>
    );
  }
  if (summary.error || interviews.error) {
    return (
      <Alert severity="error">
        Could not load the feedback: {toHttpError(summary.error ?? interviews.error).message}
      </Alert>
    );
  }
  const data = summary.data;
  // No scorecards while the candidate restricts processing (the page's banner says why).
  const owed = interviews.data.filter(
    (interview) =>
      application.candidate.restrictedAt === null &&
      interview.status === 'scheduled' &&
      interview.interviewers.some((person) => person.id === me?.userId && !person.submitted),
  );
  const criteria =
    job.data?.criteria ?? data.criteria.map((c) => ({ id: c.criterionId, name: c.name, description: '' }));
  const interviewById = new Map(interviews.data.map((interview) => [interview.id, interview]));
  const count = `${data.submitted} scorecard${data.submitted === 1 ? '' : 's'} submitted`;

  return (
    <Stack spacing={2}>
      {owed.length > 0 &&
        (job.isPending ? (
          <Skeleton variant="rectangular" height={120} />
        ) : (
          <ScorecardForm
            key={owed.map((i) => i.id).join()}
            interviews={owed}
            criteria={criteria}
            onSubmitted={() => void invalidate()}
          />
        ))}
      {data.submitted === 0 ? (
        <Typography color="text.secondary">No scorecards submitted yet.</Typography>
      ) : !data.visible ? (
        <Alert severity="info" variant="outlined">
          {count} — submit yours to see them.
        </Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {count}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gap: 3,
              gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
            }}
          >
            <Box>
              <Typography variant="overline" component="h3" color="text.secondary">
                Recommendations
              </Typography>
              <RecommendationChart summary={data} />
            </Box>
            <Box>
              <Typography variant="overline" component="h3" color="text.secondary">
                Average ratings
              </Typography>
              <CriteriaAverages summary={data} />
            </Box>
          </Box>
          {data.scorecards.length > 0 && (
            <Stack
              component="ol"
              aria-label="Scorecards"
              spacing={1.5}
              divider={<Divider component="li" aria-hidden />}
              sx={{ listStyle: 'none', m: 0, p: 0 }}
            >
              {data.scorecards.map((scorecard) => (
                <ScorecardItem
                  key={scorecard.id}
                  scorecard={scorecard}
                  interview={interviewById.get(scorecard.interviewId)}
                />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
