import type { TApplicationListItem, TBoard } from '@candor/schemas';
import BlockIcon from '@mui/icons-material/Block';
import { Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useUnselectAll } from 'react-admin';
import { MoveMenu } from '../../components/MoveMenu';
import { RejectDialog } from '../../components/RejectDialog';
import { plural } from '../../lib/plural';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { BulkEmailButton } from '../messages/BulkEmailButton';
import { useFilteredJob } from './useJobStages';

type Stage = TBoard['columns'][number]['stage'];

/** "Moved 3 applications to Interview; 1 skipped (withdrawn or already there)". */
export function bulkResultMessage(done: string, skipped: number, skippedWhy: string) {
  return skipped > 0 ? `${done}; ${skipped} skipped (${skippedWhy})` : done;
}

function useAfterBulk() {
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('applications');
  return () => {
    unselectAll();
    refresh();
  };
}

/** Moving in bulk needs the job (stages are per job), so it works while the list is filtered by one. */
function BulkMoveButton() {
  const { selectedIds } = useListContext();
  const { jobId, job } = useFilteredJob();
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const after = useAfterBulk();
  const move = useMutation({
    mutationFn: (stage: Stage) =>
      dataProvider.moveApplications({ ids: selectedIds.map(String), stageId: stage.id }),
    onSuccess: (result, stage) => {
      const withdrawn = result.rejectionEmailsWithdrawn;
      const done = `Moved ${plural(result.updated, 'application')} to ${stage.name}${withdrawn > 0 ? ` (${plural(withdrawn, 'pending rejection email')} will not be sent)` : ''}`;
      notify(bulkResultMessage(done, result.skipped, 'withdrawn or already there'), { type: 'success' });
      after();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!jobId) {
    return (
      <Tooltip title="Filter the list by a job to move applications between its stages" describeChild>
        <span>
          <Button label="Move to stage" disabled />
        </span>
      </Tooltip>
    );
  }
  return (
    <MoveMenu
      stages={(job?.stages ?? []).filter((stage) => stage.kind !== 'rejected')}
      label={`Move ${plural(selectedIds.length, 'selected application')} to a stage`}
      disabled={!job || move.isPending}
      onPick={(stage) => move.mutate(stage)}
    />
  );
}

function BulkRejectButton() {
  const { selectedIds } = useListContext();
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const after = useAfterBulk();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="Reject" color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <RejectDialog
        open={open}
        subject={plural(selectedIds.length, 'application')}
        onClose={() => setOpen(false)}
        onSubmit={async (values) => {
          const result = await dataProvider.rejectApplications({ ids: selectedIds.map(String), ...values });
          const done = `Rejected ${plural(result.updated, 'application')}`;
          notify(bulkResultMessage(done, result.skipped, 'not active any more'), { type: 'success' });
          after();
        }}
      />
    </>
  );
}

/** Email the selected candidates; the selection is kept, so the result can be checked against it. */
function BulkEmail() {
  const { selectedIds, data } = useListContext<TApplicationListItem>();
  const ids = selectedIds.map(String);
  const selected = new Set(ids);
  return (
    <BulkEmailButton applications={(data ?? []).filter((a) => selected.has(a.id))} applicationIds={ids} />
  );
}

export function ApplicationBulkActions() {
  const { selectedIds } = useListContext();
  // react-admin keeps its bulk toolbar mounted but collapsed over the column headers; buttons in it
  // would still count as click targets there (WCAG target size), so they exist only with a selection.
  if (selectedIds.length === 0) return null;
  return (
    <>
      <BulkMoveButton />
      <BulkEmail />
      <BulkRejectButton />
    </>
  );
}
