import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Alert,
  Badge,
  Box,
  Button,
  CircularProgress,
  Divider,
  IconButton,
  List,
  Popover,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { NotificationItem } from './NotificationItem';
import { NOTIFICATIONS_KEY, useMarkRead, useUnreadCount } from './notificationQueries';

/** "Notifications, 3 unread": the button's name says the number the badge shows. */
export function bellLabel(unread: number): string {
  return unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
}

/**
 * The bell in the app bar: the unread count, and on click the latest
 * notifications, each a link to what it is about; mark all read; the full page.
 */
export function NotificationBell() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const headingId = useId();
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  const open = anchor !== null;
  const close = () => setAnchor(null);
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={bellLabel(unread)}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {/* No badge at zero: a hidden badge keeps its last number in the page, which the button's name would not say. */}
        {unread > 0 ? (
          <Badge badgeContent={unread} max={99} color="error">
            <NotificationsIcon />
          </Badge>
        ) : (
          <NotificationsIcon />
        )}
      </IconButton>
      <Popover
        open={open}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{
          paper: { role: 'dialog', 'aria-labelledby': headingId, sx: { width: 400, maxWidth: '95vw' } },
        }}
      >
        {open && <LatestNotifications headingId={headingId} onClose={close} />}
      </Popover>
    </>
  );
}

function LatestNotifications({ headingId, onClose }: { headingId: string; onClose: () => void }) {
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
