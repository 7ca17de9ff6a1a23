import type { TThreadMessage, TThreadMessageStatus } from '@candor/schemas';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CallMadeIcon from '@mui/icons-material/CallMade';
import CallReceivedIcon from '@mui/icons-material/CallReceived';
import { Alert, Box, Button, Chip, Link, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { dateTimeLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

type Props = (
  | { candidateId: string; applicationId?: undefined }
  | { applicationId: string; candidateId?: undefined }
) & {
  /** A button beside the title, e.g. to write to the candidate. */
  action?: ReactNode;
};

const STATUS: Record<
  TThreadMessageStatus,
  { label: string; color: 'default' | 'success' | 'error' | 'info' }
> = {
  scheduled: { label: 'Scheduled', color: 'info' },
  sent: { label: 'Sent', color: 'success' },
  failed: { label: 'Not delivered', color: 'error' },
  received: { label: 'Reply', color: 'default' },
};

/** One message: who, when, its state, the text (a reply's quoted part behind a toggle) and its files. */
function ThreadMessage({ message }: { message: TThreadMessage }) {
  const [quoted, setQuoted] = useState(false);
  const headingId = useId();
  const received = message.direction === 'received';
  const hasQuote = message.shownText !== message.text;
  const status = STATUS[message.status];
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      variant="outlined"
      sx={{
        p: 1.5,
        ml: received ? 0 : { sm: 4 },
        mr: received ? { sm: 4 } : 0,
        bgcolor: received ? 'background.paper' : 'action.hover',
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        {received ? (
          <CallReceivedIcon fontSize="small" aria-hidden />
        ) : (
          <CallMadeIcon fontSize="small" aria-hidden />
        )}
        <Typography id={headingId} component="h3" variant="subtitle2" sx={{ flexGrow: 1, minWidth: 0 }}>
          {message.subject || '(no subject)'}
        </Typography>
        <Chip size="small" label={status.label} color={status.color} variant="outlined" />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {received ? `From ${message.from}` : `From ${message.from} to ${message.to}`} ·{' '}
        {message.status === 'scheduled' ? `sends ${dateTimeLabel(message.at)}` : dateTimeLabel(message.at)}
      </Typography>
      <Typography
        variant="body2"
        component="div"
        sx={{ mt: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {quoted ? message.text : message.shownText}
      </Typography>
      {hasQuote && (
        <Button
          size="small"
          onClick={() => setQuoted((q) => !q)}
          aria-expanded={quoted}
          sx={{ mt: 0.5, px: 0 }}
        >
          {quoted ? 'Hide quoted text' : 'Show quoted text'}
        </Button>
      )}
      {(message.attachments.length > 0 || message.attachmentsLeftOut > 0) && (
        <Stack spacing={0.5} sx={{ mt: 1 }}>
          {message.attachments.map((file) => (
            <Box key={file.filename} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
              <AttachFileIcon fontSize="small" aria-hidden />
              {file.downloadUrl ? (
                <Link
                  href={file.downloadUrl}
                  download={file.filename}
                  aria-label={`Download ${file.filename}`}
                >
                  {file.filename}
                </Link>
              ) : (
                <Typography variant="body2">{file.filename}</Typography>
              )}
            </Box>
          ))}
          {message.attachmentsLeftOut > 0 && (
            <Typography variant="caption" color="text.secondary">
              {message.attachmentsLeftOut === 1 ? 'One file was' : `${message.attachmentsLeftOut} files were`}{' '}
              not kept: only PDF, Word (.docx) and OpenDocument files are stored.
            </Typography>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * The conversation with a candidate, on their page or an application's:
 * every email sent to them (scheduled, sent or not delivered) and every
 * reply they sent back, oldest first.
 */
export function ThreadPanel({ candidateId, applicationId, action }: Props) {
  const dataProvider = useCandorDataProvider();
  const thread = useQuery({
    queryKey: ['threads', candidateId ? 'candidate' : 'application', candidateId ?? applicationId],
    queryFn: () =>
      candidateId
        ? dataProvider.threadOfCandidate(candidateId)
        : dataProvider.threadOfApplication(applicationId as string),
  });
  return (
    <Section
      variant="outlined"
      title="Conversation"
      hint="Emails sent to the candidate and their replies, oldest first."
    >
      {action && <Box sx={{ mb: 1.5 }}>{action}</Box>}
      {thread.isPending ? (
        <LoadingBlock label="Loading the conversation" height={60} />
      ) : thread.error ? (
        <Alert severity="error">Could not load the conversation: {toHttpError(thread.error).message}</Alert>
      ) : thread.data.messages.length === 0 ? (
        <EmptyState title="No emails yet" hint="Emails to the candidate and their replies will show here." />
      ) : (
        <Stack spacing={1.5} role="list" aria-label="Conversation">
          {thread.data.messages.map((message) => (
            <Box role="listitem" key={message.id}>
              <ThreadMessage message={message} />
            </Box>
          ))}
        </Stack>
      )}
    </Section>
  );
}
