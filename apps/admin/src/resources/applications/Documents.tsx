import { ATTACHMENT_KIND_LABELS, type TApplicationAttachment } from '@candor/schemas';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Divider,
  Link,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { DocumentViewer, type ViewedDocument } from '../../components/viewer/DocumentViewer';
import { sizeLabel } from '../../files';
import { dateLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useApplicationAttachments } from './queries';

/** A document's text as the API redacted it; fetched only when asked for, since every read is audited. */
function RedactedText({ id, what }: { id: string; what: string }) {
  const dataProvider = useCandorDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: ['attachments', id, 'redacted'],
    queryFn: () => dataProvider.redactedAttachmentText(id),
  });
  if (isPending) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }} aria-busy="true">
        <CircularProgress size={16} aria-hidden />
        <Typography variant="body2" color="text.secondary">
          Reading the document…
        </Typography>
      </Stack>
    );
  }
  if (error) {
    return (
      <Alert severity="error" sx={{ mt: 1 }}>
        Could not read the document: {toHttpError(error).message}
      </Alert>
    );
  }
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
        Names, contact details, links and dates that reveal age are replaced, e.g. [name].
        {data.redactions > 0 && ` ${data.redactions} replaced in this document.`}
      </Typography>
      {data.text ? (
        // Focusable, so the scrollable text can be read with the keyboard as well.
        <Box
          component="section"
          aria-label={`Redacted text of ${what}`}
          tabIndex={0}
          sx={{
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            maxHeight: 360,
            overflowY: 'auto',
            p: 1.5,
            borderRadius: 1,
            bgcolor: 'action.hover',
            typography: 'body2',
            '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
          }}
        >
          {data.text}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          No text could be read from this document (a scan or a photo has none).
        </Typography>
      )}
    </Box>
  );
}

function DocumentItem({
  attachment,
  onView,
}: {
  attachment: TApplicationAttachment;
  onView: (document: ViewedDocument) => void;
}) {
  const [reading, setReading] = useState(false);
  const textId = useId();
  const kind = ATTACHMENT_KIND_LABELS[attachment.kind];
  const what = attachment.blind ? kind : attachment.filename;
  const label = reading ? 'Hide redacted text' : attachment.blind ? 'Read redacted text' : 'Preview redacted';
  // Names the document too; starts with the visible label, as speech input expects.
  const accessibleName = `${label === 'Preview redacted' ? 'Preview redacted text' : label} of ${what}`;
  return (
    <Box component="li">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <DescriptionOutlinedIcon fontSize="small" color="action" aria-hidden sx={{ mt: 0.25 }} />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          {attachment.blind ? (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {kind}
            </Typography>
          ) : (
            <Link
              href={attachment.downloadUrl}
              download={attachment.filename}
              aria-label={`Download ${attachment.filename}`}
              variant="body2"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, overflowWrap: 'anywhere' }}
            >
              {attachment.filename}
              <DownloadIcon fontSize="inherit" aria-hidden />
            </Link>
          )}
          <Typography variant="caption" color="text.secondary" component="p">
            {attachment.blind
              ? sizeLabel(attachment.size)
              : `${kind} · ${sizeLabel(attachment.size)} · ${dateLabel(attachment.createdAt)}`}
          </Typography>
          {!attachment.blind && (
            <Button
              size="small"
              sx={{ ml: -0.5, mt: 0.25, mr: 1 }}
              startIcon={<VisibilityOutlinedIcon />}
              aria-label={`View ${attachment.filename}`}
              onClick={() => onView(attachment)}
            >
              View
            </Button>
          )}
          <Button
            size="small"
            sx={{ ml: attachment.blind ? -0.5 : 0, mt: 0.25 }}
            aria-expanded={reading}
            aria-controls={reading ? textId : undefined}
            aria-label={accessibleName}
            onClick={() => setReading((open) => !open)}
          >
            {label}
          </Button>
          {reading && (
            <Box id={textId}>
              <RedactedText id={attachment.id} what={what} />
            </Box>
          )}
        </Box>
      </Stack>
    </Box>
  );
}

/**
 * The application's documents. A blind reviewer gets neither file names nor
 * the files, only their text with the identity redacted; everyone else can
 * read them in the page (the viewer), download them, and check what that
 * redacted text looks like.
 */
export function Documents({ applicationId }: { applicationId: string }) {
  const { data: attachments, isPending, error } = useApplicationAttachments(applicationId);
  const [viewing, setViewing] = useState<ViewedDocument | null>(null);
  if (isPending) {
    return (
      <Stack spacing={1} aria-busy="true" aria-label="Loading documents">
        <Skeleton variant="text" width="70%" />
        <Skeleton variant="text" width="40%" />
      </Stack>
    );
  }
  if (error)
    return <Alert severity="error">Could not load the documents: {toHttpError(error).message}</Alert>;
  if (attachments.length === 0) {
    return <Typography color="text.secondary">No documents for this application.</Typography>;
  }
  return (
    <>
      <Stack
        component="ul"
        spacing={1.5}
        divider={<Divider component="li" aria-hidden />}
        sx={{ listStyle: 'none', m: 0, p: 0 }}
      >
        {attachments.map((attachment) => (
          <DocumentItem key={attachment.id} attachment={attachment} onView={setViewing} />
        ))}
      </Stack>
      <DocumentViewer document={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
