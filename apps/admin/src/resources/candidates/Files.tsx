import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  MAX_ATTACHMENT_BYTES,
  type TAttachment,
  type TAttachmentKind,
  type TCandidate,
} from '@candor/schemas';
import DownloadIcon from '@mui/icons-material/Download';
import FindReplaceIcon from '@mui/icons-material/FindReplace';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Link,
  MenuItem,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify } from 'react-admin';
import { FilePicker } from '../../components/FilePicker';
import { LoadingBlock } from '../../components/LoadingBlock';
import { DocumentViewer, type ViewedDocument } from '../../components/viewer/DocumentViewer';
import { sizeLabel, toBase64 } from '../../files';
import { dateLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { DOCUMENT_ACCEPT, pickedFileProblem, ReplaceFileDialog } from './ReplaceFileDialog';

const attachmentsKey = (candidateId: string) => ['candidates', candidateId, 'attachments'] as const;

function UploadForm({ candidate }: { candidate: TCandidate }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [kind, setKind] = useState<TAttachmentKind>('resume');
  const [applicationId, setApplicationId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const pick = (picked: File | null) => {
    setError(pickedFileProblem(picked));
    setFile(picked);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setError('Choose a file to upload');
      return;
    }
    if (error) return;
    setUploading(true);
    try {
      const attachment = await dataProvider.uploadAttachment({
        candidateId: candidate.id,
        applicationId: applicationId || null,
        kind,
        filename: file.name,
        contentBase64: await toBase64(file),
      });
      notify(`${attachment.filename} uploaded`, { type: 'success' });
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: attachmentsKey(candidate.id) });
    } catch (err) {
      const httpError = toHttpError(err);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      setError(fields.contentBase64 ?? fields.filename ?? httpError.message);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-label="Upload a file"
      sx={{ mt: 2, pt: 2, borderTop: 1, borderColor: 'divider' }}
    >
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Upload a file
      </Typography>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        useFlexGap
        sx={{ alignItems: { md: 'flex-start' }, flexWrap: 'wrap' }}
      >
        <TextField
          select
          label="Kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as TAttachmentKind)}
          disabled={uploading}
          sx={{ minWidth: 160 }}
          size="small"
        >
          {ATTACHMENT_KINDS.map((value) => (
            <MenuItem key={value} value={value}>
              {ATTACHMENT_KIND_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="For application (optional)"
          value={applicationId}
          onChange={(event) => setApplicationId(event.target.value)}
          disabled={uploading || candidate.applications.length === 0}
          sx={{ minWidth: 240 }}
          size="small"
        >
          <MenuItem value="">
            <em>Not tied to an application</em>
          </MenuItem>
          {candidate.applications.map((application) => (
            <MenuItem key={application.id} value={application.id}>
              {application.jobTitle}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <FilePicker
            accept={DOCUMENT_ACCEPT}
            file={file}
            onPick={pick}
            disabled={uploading}
            help="PDF, Word (.docx) or OpenDocument (.odt), up to 10 MB."
            error={error}
          />
        </Box>
        <Button
          type="submit"
          variant="contained"
          startIcon={
            uploading ? <CircularProgress size={16} color="inherit" aria-hidden /> : <UploadFileIcon />
          }
          disabled={uploading || !file || Boolean(error)}
        >
          {uploading ? 'Uploading…' : 'Upload'}
        </Button>
      </Stack>
    </Box>
  );
}

/** The candidate's resumes, cover letters and other documents; downloads are authorized and audited. */
export function Files({ candidate, canManage }: { candidate: TCandidate; canManage: boolean }) {
  const dataProvider = useCandorDataProvider();
  const {
    data: attachments,
    isPending,
    error,
  } = useQuery({
    queryKey: attachmentsKey(candidate.id),
    queryFn: () => dataProvider.attachments(candidate.id),
  });
  const [viewing, setViewing] = useState<ViewedDocument | null>(null);
  const [replacing, setReplacing] = useState<TAttachment | null>(null);
  const jobTitles = new Map(
    candidate.applications.map((application) => [application.id, application.jobTitle]),
  );

  return (
    <>
      {isPending ? (
        <LoadingBlock label="Loading files" height={48} />
      ) : error ? (
        <Alert severity="error">Could not load the files: {toHttpError(error).message}</Alert>
      ) : attachments.length === 0 ? (
        <Typography color="text.secondary">No files yet.</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`Files of ${candidate.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell align="right">Size</TableCell>
                <TableCell>Uploaded by</TableCell>
                <TableCell>Date</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    View or download
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {attachments.map((attachment) => (
                <TableRow key={attachment.id} hover>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>
                    {attachment.filename}
                    {attachment.applicationId && jobTitles.has(attachment.applicationId) && (
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {jobTitles.get(attachment.applicationId)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{ATTACHMENT_KIND_LABELS[attachment.kind]}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {sizeLabel(attachment.size)}
                  </TableCell>
                  <TableCell>{attachment.uploadedBy?.name ?? 'The candidate'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateLabel(attachment.createdAt)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="small"
                      startIcon={<VisibilityOutlinedIcon />}
                      onClick={() => setViewing(attachment)}
                      aria-label={`View ${attachment.filename}`}
                      sx={{ mr: 1 }}
                    >
                      View
                    </Button>
                    <Link
                      href={attachment.downloadUrl}
                      download={attachment.filename}
                      aria-label={`Download ${attachment.filename}`}
                      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
                    >
                      <DownloadIcon fontSize="small" aria-hidden />
                      Download
                    </Link>
                    {canManage && (
                      <Button
                        size="small"
                        startIcon={<FindReplaceIcon />}
                        onClick={() => setReplacing(attachment)}
                        aria-label={`Replace ${attachment.filename}`}
                        sx={{ ml: 1 }}
                      >
                        Replace
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {canManage && <UploadForm candidate={candidate} />}
      <DocumentViewer document={viewing} onClose={() => setViewing(null)} />
      <ReplaceFileDialog
        attachment={replacing}
        onClose={() => setReplacing(null)}
        queryKey={attachmentsKey(candidate.id)}
      />
    </>
  );
}
