import type { TScheduledMessage } from '@candor/schemas';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import { Alert, Button, List, ListItem, ListItemText, Skeleton, Stack, Tooltip } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { dateTimeLabel } from '../../lib/dates';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { ComposeDialog } from './ComposeDialog';

type Props = {
  candidateId: string;
  /** On an application's page: messages about it; on the candidate's page, null: all of theirs. */
  applicationId: string | null;
  name: string;
  /** A candidate who restricted processing gets no hiring email: no button, and why. */
  restricted: boolean;
};

const scheduledKey = (candidateId: string, applicationId: string | null) =>
  ['messages', 'scheduled', candidateId, applicationId ?? 'all'] as const;

/**
 * Writing to the candidate, at the top of the conversation on their page or
 * an application's: the Email button opens the compose dialog; messages
 * still waiting to go out (sent later) are listed, each with Cancel.
 */
export function CandidateMessages({ candidateId, applicationId, name, restricted }: Props) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [composing, setComposing] = useState(false);
  const [cancelling, setCancelling] = useState<TScheduledMessage | null>(null);
  const key = scheduledKey(candidateId, applicationId);
  const scheduled = useQuery({
    queryKey: key,
    queryFn: () => dataProvider.scheduledMessages({ candidateId, applicationId }),
  });
  // A message sent, scheduled or cancelled changes the scheduled list and the conversation beside it.
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['messages', 'scheduled', candidateId] });
    void queryClient.invalidateQueries({ queryKey: ['threads'] });
  };
  const cancel = useMutation({
    mutationFn: (message: TScheduledMessage) => dataProvider.cancelMessage(message.id),
    onSuccess: (_, message) => {
      notify(`“${message.subject}” cancelled: it will not be sent`, { type: 'success' });
      setCancelling(null);
      refresh();
    },
    onError: (error) => {
      notify(`Could not cancel: ${toHttpError(error).message}`, { type: 'error' });
      setCancelling(null);
      refresh();
    },
  });

  const button = (
    <Button
      variant="outlined"
      size="small"
      startIcon={<EmailOutlinedIcon />}
      onClick={() => setComposing(true)}
      disabled={restricted}
    >
      Email {name}
    </Button>
  );

  return (
    <Stack spacing={1.5}>
      <div>
        {restricted ? (
          <Tooltip
            title="Restricted at the candidate’s request: no hiring email until it is lifted"
            describeChild
          >
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        )}
      </div>
      {scheduled.isPending ? (
        <Skeleton
          variant="rectangular"
          height={40}
          aria-busy="true"
          aria-label="Loading scheduled messages"
        />
      ) : scheduled.error ? (
        <Alert severity="error">
          Could not load the scheduled messages: {toHttpError(scheduled.error).message}
        </Alert>
      ) : scheduled.data.length === 0 ? null : (
        <List dense disablePadding aria-label="Scheduled messages">
          {scheduled.data.map((message) => (
            <ListItem
              key={message.id}
              disableGutters
              secondaryAction={
                <Button size="small" color="warning" onClick={() => setCancelling(message)}>
                  Cancel
                </Button>
              }
            >
              <ListItemText
                primary={message.subject}
                secondary={`Sends ${dateTimeLabel(message.sendAt)}${message.sentBy ? ` · by ${message.sentBy}` : ''}${message.attachments ? ` · ${message.attachments} attachment${message.attachments === 1 ? '' : 's'}` : ''}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      <ComposeDialog
        open={composing}
        audience={{ kind: 'one', candidateId, applicationId, name }}
        onClose={() => setComposing(false)}
        onSent={refresh}
      />
      <Confirm
        isOpen={cancelling !== null}
        loading={cancel.isPending}
        title={`Cancel “${cancelling?.subject ?? ''}”?`}
        content="The message is deleted and never sent."
        confirm="Cancel message"
        cancel="Keep it"
        confirmColor="warning"
        onConfirm={() => cancelling && cancel.mutate(cancelling)}
        onClose={() => setCancelling(null)}
      />
    </Stack>
  );
}
