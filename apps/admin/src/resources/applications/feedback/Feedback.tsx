import type { TApplication, TJob } from '@candor/schemas';
import { Alert, Box, Divider, Skeleton, Stack, Typography } from '@mui/material';
import { useGetOne } from 'react-admin';
import { useMe } from '../../../providers/authProvider';
import { DETAIL } from '../../../providers/detail';
import { toHttpError } from '../../../providers/errors';
import { useInterviews, useInvalidateApplication, useScorecards } from '../queries';
import { CriteriaAverages, RecommendationChart } from './RecommendationCharts';
import { ScorecardForm } from './ScorecardForm';
import { ScorecardItem } from './ScorecardItem';

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
  // No scorecards while the candidate restricts processing (the page's banner says why).
  const owed = (interviews.data ?? []).filter(
    (interview) =>
      application.candidate.restrictedAt === null &&
      interview.status === 'scheduled' &&
      interview.interviewers.some((person) => person.id === me?.userId && !person.submitted),
  );
  // The job only for its criteria' descriptions on the form: most who open the page owe no scorecard.
  const job = useGetOne<TJob>('jobs', { id: application.job.id, meta: DETAIL }, { enabled: owed.length > 0 });

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
