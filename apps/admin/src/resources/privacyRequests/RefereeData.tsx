import type { TPrivacyRequest } from '@candor/schemas';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { downloadBlob } from '../../download';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/**
 * Referees are data subjects too (docs/reference-checks.md): a request from
 * an address someone gave as a referee is answered from their references,
 * which a candidate's export and erasure do not reach by this address.
 */
export function RefereeData({ request }: { request: TPrivacyRequest }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const email = request.requesterEmail;
  if (!email) return <Typography color="text.secondary">The requester’s address was erased.</Typography>;
  const download = async () => {
    setBusy(true);
    try {
      const data = await dataProvider.refereeExport(email);
      if (data.references.length === 0) notify('Nobody named this address as a referee', { type: 'info' });
      else
        downloadBlob(
          'referee-data.json',
          new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
        );
    } catch (error) {
      notify(`Could not export: ${toHttpError(error).message}`, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const erase = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const { erased, held } = await dataProvider.refereeErase(email);
      const deleted = erased === 1 ? 'One reference was deleted' : `${erased} references were deleted`;
      notify(held > 0 ? `${deleted}; ${held} kept under a legal hold on the candidate` : deleted, {
        type: held > 0 ? 'warning' : 'success',
      });
    } catch (error) {
      notify(`Could not delete: ${toHttpError(error).message}`, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2">
        If candidates named {email} as a referee, what the referee was asked and wrote is held with those
        applications.
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" onClick={download} disabled={busy}>
          Download their data as a referee (JSON)
        </Button>
        {request.type === 'erasure' && (
          <Button size="small" color="error" onClick={() => setConfirming(true)} disabled={busy}>
            Delete their references
          </Button>
        )}
      </Stack>
      <Confirm
        isOpen={confirming}
        title="Delete this referee’s references?"
        content={`Every reference given by ${email}, and the emails inviting them, are deleted. This cannot be undone.`}
        confirm="Delete"
        onConfirm={erase}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
