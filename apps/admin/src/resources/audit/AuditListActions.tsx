import DownloadIcon from '@mui/icons-material/Download';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import {
  Alert,
  AlertTitle,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Button as MuiButton,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Button,
  downloadCSV,
  FilterButton,
  TopToolbar,
  useListContext,
  useNotify,
  useRefresh,
} from 'react-admin';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import type { AuditVerifyResult } from './auditActions';

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  if (result.ok) {
    return (
      <Alert severity="success">
        <AlertTitle>The audit log is intact</AlertTitle>
        All {result.checked} events of this organisation's hash chain were recomputed and each links to the
        one before it.
        {result.prunedThroughSeq > 0 &&
          ` Events #1 to #${result.prunedThroughSeq} were deleted by the retention policy; the chain records where it was cut.`}
        {result.lastHash && (
          <Typography variant="body2" sx={{ mt: 1, wordBreak: 'break-all' }}>
            Hash of the last event (#{result.lastSeq}): <code>{result.lastHash}</code>. Note it down elsewhere
            to prove later that nothing before it changed.
          </Typography>
        )}
      </Alert>
    );
  }
  return (
    <Alert severity="error">
      <AlertTitle>The audit log was altered at event #{result.firstBrokenSeq}</AlertTitle>
      {result.eventId ? (
        <>
          Event <code>{result.eventId}</code>: {result.reason}.
        </>
      ) : (
        <>{result.reason}.</>
      )}{' '}
      The {result.checked} events before it are intact.
    </Alert>
  );
}

/** Recomputes the organisation's audit hash chain on the server and shows the first broken link, if any. */
export function VerifyIntegrityButton() {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);

  const verify = async () => {
    setPending(true);
    try {
      setResult(await dataProvider.verifyAuditLog());
      // The check is itself audited: show its event.
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Could not verify the audit log', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label={pending ? 'Verifying…' : 'Verify integrity'} onClick={verify} disabled={pending}>
        <VerifiedUserIcon />
      </Button>
      <Dialog open={result !== null} onClose={() => setResult(null)} aria-labelledby="audit-verify-title">
        <DialogTitle id="audit-verify-title">Audit log integrity</DialogTitle>
        <DialogContent>{result && <VerifyResult result={result} />}</DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setResult(null)}>Close</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** Downloads the events matching the current filters as CSV, made by the API: ids and pseudonyms, no names. */
export function ExportAuditButton() {
  const { filterValues, total } = useListContext();
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [pending, setPending] = useState(false);

  const exportCsv = async () => {
    setPending(true);
    try {
      const result = await dataProvider.exportAuditLog(filterValues);
      downloadCSV(result.csv, result.filename.replace(/\.csv$/, ''));
      if (result.capped) {
        notify(`Exported the first ${result.count} events only: narrow the filters to export the rest`, {
          type: 'warning',
        });
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Could not export the audit log', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Button label="Export CSV" onClick={exportCsv} disabled={pending || total === 0}>
      <DownloadIcon />
    </Button>
  );
}

export function AuditListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <VerifyIntegrityButton />
      <ExportAuditButton />
    </TopToolbar>
  );
}
