import type { TJobAlertPreview } from '@candor/schemas';
import { Alert, Box, CircularProgress, DialogContentText, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { HttpError, useNotify } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { plural } from '../../lib/plural';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { OpenJobSelect } from './OpenJobSelect';

/** Emails an open job to the pool members who also asked for news about open roles, after showing who and what. */
export function JobAlertDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} onClose={onClose} maxWidth="md">
      <JobAlertForm onClose={onClose} />
    </FormDialog>
  );
}

function JobAlertForm({ onClose }: { onClose: () => void }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [jobId, setJobId] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ form?: string; jobId?: string }>({});
  const preview = useMutation<TJobAlertPreview, HttpError, string>({
    mutationFn: (id) => dataProvider.previewJobAlert({ jobId: id }),
  });
  const previewFor = preview.mutate;
  useEffect(() => {
    if (jobId) previewFor(jobId);
  }, [jobId, previewFor]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!jobId) {
      setError({ jobId: 'Pick a job' });
      return;
    }
    setSubmitting(true);
    try {
      const { queued } = await dataProvider.sendJobAlert({ jobId });
      notify(`Job alert queued for ${plural(queued, 'person', 'people')}`, { type: 'success' });
      onClose();
    } catch (err) {
      const httpError = err instanceof HttpError ? err : null;
      setError({ form: httpError?.message ?? String(err), jobId: httpError?.body?.errors?.jobId });
      setSubmitting(false);
    }
  };

  const data = preview.data;
  return (
    <DialogForm
      title="Send a job alert"
      error={error.form ?? preview.error?.message}
      submitLabel={data ? `Send to ${plural(data.recipients, 'person', 'people')}` : 'Send'}
      submitting={submitting}
      submitDisabled={!data || data.recipients === 0 || preview.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <DialogContentText variant="body2">
        The alert goes to people in the talent pool who also agreed to hear about open roles and have not
        applied to the job. Each message has a one-click unsubscribe link.
      </DialogContentText>
      <OpenJobSelect
        value={jobId}
        onChange={(id) => {
          setError({});
          setJobId(id);
        }}
        error={error.jobId}
        disabled={submitting}
      />
      {preview.isPending && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} role="status">
          <CircularProgress size={16} aria-hidden /> Counting who it would reach…
        </Box>
      )}
      {data && (
        <Box component="section" aria-label="What they would receive">
          {data.lastSentAt && (
            <Alert severity="info" sx={{ mb: 2 }}>
              An alert for this job went out on {new Date(data.lastSentAt).toLocaleString()}: this one reaches
              only people who joined since.
            </Alert>
          )}
          {data.recipients === 0 ? (
            <Alert severity="info">
              Nobody to send it to: everyone who wants job alerts has had this one.
            </Alert>
          ) : (
            <>
              <Typography variant="subtitle2" component="h3">
                {data.subject}
              </Typography>
              <Box
                component="pre"
                sx={{
                  whiteSpace: 'pre-wrap',
                  fontFamily: 'inherit',
                  fontSize: 14,
                  bgcolor: 'action.hover',
                  p: 2,
                  borderRadius: 1,
                }}
              >
                {data.text}
              </Box>
            </>
          )}
        </Box>
      )}
    </DialogForm>
  );
}
