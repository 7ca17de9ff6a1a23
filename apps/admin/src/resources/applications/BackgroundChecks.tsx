import type { TApplication, TBackgroundCheck, TBackgroundCheckStatus } from '@candor/schemas';
import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { downloadBase64 } from '../../download';
import { toBase64 } from '../../files';
import { dateLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { useInvalidateApplication } from './queries';

/*
 * The application's background checks (docs/background-checks.md). Loaded
 * lazily with the application page's panel; it talks to the API's
 * backgroundChecks procedures directly, keeping the first-load bundle as it was.
 */

const STATUS_LABELS: Record<TBackgroundCheckStatus, string> = {
  requested: 'Waiting for the candidate’s authorization',
  authorized: 'Authorized, not ordered yet',
  ordered: 'Ordered',
  report_received: 'Report received',
  clear: 'Cleared',
  pre_adverse: 'Pre-adverse notice sent',
  disputed: 'Disputed by the candidate',
  adverse_final: 'Final adverse action notice sent',
  withdrawn: 'Authorization withdrawn',
  cancelled: 'Cancelled',
};

type Action = 'order' | 'clear' | 'preAdverse' | 'finalNotice' | 'cancel';

function CheckItem({
  check,
  canManage,
  onChanged,
}: {
  check: TBackgroundCheck;
  canManage: boolean;
  onChanged: () => void;
}) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [resolution, setResolution] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await what();
      notify(done, { type: 'success' });
      onChanged();
    } catch (e) {
      setError(toHttpError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const act = (action: Action, done: string) =>
    run(() => trpc.backgroundChecks[action].mutate({ id: check.id }), done);
  const upload = async (file: File) =>
    run(
      async () =>
        trpc.backgroundChecks.uploadReport.mutate({
          id: check.id,
          filename: file.name,
          contentBase64: await toBase64(file),
        }),
      'Report stored (sealed)',
    );
  const download = () =>
    run(async () => {
      const report = await trpc.backgroundChecks.report.query({ id: check.id });
      downloadBase64(report.filename, report.contentBase64, report.contentType);
    }, 'Report opened');
  const decider = canManage && check.canReadReport;
  const open = !['clear', 'adverse_final', 'withdrawn', 'cancelled'].includes(check.status);
  return (
    <Box component="li" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          label={STATUS_LABELS[check.status]}
          color={check.status === 'disputed' ? 'warning' : 'default'}
        />
        {check.waitUntil && ['pre_adverse', 'disputed'].includes(check.status) && (
          <Typography variant="body2">Waiting until {check.waitUntil}</Typography>
        )}
      </Stack>
      <Typography component="h4" variant="subtitle2" sx={{ mt: 1 }}>
        Timeline
      </Typography>
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        {check.events.map((e) => (
          <li key={`${e.kind}-${e.at}`}>
            <Typography variant="body2">
              <time dateTime={e.at}>{dateLabel(e.at)}</time>: {e.detail}
            </Typography>
          </li>
        ))}
      </Box>
      {check.signedName && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          Signed by “{check.signedName}”{check.signedAt ? ` on ${dateLabel(check.signedAt)}` : ''}.
        </Typography>
      )}
      {check.report && (
        <Typography variant="body2">
          Report received {dateLabel(check.report.receivedAt)}
          {check.canReadReport ? '' : ' (only the roles named in the Privacy settings may read it)'}.
        </Typography>
      )}
      {check.dispute && check.canReadReport && (
        <Alert severity={check.dispute.resolvedAt ? 'info' : 'warning'} sx={{ mt: 1 }}>
          <strong>The candidate’s dispute:</strong> {check.dispute.text}
          {check.dispute.resolution && (
            <>
              <br />
              <strong>Resolution:</strong> {check.dispute.resolution}
            </>
          )}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {canManage && open && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', gap: 1 }}>
          {check.status === 'authorized' && (
            <Button
              size="small"
              variant="contained"
              disabled={busy}
              onClick={() => act('order', 'Check ordered')}
            >
              Order the check
            </Button>
          )}
          {decider && ['ordered', 'report_received'].includes(check.status) && (
            <>
              <input
                ref={fileInput}
                type="file"
                hidden
                aria-label="Report file"
                accept=".pdf,.docx,.odt"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void upload(file);
                  e.target.value = '';
                }}
              />
              <Button
                size="small"
                variant="outlined"
                disabled={busy}
                onClick={() => fileInput.current?.click()}
              >
                Upload the provider’s report
              </Button>
            </>
          )}
          {check.canReadReport && check.report && (
            <Button size="small" variant="outlined" disabled={busy} onClick={download}>
              Download report
            </Button>
          )}
          {decider && check.status === 'report_received' && (
            <>
              <Button
                size="small"
                variant="outlined"
                disabled={busy}
                onClick={() => act('clear', 'Check cleared')}
              >
                Clear (no adverse action)
              </Button>
              <Button
                size="small"
                variant="contained"
                color="warning"
                disabled={busy}
                onClick={() => act('preAdverse', 'Pre-adverse action notice sent')}
              >
                Send pre-adverse notice
              </Button>
            </>
          )}
          {decider && check.status === 'pre_adverse' && (
            <Button
              size="small"
              variant="contained"
              color="error"
              disabled={busy || !check.finalNoticeAllowed}
              onClick={() => act('finalNotice', 'Final adverse action notice sent')}
            >
              {check.finalNoticeAllowed
                ? 'Send final adverse action notice'
                : `Final notice after ${check.waitUntil}`}
            </Button>
          )}
          <Button size="small" disabled={busy} onClick={() => act('cancel', 'Check cancelled')}>
            Cancel check
          </Button>
        </Stack>
      )}
      {decider && check.status === 'disputed' && (
        <Stack spacing={1} sx={{ mt: 1 }}>
          <TextField
            label="How the dispute was resolved"
            multiline
            minRows={2}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            disabled={busy}
          />
          <Box>
            <Button
              size="small"
              variant="contained"
              disabled={busy || !resolution.trim()}
              onClick={() =>
                run(
                  () => trpc.backgroundChecks.resolveDispute.mutate({ id: check.id, resolution }),
                  'Dispute resolved; the waiting period resumes',
                )
              }
            >
              Resolve the dispute
            </Button>
          </Box>
        </Stack>
      )}
    </Box>
  );
}

/** The application's background checks, with the FCRA steps as buttons and the dated timeline. */
export function BackgroundChecks({
  application,
  canManage,
}: {
  application: TApplication;
  canManage: boolean;
}) {
  const notify = useNotify();
  const invalidate = useInvalidateApplication(application.id);
  const [requesting, setRequesting] = useState(false);
  const [requestError, setRequestError] = useState<string>();
  const { data, isPending, error } = useQuery({
    queryKey: ['applications', application.id, 'background-checks'],
    queryFn: () => trpc.backgroundChecks.forApplication.query({ applicationId: application.id }),
  });
  if (isPending) return <LoadingBlock label="Loading background checks" height={48} />;
  if (error)
    return <Alert severity="error">Could not load the background checks: {toHttpError(error).message}</Alert>;
  if (data.hidden)
    return <Typography color="text.secondary">Background checks are hidden during blind review.</Typography>;
  if (!data.enabled && data.checks.length === 0)
    return (
      <Typography color="text.secondary">
        Background checks are off for this company (Privacy settings).
      </Typography>
    );
  const request = async () => {
    setRequesting(true);
    setRequestError(undefined);
    try {
      await trpc.backgroundChecks.request.mutate({ applicationId: application.id });
      notify('The candidate was emailed the disclosure and authorization', { type: 'success' });
      void invalidate();
    } catch (e) {
      setRequestError(toHttpError(e).message);
    } finally {
      setRequesting(false);
    }
  };
  return (
    <Stack spacing={1.5}>
      {data.checks.length === 0 && (
        <Typography color="text.secondary">No background check requested.</Typography>
      )}
      {data.checks.length > 0 && (
        <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {data.checks.map((check) => (
            <CheckItem
              key={check.id}
              check={check}
              canManage={canManage}
              onChanged={() => void invalidate()}
            />
          ))}
        </Stack>
      )}
      {requestError && <Alert severity="error">{requestError}</Alert>}
      {canManage && (
        <Box>
          <Button variant="outlined" size="small" disabled={!data.canRequest || requesting} onClick={request}>
            Request a background check
          </Button>
          {data.reason && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {data.reason}
            </Typography>
          )}
        </Box>
      )}
    </Stack>
  );
}
