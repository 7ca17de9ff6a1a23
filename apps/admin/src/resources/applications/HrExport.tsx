import type { TApplication } from '@candor/schemas';
import DriveFileMoveOutlinedIcon from '@mui/icons-material/DriveFileMoveOutlined';
import { Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { downloadBase64 } from '../../download';
import { dateTimeLabel } from '../../lib/dates';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { WhileRestricted } from '../candidates/Restriction';

/**
 * "Export to HR" on a hire: downloads the record for the HR system (a zip)
 * and says when it was last handed over, since the hired-candidates
 * retention rule counts from that day.
 */
export function HrExport({ application }: { application: TApplication }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const exported = application.hrExport;
  const run = async () => {
    setBusy(true);
    try {
      const file = await dataProvider.exportHireToHr(application.id);
      downloadBase64(file.filename, file.contentBase64, 'application/zip');
      notify(`Downloaded ${file.filename} for HR`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The export failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button
      size="small"
      variant={exported ? 'outlined' : 'contained'}
      startIcon={
        busy ? <CircularProgress size={16} color="inherit" aria-hidden /> : <DriveFileMoveOutlinedIcon />
      }
      onClick={run}
      disabled={busy || application.candidate.restrictedAt !== null}
    >
      {exported ? 'Export to HR again' : 'Export to HR'}
    </Button>
  );
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      {application.candidate.restrictedAt !== null ? <WhileRestricted>{button}</WhileRestricted> : button}
      <Typography variant="caption" color="text.secondary">
        {exported
          ? `Handed to HR ${dateTimeLabel(exported.at)}${exported.by ? ` by ${exported.by.name}` : ''}; recruiting data is erased after the retention period from then.`
          : 'Not yet handed to HR: the recruiting data is kept until it is.'}
      </Typography>
    </Stack>
  );
}
