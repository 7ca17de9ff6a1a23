import type { TSessionSummary } from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

export const SESSIONS_KEY = ['auth', 'sessions'] as const;

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function SessionRow({
  session,
  onEnd,
  ending,
}: {
  session: TSessionSummary;
  onEnd(): void;
  ending: boolean;
}) {
  const device = session.device ?? 'Unknown browser';
  return (
    <ListItem
      divider
      secondaryAction={
        session.current ? (
          <Chip label="This browser" color="primary" size="small" />
        ) : (
          <Button size="small" onClick={onEnd} disabled={ending} aria-label={`Sign out ${device}`}>
            Sign out
          </Button>
        )
      }
    >
      <ListItemText
        primary={device}
        secondary={`Signed in ${when.format(new Date(session.createdAt))} · last active ${when.format(new Date(session.lastSeenAt))}`}
      />
    </ListItem>
  );
}

/**
 * "Your sessions": every browser signed in to this account, to end any of
 * them or all but this one. Candor keeps no IP address, so it shows no place.
 */
export function SessionsSection() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => trpc.auth.sessions.query() });
  const refresh = () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
  const onError = (error: unknown) => notify(toHttpError(error).message, { type: 'error' });

  const endOne = useMutation({
    mutationFn: (id: string) => trpc.auth.endSession.mutate({ id }),
    onSuccess: () => notify('Signed out that session', { type: 'success' }),
    onError,
    onSettled: refresh,
  });
  const endOthers = useMutation({
    mutationFn: () => trpc.auth.endOtherSessions.mutate(),
    onSuccess: ({ ended }) =>
      notify(ended === 1 ? 'Signed out 1 other session' : `Signed out ${ended} other sessions`, {
        type: 'success',
      }),
    onError,
    onSettled: () => {
      setConfirming(false);
      return refresh();
    },
  });

  const others = sessions.data?.filter((s) => !s.current) ?? [];

  return (
    <Card component="section" aria-labelledby="sessions-heading">
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="h6" component="h2" id="sessions-heading">
            Your sessions
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Browsers signed in to your account. Sign out any you do not recognise. Candor keeps no IP
            addresses, so it cannot show where a session is.
          </Typography>
          {sessions.isPending && (
            <Box sx={{ display: 'flex', justifyContent: 'center', py: 2 }}>
              <CircularProgress aria-label="Loading your sessions" />
            </Box>
          )}
          {sessions.isError && <Alert severity="error">{toHttpError(sessions.error).message}</Alert>}
          {sessions.data && (
            <List aria-label="Your sessions" disablePadding>
              {sessions.data.map((session) => (
                <SessionRow
                  key={session.id}
                  session={session}
                  ending={endOne.isPending && endOne.variables === session.id}
                  onEnd={() => endOne.mutate(session.id)}
                />
              ))}
            </List>
          )}
          {sessions.data && others.length === 0 && (
            <Typography variant="body2">You are signed in only here.</Typography>
          )}
          <Box>
            <Button
              variant="outlined"
              color="error"
              disabled={others.length === 0 || endOthers.isPending}
              onClick={() => setConfirming(true)}
            >
              Sign out everywhere else
            </Button>
          </Box>
        </Stack>
      </CardContent>
      <Confirm
        isOpen={confirming}
        loading={endOthers.isPending}
        title="Sign out everywhere else?"
        content={`This ends ${others.length === 1 ? 'your other session' : `your ${others.length} other sessions`}. This browser stays signed in.`}
        confirm="Sign out everywhere else"
        onConfirm={() => endOthers.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Card>
  );
}
