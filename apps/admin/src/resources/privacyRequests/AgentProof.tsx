import type { TPrivacyRequest } from '@candor/schemas';
import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { FilePicker } from '../../components/FilePicker';
import { downloadBase64 } from '../../download';
import { sizeLabel, toBase64 } from '../../files';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { isOpen } from './labels';

/** Documents and scans: what an agent's signed permission usually comes as. */
export const PROOF_ACCEPT = '.pdf,.docx,.odt,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const PROOF_EXTENSIONS = /\.(pdf|docx|odt|png|jpe?g)$/i;
export const PROOF_HELP =
  'The signed permission: PDF, Word, OpenDocument, or a PNG or JPEG scan, up to 10 MB.';
const MAX_PROOF_BYTES = 10 * 1024 * 1024;

/** Why a picked file cannot be the proof, before it is sent; undefined when it can. */
export function proofFileProblem(file: { name: string; size: number }): string | undefined {
  if (!PROOF_EXTENSIONS.test(file.name)) return 'Choose a PDF, Word, OpenDocument, PNG or JPEG file';
  if (file.size > MAX_PROOF_BYTES) return `The file is ${sizeLabel(file.size)}; the limit is 10 MB`;
  return undefined;
}

/**
 * The authorized agent acting for the subject and their proof: the file
 * (downloaded through an audited call) and, while the request is open, an
 * upload to attach or replace it.
 */
export function AgentProof({ request }: { request: TPrivacyRequest }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'upload' | 'download' | null>(null);
  const proof = request.agentProofFile;

  const download = async () => {
    setBusy('download');
    try {
      const got = await dataProvider.agentProof(request.id);
      downloadBase64(got.filename, got.contentBase64, got.contentType);
    } catch (err) {
      notify(toHttpError(err).message, { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setError('Choose the proof file first');
      return;
    }
    if (error) return;
    setBusy('upload');
    try {
      await dataProvider.attachAgentProof({
        id: request.id,
        filename: file.name,
        contentBase64: await toBase64(file),
      });
      notify(proof ? 'Proof replaced' : 'Proof attached', { type: 'success' });
      setFile(null);
      refresh();
    } catch (err) {
      const httpError = toHttpError(err);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      setError(fields.agentProofFile ?? fields.contentBase64 ?? fields.filename ?? httpError.message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack spacing={1.5}>
      <Typography variant="body2">
        <strong>{request.agentName}</strong> acts for the person.
        {request.agentProof ? ` ${request.agentProof}` : ''}
      </Typography>
      {proof ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2">
            Proof: {proof.filename} ({sizeLabel(proof.size)})
          </Typography>
          <Button
            size="small"
            startIcon={
              busy === 'download' ? (
                <CircularProgress size={14} color="inherit" aria-hidden />
              ) : (
                <DownloadOutlinedIcon />
              )
            }
            disabled={busy !== null}
            onClick={download}
            aria-label={`Download the proof ${proof.filename}`}
          >
            Download
          </Button>
        </Box>
      ) : (
        <Typography variant="body2" color="warning.main">
          No proof attached yet: verify the agent’s authority before answering.
        </Typography>
      )}
      {isOpen(request.status) && (
        <Box
          component="form"
          onSubmit={upload}
          noValidate
          aria-label={proof ? 'Replace the agent’s proof' : 'Attach the agent’s proof'}
          sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}
        >
          <Box sx={{ flex: 1, minWidth: 260 }}>
            <FilePicker
              label={proof ? 'Choose a new file…' : 'Choose file…'}
              accept={PROOF_ACCEPT}
              file={file}
              onPick={(picked) => {
                setFile(picked);
                setError(picked ? proofFileProblem(picked) : undefined);
              }}
              disabled={busy !== null}
              help={PROOF_HELP}
              error={error}
            />
          </Box>
          <Button
            type="submit"
            variant="outlined"
            startIcon={
              busy === 'upload' ? (
                <CircularProgress size={16} color="inherit" aria-hidden />
              ) : (
                <UploadFileIcon />
              )
            }
            disabled={busy !== null || !file || Boolean(error)}
          >
            {proof ? 'Replace proof' : 'Attach proof'}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
