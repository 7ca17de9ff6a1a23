import { dayOf, type TPrivacyRequest } from '@candor/schemas';
import DeleteForeverOutlinedIcon from '@mui/icons-material/DeleteForeverOutlined';
import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import MarkEmailReadOutlinedIcon from '@mui/icons-material/MarkEmailReadOutlined';
import { Alert, Box, Button, CircularProgress, Stack } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { downloadBase64 } from '../../download';
import { dayLabel } from '../../lib/dates';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { awaitingVerification, canAcknowledge, canComplete, canErase, canExport, canExtend } from './labels';
import { type DialogValues, RequestDialog } from './RequestDialog';

type DialogName = 'acknowledge' | 'verify' | 'start' | 'complete' | 'refuse' | 'extend' | 'erase';

/** The next steps a request allows, each behind a confirmation. */
export function RequestActionButtons({ request }: { request: TPrivacyRequest }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<DialogName | null>(null);
  const [downloading, setDownloading] = useState(false);
  const close = () => setOpen(null);
  const done = (message: string) => () => {
    notify(message, { type: 'success' });
    refresh();
  };

  const { id, status } = request;
  const transition = (values: Parameters<typeof dataProvider.transitionRequest>[0], message: string) =>
    dataProvider.transitionRequest(values).then(done(message));

  const download = async () => {
    setDownloading(true);
    try {
      const file = await dataProvider.requestExport(id);
      downloadBase64(file.filename, file.contentBase64, 'application/zip');
      notify(`Downloaded ${file.filename}`, { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The download failed', { type: 'error' });
    } finally {
      setDownloading(false);
    }
  };

  const buttons = [
    canAcknowledge(request) && (
      <Button
        key="acknowledge"
        variant={request.clock.kind === 'acknowledge' ? 'contained' : 'outlined'}
        startIcon={<MarkEmailReadOutlinedIcon />}
        onClick={() => setOpen('acknowledge')}
      >
        Send receipt
      </Button>
    ),
    status === 'received' && (
      <Button key="verify" variant="contained" onClick={() => setOpen('verify')}>
        Verify identity
      </Button>
    ),
    status === 'verified' && (
      <Button key="start" variant="outlined" onClick={() => setOpen('start')}>
        Start
      </Button>
    ),
    canErase(request) && (
      <Button
        key="erase"
        variant="contained"
        color="error"
        startIcon={<DeleteForeverOutlinedIcon />}
        onClick={() => setOpen('erase')}
      >
        Erase now
      </Button>
    ),
    canExport(request) && (
      <Button
        key="download"
        variant="outlined"
        startIcon={
          downloading ? <CircularProgress size={16} color="inherit" aria-hidden /> : <DownloadOutlinedIcon />
        }
        disabled={downloading}
        onClick={download}
      >
        Download the data
      </Button>
    ),
    canComplete(request) && (
      <Button key="complete" variant="contained" color="success" onClick={() => setOpen('complete')}>
        Complete
      </Button>
    ),
    canExtend(request, dayOf()) && (
      <Button key="extend" variant="outlined" onClick={() => setOpen('extend')}>
        Extend deadline
      </Button>
    ),
    (status === 'received' || status === 'verified' || status === 'in_progress') && (
      <Button key="refuse" variant="outlined" color="error" onClick={() => setOpen('refuse')}>
        Refuse
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0) return null;
  return (
    <Box>
      {awaitingVerification(request) && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Verify the requester’s identity first. Until then their data cannot be downloaded, corrected or
          erased, and the request cannot be completed; it can be refused.
        </Alert>
      )}
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {buttons}
      </Stack>
      <RequestDialog
        open={open === 'acknowledge'}
        title="Send a receipt"
        description={`The requester is emailed that the request arrived on ${dayLabel(request.receivedOn)} and will be answered by ${dayLabel(request.dueOn)}.${request.acknowledgeBy ? ` California requires this by ${dayLabel(request.acknowledgeBy)}.` : ''}`}
        submitLabel="Send receipt"
        onClose={close}
        onSubmit={() => dataProvider.acknowledgeRequest(id).then(done('Receipt sent to the requester'))}
      />
      <RequestDialog
        open={open === 'verify'}
        title="Verify the requester’s identity"
        description="Confirm that you checked the requester is who they say they are (or that the agent may act for them). Only then may their data be given out, corrected or erased."
        submitLabel="Mark as verified"
        onClose={close}
        onSubmit={() => transition({ id, to: 'verified' }, 'Identity verified')}
      />
      <RequestDialog
        open={open === 'start'}
        title="Start working on this request"
        description="Marks the request as in progress, so the team knows someone is on it."
        submitLabel="Start"
        onClose={close}
        onSubmit={() => transition({ id, to: 'in_progress' }, 'Request in progress')}
      />
      <RequestDialog
        open={open === 'complete'}
        title="Complete the request"
        description="The answer is emailed to the requester and the request is closed."
        fields={[
          {
            name: 'answer',
            label: 'Answer to the requester',
            multiline: true,
            required: true,
            helperText: 'What was done; sent by email as written.',
          },
        ]}
        submitLabel="Complete and send"
        color="primary"
        onClose={close}
        onSubmit={(values: DialogValues) =>
          transition({ id, to: 'completed', answer: values.answer ?? '' }, 'Request completed')
        }
      />
      <RequestDialog
        open={open === 'refuse'}
        title="Refuse the request"
        description="The answer is emailed to the requester and the request is closed. Say on which legal ground, and tell them they may complain to a supervisory authority."
        fields={[
          {
            name: 'reason',
            label: 'Legal reason',
            multiline: true,
            required: true,
            helperText: 'Recorded with the request, e.g. “manifestly unfounded (GDPR Art. 12(5))”.',
          },
          {
            name: 'answer',
            label: 'Answer to the requester',
            multiline: true,
            required: true,
            helperText: 'Sent by email as written.',
          },
        ]}
        submitLabel="Refuse and send"
        color="error"
        onClose={close}
        onSubmit={(values: DialogValues) =>
          transition(
            { id, to: 'refused', reason: values.reason ?? '', answer: values.answer ?? '' },
            'Request refused',
          )
        }
      />
      <RequestDialog
        open={open === 'extend'}
        title="Extend the deadline"
        description={`The deadline moves to ${request.maxExtendedDueOn}, the latest the law allows. It can be extended once, and the requester is emailed the reason now.`}
        fields={[
          {
            name: 'reason',
            label: 'Why more time is needed',
            multiline: true,
            required: true,
            helperText: 'At least 10 characters; the requester reads it.',
          },
        ]}
        submitLabel="Extend"
        onClose={close}
        onSubmit={(values: DialogValues) =>
          dataProvider.extendRequest({ id, reason: values.reason ?? '' }).then(done('Deadline extended'))
        }
      />
      <RequestDialog
        open={open === 'erase'}
        title="Erase this candidate’s data"
        description={
          <>
            Everything about the candidate is erased now: their profile, applications, notes, files and
            messages. Statistics keep only an anonymized record (“Anonymized candidate #…”).{' '}
            <strong>This cannot be undone.</strong> The requester is emailed that it is done, and the request
            is completed.
          </>
        }
        confirmWord="ERASE"
        submitLabel="Erase permanently"
        color="error"
        onClose={close}
        onSubmit={() => dataProvider.executeErasure(id).then(done('The data was erased'))}
      />
    </Box>
  );
}
