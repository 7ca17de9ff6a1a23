import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

// pdf.js is large: it loads when a PDF is first opened, not with the candidate page.
const PdfPages = lazy(async () => ({ default: (await import('./PdfPages')).PdfPages }));

export type ViewedDocument = { id: string; filename: string; contentType: string; downloadUrl: string };

/** The document's text as the API read it (Word, OpenDocument, or a PDF's text layer). */
function DocumentText({ id, name }: { id: string; name: string }) {
  const dataProvider = useCandorDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: ['attachments', id, 'text'],
    queryFn: () => dataProvider.attachmentText(id),
  });
  if (isPending) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
        <CircularProgress size={16} aria-hidden />
        <Typography variant="body2" color="text.secondary">
          Reading {name}…
        </Typography>
      </Stack>
    );
  }
  if (error)
    return (
      <Alert severity="error">
        Could not read {name}: {toHttpError(error).message}
      </Alert>
    );
  if (!data.text) {
    return (
      <Typography variant="body2" color="text.secondary">
        No text could be read from this document (a scan or a photo has none).
      </Typography>
    );
  }
  return (
    <Box
      component="article"
      aria-label={`Text of ${name}`}
      sx={{
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        typography: 'body2',
        lineHeight: 1.7,
        maxWidth: 820,
        mx: 'auto',
        p: { xs: 2, sm: 4 },
        bgcolor: 'background.paper',
        boxShadow: 1,
      }}
    >
      {data.text}
    </Box>
  );
}

/**
 * A candidate's document read in the page: a PDF drawn page by page (with
 * its text a tab away, for screen readers and copying), a Word or
 * OpenDocument file as its text. Opening it is audited like a download.
 * Never offered to a blind reviewer, who gets the redacted text instead.
 */
export function DocumentViewer({
  document,
  onClose,
}: {
  document: ViewedDocument | null;
  onClose: () => void;
}) {
  const titleId = useId();
  const [tab, setTab] = useState<'pages' | 'text'>('pages');
  const isPdf = document?.contentType === 'application/pdf';
  const shown = isPdf ? tab : 'text';
  return (
    <Dialog
      open={document !== null}
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      aria-labelledby={titleId}
      scroll="paper"
    >
      {document && (
        <>
          <DialogTitle id={titleId} sx={{ overflowWrap: 'anywhere', pb: isPdf ? 0 : undefined }}>
            {document.filename}
          </DialogTitle>
          {isPdf && (
            <Tabs value={tab} onChange={(_event, value: 'pages' | 'text') => setTab(value)} sx={{ px: 3 }}>
              <Tab value="pages" label="Pages" />
              <Tab value="text" label="Text" />
            </Tabs>
          )}
          {/* Focusable: the pages scroll, and the keyboard must be able to scroll them too. */}
          <DialogContent
            dividers
            tabIndex={0}
            aria-label={`${shown === 'pages' ? 'Pages' : 'Text'} of ${document.filename}`}
            sx={{ bgcolor: 'action.hover', minHeight: 360 }}
          >
            {shown === 'pages' ? (
              <Suspense
                fallback={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
                    <CircularProgress size={16} aria-hidden />
                    <Typography variant="body2" color="text.secondary">
                      Loading the viewer…
                    </Typography>
                  </Stack>
                }
              >
                <PdfPages url={document.downloadUrl} name={document.filename} />
              </Suspense>
            ) : (
              <DocumentText id={document.id} name={document.filename} />
            )}
          </DialogContent>
          <DialogActions>
            <Button
              href={document.downloadUrl}
              download={document.filename}
              startIcon={<DownloadIcon />}
              aria-label={`Download ${document.filename}`}
            >
              Download
            </Button>
            <Button onClick={onClose} variant="contained">
              Close
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
