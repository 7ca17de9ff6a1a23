import type { TUnfiledApplication } from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import { Section } from '../../components/Section';
import { dateTimeLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { toHttpError } from '../../providers/errors';
import { backgroundJobsApi } from './backgroundJobsApi';

export const UNFILED_KEY = ['backgroundJobs', 'unfiledApplications'] as const;
const POLL_MS = 5_000;

function StuckRow({
  row,
  onFileAgain,
  busy,
}: {
  row: TUnfiledApplication;
  onFileAgain: () => void;
  busy: boolean;
}) {
  return (
    <TableRow hover>
      <TableCell>{dateTimeLabel(row.receivedAt)}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.email}</TableCell>
      <TableCell>{row.jobTitle || '—'}</TableCell>
      <TableCell align="right">{row.attempts}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        <Typography variant="body2" color="error">
          {row.lastError ?? 'Unknown'}
        </Typography>
      </TableCell>
      <TableCell align="right">
        <Button
          size="small"
          variant="outlined"
          onClick={onFileAgain}
          disabled={busy}
          aria-label={`File the application from ${row.email} again`}
        >
          File again
        </Button>
      </TableCell>
    </TableRow>
  );
}

/**
 * Applications received on the careers site that are not filed yet (docs/applying.md): how many
 * are on their way, and those filing gave up on, which a person has filed again once the cause
 * (a full disk, an unreachable bucket) is fixed.
 */
export function UnfiledApplications() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { data, isPending, error } = useQuery({
    queryKey: UNFILED_KEY,
    queryFn: () => backgroundJobsApi.unfiledApplications(),
    refetchInterval: POLL_MS,
  });
  const fileAgain = useMutation({
    mutationFn: (id: string) => backgroundJobsApi.fileAgain(id),
    onSuccess: () => notify('The application will be filed again', { type: 'success' }),
    onError: (e) => notify(`Could not file it again: ${toHttpError(e).message}`, { type: 'error' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: UNFILED_KEY }),
  });
  return (
    <Section
      title="Applications not filed yet"
      hint="An application is answered as soon as it is received and filed in the background, usually within seconds. One that could not be filed after several attempts waits here: fix the cause given in the server log, then file it again."
    >
      {isPending ? (
        <Skeleton variant="rectangular" height={48} aria-label="Loading applications not filed yet" />
      ) : error ? (
        <Alert severity="error">
          Could not load the applications not filed yet: {toHttpError(error).message}
        </Alert>
      ) : (
        <>
          {data.waiting > 0 && (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {data.waiting === 1
                ? '1 application is being filed.'
                : `${data.waiting} applications are being filed.`}
            </Typography>
          )}
          {data.stuck.length === 0 ? (
            data.waiting === 0 && (
              <Typography variant="body2" color="success.main">
                Every application is filed: applications received on the careers site are all with their
                candidates.
              </Typography>
            )
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label="Applications filing gave up on">
                <TableHead>
                  <TableRow>
                    <TableCell>Received</TableCell>
                    <TableCell>Applicant</TableCell>
                    <TableCell>Job</TableCell>
                    <TableCell align="right">Attempts</TableCell>
                    <TableCell>Error</TableCell>
                    <TableCell align="right">
                      <Box component="span" sx={visuallyHidden}>
                        Actions
                      </Box>
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.stuck.map((row) => (
                    <StuckRow
                      key={row.id}
                      row={row}
                      busy={fileAgain.isPending && fileAgain.variables === row.id}
                      onFileAgain={() => fileAgain.mutate(row.id)}
                    />
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
        </>
      )}
    </Section>
  );
}
