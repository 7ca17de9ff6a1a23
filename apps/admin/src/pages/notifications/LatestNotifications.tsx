import { Alert, Box, Button, CircularProgress, Divider, List, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { NotificationItem } from './NotificationItem';
import { NOTIFICATIONS_KEY, useMarkRead } from './notificationQueries';

/** The bell's panel: the latest notifications, mark all read, and a link to the full page. */
export default function LatestNotifications({
  headingId,
  onClose,
}: {
  headingId: string;
  onClose: () => void;
}) {
  const latest = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    queryFn: () => trpc.notifications.list.query({ limit: 8 }),
  });
  const { one, all } = useMarkRead();
  const anyUnread = latest.data?.items.some((n) => n.readAt === null) ?? false;
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1 }}>
        <Typography variant="subtitle1" component="h2" id={headingId} sx={{ fontWeight: 600 }}>
          Notifications
        </Typography>
        <Button size="small" onClick={() => all.mutate()} disabled={!anyUnread || all.isPending}>
          Mark all read
        </Button>
      </Stack>
      <Divider />
      {latest.isPending && (
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
          <CircularProgress aria-label="Loading notifications" size={28} />
        </Box>
      )}
      {latest.isError && (
        <Alert severity="error" sx={{ m: 2 }}>
          {toHttpError(latest.error).message}
        </Alert>
      )}
      {latest.data && latest.data.items.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 2, py: 3, textAlign: 'center' }}>
          You are all caught up.
        </Typography>
      )}
      {latest.data && latest.data.items.length > 0 && (
        <List
          dense
          disablePadding
          aria-label="Latest notifications"
          sx={{ maxHeight: 420, overflowY: 'auto' }}
        >
          {latest.data.items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onOpen={(opened) => {
                if (opened.readAt === null) one.mutate(opened.id);
                onClose();
              }}
            />
          ))}
        </List>
      )}
      <Box sx={{ px: 2, py: 1, textAlign: 'right' }}>
        <Button size="small" component={Link} to="/notifications" onClick={onClose}>
          See all notifications
        </Button>
      </Box>
    </Box>
  );
}
