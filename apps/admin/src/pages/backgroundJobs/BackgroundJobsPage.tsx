import type { TBackgroundJob, TBackgroundJobList, TBackgroundJobState } from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Chip,
  type ChipProps,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useNotify } from 'react-admin';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { dateTimeLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { toHttpError } from '../../providers/errors';
import { backgroundJobsApi } from './backgroundJobsApi';
import { UnfiledApplications } from './UnfiledApplications';

export const BACKGROUND_JOBS_KEY = ['backgroundJobs'] as const;
const POLL_MS = 5_000;

const STATE_LABELS: Record<TBackgroundJobState, { label: string; color: ChipProps['color'] }> = {
  created: { label: 'Queued', color: 'default' },
  retry: { label: 'Waiting to retry', color: 'warning' },
  active: { label: 'Running', color: 'info' },
  completed: { label: 'Completed', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

const RUNNER_TEXT: Record<TBackgroundJobList['runner'], string> = {
  'pg-boss':
    'Jobs run on a queue in the PostgreSQL database: each scheduled job runs once per interval across all instances, and a failed one is retried with growing waits.',
  'in-process':
    'Jobs run inside the API process (SQLite). Their history is kept in memory and starts again empty after a restart.',
  off: 'No job queue is running in this process.',
};

/** "every 2 s", "every hour" ... */
export function scheduleLabel(everySeconds: number | null): string {
  if (everySeconds === null) return 'When needed';
  if (everySeconds % 3600 === 0)
    return everySeconds === 3600 ? 'Every hour' : `Every ${everySeconds / 3600} hours`;
  if (everySeconds % 60 === 0)
    return everySeconds === 60 ? 'Every minute' : `Every ${everySeconds / 60} minutes`;
  return `Every ${everySeconds} s`;
}

function StateChip({ state }: { state: TBackgroundJobState }) {
  const { label, color } = STATE_LABELS[state];
  return (
    <Chip size="small" color={color} variant={state === 'completed' ? 'outlined' : 'filled'} label={label} />
  );
}

function JobRow({
  job,
  label,
  onRetry,
  retrying,
}: {
  job: TBackgroundJob;
  label: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const when = job.finishedAt ?? job.startedAt ?? job.startAfter ?? job.createdAt;
  return (
    <TableRow hover>
      <TableCell>
        <Typography variant="body2">{label}</Typography>
        <Typography variant="caption" color="text.secondary">
          {job.ownTenant ? 'This organisation' : 'All organisations'}
        </Typography>
      </TableCell>
      <TableCell>
        <StateChip state={job.state} />
      </TableCell>
      <TableCell align="right">
        {job.retryCount + 1} of {job.retryLimit + 1}
      </TableCell>
      <TableCell>{dateTimeLabel(when)}</TableCell>
      <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>
        {job.error ? (
          <Typography variant="body2" color={job.state === 'failed' ? 'error' : 'text.secondary'}>
            {job.error}
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            —
          </Typography>
        )}
      </TableCell>
      <TableCell align="right">
        {job.state === 'failed' && (
          <Button
            size="small"
            variant="outlined"
            onClick={onRetry}
            disabled={retrying}
            aria-label={`Retry ${label}`}
          >
            Retry
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

function JobsLoaded({ data }: { data: TBackgroundJobList }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const retry = useMutation({
    mutationFn: (id: string) => backgroundJobsApi.retry(id),
    onSuccess: () => notify('The job is queued again', { type: 'success' }),
    onError: (error) => notify(`Could not retry the job: ${toHttpError(error).message}`, { type: 'error' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: BACKGROUND_JOBS_KEY }),
  });
  const labelOf = (name: string) => data.queues.find((q) => q.name === name)?.label ?? name;
  return (
    <>
      <Alert severity="info">{RUNNER_TEXT[data.runner]}</Alert>
      <Section
        title="Kinds of job"
        hint="What runs in the background, how often, and how many are waiting, running or failed."
      >
        {data.queues.length === 0 ? (
          <EmptyState title="No background jobs here" hint="This process runs no job queue." />
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Kinds of background job">
              <TableHead>
                <TableRow>
                  <TableCell>Job</TableCell>
                  <TableCell>Runs</TableCell>
                  <TableCell>For</TableCell>
                  <TableCell align="right">Queued</TableCell>
                  <TableCell align="right">Running</TableCell>
                  <TableCell align="right">Failed</TableCell>
                  <TableCell>Last completed</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.queues.map((q) => (
                  <TableRow key={q.name} hover>
                    <TableCell>{q.label}</TableCell>
                    <TableCell>{scheduleLabel(q.everySeconds)}</TableCell>
                    <TableCell>{q.perTenant ? 'Each organisation' : 'All organisations'}</TableCell>
                    <TableCell align="right">{q.queued}</TableCell>
                    <TableCell align="right">{q.running}</TableCell>
                    <TableCell
                      align="right"
                      sx={q.failed > 0 ? { color: 'error.main', fontWeight: 600 } : undefined}
                    >
                      {q.failed}
                    </TableCell>
                    <TableCell>{q.lastCompletedAt ? dateTimeLabel(q.lastCompletedAt) : 'Not yet'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Section>
      <Section
        title="Recent jobs"
        hint="Queued, running and failed jobs, and the last few completed of each kind. A failed job was retried with growing waits before it was given up; Retry runs it once more."
      >
        {data.jobs.length === 0 ? (
          <EmptyState title="No jobs yet" hint="Scheduled jobs appear here once they have been queued." />
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Recent background jobs">
              <TableHead>
                <TableRow>
                  <TableCell>Job</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell align="right">Attempt</TableCell>
                  <TableCell>When</TableCell>
                  <TableCell>Error</TableCell>
                  <TableCell align="right">
                    <Box component="span" sx={visuallyHidden}>
                      Actions
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.jobs.map((job) => (
                  <JobRow
                    key={job.id}
                    job={job}
                    label={labelOf(job.name)}
                    retrying={retry.isPending && retry.variables === job.id}
                    onRetry={() => retry.mutate(job.id)}
                  />
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Section>
    </>
  );
}

/** The background jobs of the organisation and the global ones, for owners and admins (settings.manage). */
export function BackgroundJobsPage() {
  const { data, isPending, error } = useQuery({
    queryKey: BACKGROUND_JOBS_KEY,
    queryFn: () => backgroundJobsApi.list(),
    refetchInterval: POLL_MS,
  });
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 1200 }}>
      <Title title="Background jobs" />
      <Box>
        <Typography variant="h5" component="h1">
          Background jobs
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Emails, careers-site updates, retention, notifications and search indexing run in the background.
        </Typography>
      </Box>
      <UnfiledApplications />
      {isPending ? (
        <Stack spacing={2} aria-busy="true" aria-label="Loading background jobs">
          <Skeleton variant="rectangular" height={48} />
          <Skeleton variant="rectangular" height={240} />
        </Stack>
      ) : error ? (
        <Alert severity="error">Could not load the background jobs: {toHttpError(error).message}</Alert>
      ) : (
        <JobsLoaded data={data} />
      )}
    </Stack>
  );
}
