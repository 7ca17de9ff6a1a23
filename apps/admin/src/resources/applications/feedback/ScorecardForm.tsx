import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type TInterview,
  type TRecommendation,
} from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useNotify } from 'react-admin';
import { useSearchParams } from 'react-router';
import { IN_CANDIDATE_COPY } from '../../../lib/labels';
import { BROWSER_ZONE, useMyTimeZone } from '../../../lib/myCalendar';
import { toHttpError } from '../../../providers/errors';
import { useCandorDataProvider } from '../../../providers/useCandorDataProvider';
import { interviewTimeLabel } from '../Interviews';
import { type Criterion, RatingInput } from './RatingInput';

export function ScorecardForm({
  interviews,
  criteria,
  onSubmitted,
}: {
  interviews: TInterview[];
  criteria: Criterion[];
  onSubmitted: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const { timeZone = BROWSER_ZONE } = useMyTimeZone();
  const notify = useNotify();
  const recommendationLabelId = useId();
  // A "scorecard due" notification links here with ?scorecard=<interview>: that interview, and the form in view.
  const [searchParams] = useSearchParams();
  const linked = interviews.find((interview) => interview.id === searchParams.get('scorecard'));
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (linked) formRef.current?.scrollIntoView({ block: 'start' });
  }, [linked]);
  const [interviewId, setInterviewId] = useState(linked?.id ?? interviews[0]?.id ?? '');
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
      ref={formRef}
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
                {interview.title} · {interviewTimeLabel(interview, timeZone)}
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
            startIcon={submitting ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
          >
            Submit scorecard
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
