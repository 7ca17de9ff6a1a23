import type { TRetentionRun } from '@candor/schemas';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Collapse,
  IconButton,
  LinearProgress,
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
import { Fragment, useState } from 'react';
import { useNotify } from 'react-admin';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { dateTimeLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { RequestDialog } from '../../resources/privacyRequests/RequestDialog';
import { RETENTION_POLICY_KEY, RETENTION_RUNS_KEY } from './retentionDraft';

const POLL_MS = 5_000;

function RunRow({
  run,
  ruleLabel,
  ruleRank,
}: {
  run: TRetentionRun;
  ruleLabel: (id: string) => string;
  ruleRank: (id: string) => number;
}) {
  const [open, setOpen] = useState(false);
  const running = run.finishedAt === null;
  const detailsId = `retention-run-${run.id}`;
  // In the policy's order: PostgreSQL's jsonb does not keep the keys' order.
  const perRule = Object.entries(run.rules).sort(([a], [b]) => ruleRank(a) - ruleRank(b));
  return (
    <Fragment>
      <TableRow hover>
        <TableCell>{dateTimeLabel(run.startedAt)}</TableCell>
        <TableCell sx={{ minWidth: 140 }}>
          {running ? (
            <Box>
              <Typography variant="body2">Running…</Typography>
              <LinearProgress aria-label="Run in progress" sx={{ mt: 0.5 }} />
            </Box>
          ) : (
            dateTimeLabel(run.finishedAt ?? run.startedAt)
          )}
        </TableCell>
        <TableCell>
          {run.dryRun ? (
            <Chip size="small" variant="outlined" label="Dry run" />
          ) : (
            <Chip size="small" color="primary" label="Run" />
          )}
        </TableCell>
        <TableCell align="right">
          {run.policyVersion === 0 ? 'Defaults' : `Version ${run.policyVersion}`}
        </TableCell>
        <TableCell align="right">{run.found}</TableCell>
        <TableCell align="right">{run.done}</TableCell>
        <TableCell align="right">{run.skippedHold}</TableCell>
        <TableCell align="right" sx={run.failed > 0 ? { color: 'error.main', fontWeight: 600 } : undefined}>
          {run.failed}
        </TableCell>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={`${open ? 'Hide' : 'Show'} the counts per rule of the run started ${dateTimeLabel(run.startedAt)}`}
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((o) => !o)}
            disabled={perRule.length === 0}
          >
            {open ? <KeyboardArrowUpIcon fontSize="small" /> : <KeyboardArrowDownIcon fontSize="small" />}
          </IconButton>
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={9} sx={{ py: 0, borderBottom: open ? undefined : 'none' }}>
          <Collapse in={open} unmountOnExit id={detailsId}>
            <Table size="small" aria-label="Counts per rule" sx={{ my: 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>Rule</TableCell>
                  <TableCell align="right">Found</TableCell>
                  <TableCell align="right">{run.dryRun ? 'Would act' : 'Done'}</TableCell>
                  <TableCell align="right">Skipped (hold)</TableCell>
                  <TableCell align="right">Failed</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {perRule.map(([id, counts]) => (
                  <TableRow key={id}>
                    <TableCell>{ruleLabel(id)}</TableCell>
                    <TableCell align="right">{counts.found}</TableCell>
                    <TableCell align="right">{counts.done}</TableCell>
                    <TableCell align="right">{counts.skippedHold}</TableCell>
                    <TableCell align="right">{counts.failed}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** The sweep's recent runs, refreshed while one is running, and the buttons to start one now. */
export function RetentionRunsSection() {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);

  const runNow = useMutation({
    mutationFn: (dryRun: boolean) => dataProvider.runRetentionNow({ dryRun }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: RETENTION_RUNS_KEY }),
    onSuccess: (run) =>
      notify(
        run.dryRun
          ? `Dry run finished: ${run.found} due, ${run.done} would be acted on, ${run.skippedHold} kept by a legal hold`
          : `Run finished: ${run.done} done, ${run.skippedHold} skipped under a legal hold, ${run.failed} failed`,
        { type: run.failed > 0 ? 'warning' : 'success' },
      ),
  });

  const runs = useQuery({
    queryKey: RETENTION_RUNS_KEY,
    queryFn: () => dataProvider.retentionRuns(20),
    // A run started here or by the hourly worker shows its progress.
    refetchInterval: (query) =>
      runNow.isPending || (query.state.data ?? []).some((run) => run.finishedAt === null) ? POLL_MS : false,
  });
  // The same query as the rules editor's: shared from the cache, for the rules' labels.
  const policy = useQuery({ queryKey: RETENTION_POLICY_KEY, queryFn: () => dataProvider.retentionPolicy() });
  const ruleLabel = (id: string) => policy.data?.current.policy.rules.find((r) => r.id === id)?.label ?? id;
  const ruleRank = (id: string) => {
    const rank = policy.data?.current.policy.rules.findIndex((r) => r.id === id) ?? -1;
    return rank === -1 ? Number.MAX_SAFE_INTEGER : rank;
  };

  const running = runNow.isPending || (runs.data ?? []).some((run) => run.finishedAt === null);

  return (
    <Section
      id="retention-runs"
      title="Runs"
      hint="The sweep runs every hour in the background. A dry run counts what is due and changes nothing; a run anonymizes or erases it."
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button
          variant="outlined"
          onClick={() => runNow.mutate(true)}
          disabled={running}
          startIcon={
            runNow.isPending && runNow.variables ? (
              <CircularProgress size={16} color="inherit" aria-hidden />
            ) : undefined
          }
        >
          Dry run now
        </Button>
        <Button
          variant="contained"
          color="error"
          onClick={() => setConfirming(true)}
          disabled={running}
          startIcon={
            runNow.isPending && !runNow.variables ? (
              <CircularProgress size={16} color="inherit" aria-hidden />
            ) : undefined
          }
        >
          Run now
        </Button>
        {running && (
          <Typography variant="body2" color="text.secondary" role="status">
            A run is in progress…
          </Typography>
        )}
      </Stack>
      {runNow.error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          The run failed: {toHttpError(runNow.error).message}
        </Alert>
      )}
      {runs.isPending ? (
        <Stack spacing={1} aria-busy="true" aria-label="Loading the runs">
          <Skeleton variant="rectangular" height={36} />
          <Skeleton variant="rectangular" height={36} />
        </Stack>
      ) : runs.error ? (
        <Alert severity="error">Could not load the runs: {toHttpError(runs.error).message}</Alert>
      ) : runs.data.length === 0 ? (
        <EmptyState
          title="No runs yet"
          hint="The first hourly sweep, or a dry run started here, will show up here."
        />
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Recent runs">
            <TableHead>
              <TableRow>
                <TableCell>Started</TableCell>
                <TableCell>Finished</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell align="right">Policy</TableCell>
                <TableCell align="right">Found</TableCell>
                <TableCell align="right">Done</TableCell>
                <TableCell align="right">Skipped (hold)</TableCell>
                <TableCell align="right">Failed</TableCell>
                <TableCell padding="checkbox">
                  <Box component="span" sx={visuallyHidden}>
                    Details
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {runs.data.map((run) => (
                <RunRow key={run.id} run={run} ruleLabel={ruleLabel} ruleRank={ruleRank} />
              ))}
            </TableBody>
          </Table>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            In a dry run, “Done” is what would be done. Audit events are counted in the details, never
            deleted.
          </Typography>
        </Box>
      )}
      <RequestDialog
        open={confirming}
        title="Run the retention sweep now?"
        description={
          <>
            Everything due under the saved rules is anonymized or erased now, with its files and data keys.{' '}
            <strong>This cannot be undone.</strong> Data under a legal hold is skipped. Try a dry run first to
            see the counts.
          </>
        }
        submitLabel="Run now"
        color="error"
        confirmWord="RUN"
        onClose={() => setConfirming(false)}
        // Closes at once: the runs table shows the progress, the alert above it a failure.
        onSubmit={async () => runNow.mutate(false)}
      />
    </Section>
  );
}
