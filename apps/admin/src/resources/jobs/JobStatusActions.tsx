import { JOB_TRANSITIONS, type TJob, type TJobStatus } from '@candor/schemas';
import ArchiveOutlinedIcon from '@mui/icons-material/ArchiveOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import PublishIcon from '@mui/icons-material/Publish';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, CircularProgress } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { Confirm, useNotify, useRefresh } from 'react-admin';
import { jobTransitionLabel } from '../../lib/labels';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

const ICONS: Record<TJobStatus, ReactElement> = {
  draft: <ReplayIcon />,
  open: <PublishIcon />,
  closed: <LockOutlinedIcon />,
  archived: <ArchiveOutlinedIcon />,
};

const DONE: Record<TJobStatus, string> = {
  draft: 'Job moved back to draft',
  open: 'Job published: it is on the careers site now',
  closed: 'Job closed: it no longer takes applications',
  archived: 'Job archived',
};

/** What each transition does, for the confirmation; publishing needs none. */
const CONFIRM: Partial<Record<TJobStatus, string>> = {
  closed:
    'The job leaves the careers site and takes no new applications. Candidates in the pipeline stay where they are; you can reopen it later.',
  archived: 'An archived job cannot be edited or reopened. Its applications stay readable for reporting.',
};

/** One button per status the job may move to (JOB_TRANSITIONS), e.g. Publish, Close, Reopen, Archive. */
export function JobStatusActions({ job }: { job: TJob }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState<TJobStatus | null>(null);
  const mutation = useMutation({
    mutationFn: (status: TJobStatus) => dataProvider.setJobStatus({ id: job.id, status }),
    onSuccess: (_, status) => {
      notify(DONE[status], { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  const run = (status: TJobStatus) => {
    if (CONFIRM[status]) setConfirming(status);
    else mutation.mutate(status);
  };

  return (
    <>
      {JOB_TRANSITIONS[job.status].map((status) => {
        const pending = mutation.isPending && mutation.variables === status;
        return (
          <Button
            key={status}
            size="small"
            variant={status === 'open' ? 'contained' : 'outlined'}
            color={status === 'archived' ? 'inherit' : 'primary'}
            startIcon={pending ? <CircularProgress size={16} color="inherit" aria-hidden /> : ICONS[status]}
            disabled={mutation.isPending}
            onClick={() => run(status)}
          >
            {jobTransitionLabel(job.status, status)}
          </Button>
        );
      })}
      <Confirm
        isOpen={confirming !== null}
        title={confirming ? `${jobTransitionLabel(job.status, confirming)} "${job.title}"?` : ''}
        content={confirming ? CONFIRM[confirming] : ''}
        confirm={confirming ? jobTransitionLabel(job.status, confirming) : 'Confirm'}
        onConfirm={() => {
          if (confirming) mutation.mutate(confirming);
          setConfirming(null);
        }}
        onClose={() => setConfirming(null)}
      />
    </>
  );
}
