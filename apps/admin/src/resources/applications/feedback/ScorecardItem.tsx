import {
  RECOMMENDATION_LABELS,
  type TInterview,
  type TRecommendation,
  type TScorecard,
} from '@candor/schemas';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { dateTimeLabel } from '../../../lib/dates';

type ChipColor = 'error' | 'warning' | 'success' | 'default';

const RECOMMENDATION_COLORS: Record<TRecommendation, ChipColor> = {
  strong_no: 'error',
  no: 'warning',
  yes: 'success',
  strong_yes: 'success',
};

export function ScorecardItem({ scorecard, interview }: { scorecard: TScorecard; interview?: TInterview }) {
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
