import { candidateLabel, JOB_STATUSES, type TJobStatus } from '@candor/schemas';
import ListAltIcon from '@mui/icons-material/ListAlt';
import WorkOutlineIcon from '@mui/icons-material/WorkOutlineOutlined';
import { Alert, Box, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Title, usePermissions } from 'react-admin';
import { Link as RouterLink, useParams } from 'react-router';
import { type CandorPermissions, hasPermission } from '../../../access';
import type { StageRef } from '../../../components/MoveMenu';
import { NotFoundView } from '../../../components/NotFound';
import { RejectDialog } from '../../../components/RejectDialog';
import { JobStatusChip } from '../../../components/StatusChips';
import { BoardColumn } from './BoardColumn';
import type { BoardCard } from './boardState';
import { canMove } from './boardState';
import { useBoard } from './useBoard';

function isJobStatus(value: string): value is TJobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

function BoardSkeleton() {
  return (
    <Stack direction="row" spacing={2} aria-busy="true" aria-label="Loading the board">
      {[0, 1, 2, 3, 4].map((column) => (
        <Skeleton key={column} variant="rounded" width={256} height={360} />
      ))}
    </Stack>
  );
}

/**
 * The pipeline board of one job (#/jobs/:id/board): a column per stage with
 * its count; drag a card to move it, or use the card's "Move to…" menu.
 * Dropping on the rejected stage asks for a reason first.
 */
export function JobBoard() {
  const { id = '' } = useParams<{ id: string }>();
  const { permissions } = usePermissions<CandorPermissions>();
  const canManage = hasPermission(permissions, 'applications.manage');
  const { board, move, reject } = useBoard(id);
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [rejecting, setRejecting] = useState<{ card: BoardCard; stage: StageRef } | null>(null);

  const pick = (card: BoardCard, stage: StageRef) => {
    if (!canMove(card, stage)) return;
    if (stage.kind === 'rejected') setRejecting({ card, stage });
    else move.mutate({ card, stage });
  };

  if (board.isError) {
    return <NotFoundView what="job" listPath="/jobs" listLabel="Back to jobs" error={board.error} />;
  }

  const data = board.data;
  const stages = data?.columns.map((column) => column.stage) ?? [];
  const total = data?.columns.reduce((sum, column) => sum + column.count, 0) ?? 0;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={data ? `Board: ${data.job.title}` : 'Board'} />
      <Card sx={{ mb: 2 }}>
        <CardContent
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', '&:last-child': { pb: 2 } }}
        >
          <Box sx={{ flex: 1, minWidth: 240 }}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              <Typography variant="h5" component="h1">
                {data ? data.job.title : <Skeleton width={240} />}
              </Typography>
              {data && isJobStatus(data.job.status) && <JobStatusChip status={data.job.status} />}
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {data ? `${total} application${total === 1 ? '' : 's'} in ${stages.length} stages` : ' '}
              {canManage && data ? ' · drag a card to another stage, or use its "Move to…" button' : ''}
            </Typography>
          </Box>
          <Button component={RouterLink} to={`/jobs/${id}/show`} label="Job details" variant="outlined">
            <WorkOutlineIcon />
          </Button>
          <Button
            component={RouterLink}
            to={{
              pathname: '/applications',
              search: `?filter=${encodeURIComponent(JSON.stringify({ jobId: id }))}`,
            }}
            label="List view"
            variant="outlined"
          >
            <ListAltIcon />
          </Button>
        </CardContent>
      </Card>
      {data?.job.status === 'draft' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          This job is a draft: publish it to receive applications from the careers site.
        </Alert>
      )}
      {board.isPending || !data ? (
        <BoardSkeleton />
      ) : (
        <Box
          // As tall as the window: each column scrolls on its own, and the sideways scrollbar stays in view.
          sx={{
            display: 'flex',
            gap: 2,
            overflowX: 'auto',
            pb: 1,
            alignItems: 'stretch',
            height: { md: 'calc(100vh - 200px)' },
            minHeight: 420,
          }}
          role="region"
          aria-label={`Pipeline of ${data.job.title}`}
          // The region scrolls sideways; keyboard users need to reach it to scroll it.
          tabIndex={0}
        >
          {data.columns.map((column) => (
            <BoardColumn
              key={column.stage.id}
              jobId={id}
              stage={column.stage}
              count={column.count}
              cards={column.cards}
              stages={stages}
              canManage={canManage}
              dragging={dragging}
              onPick={pick}
              onDragStart={setDragging}
              onDragEnd={() => setDragging(null)}
            />
          ))}
        </Box>
      )}
      <RejectDialog
        open={rejecting !== null}
        subject={rejecting ? candidateLabel(rejecting.card.candidate) : ''}
        onClose={() => setRejecting(null)}
        onSubmit={(values) =>
          rejecting
            ? reject.mutateAsync({ card: rejecting.card, stage: rejecting.stage, values })
            : Promise.resolve()
        }
      />
    </Box>
  );
}
