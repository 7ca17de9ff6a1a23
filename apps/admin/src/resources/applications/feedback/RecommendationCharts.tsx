import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type TRecommendation,
  type TScorecardSummary,
} from '@candor/schemas';
import { Box, Stack, Typography } from '@mui/material';

const BAR_COLORS: Record<TRecommendation, string> = {
  strong_no: 'error.main',
  no: 'warning.main',
  yes: 'success.light',
  strong_yes: 'success.dark',
};

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
export function RecommendationChart({ summary }: { summary: TScorecardSummary }) {
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

export function CriteriaAverages({ summary }: { summary: TScorecardSummary }) {
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
