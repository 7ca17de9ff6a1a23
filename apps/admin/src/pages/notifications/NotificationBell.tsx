import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Box, CircularProgress, IconButton, Popover } from '@mui/material';
import { lazy, Suspense, useId, useState } from 'react';
import { useUnreadCount } from './notificationQueries';

/**
 * The panel's list, dates and buttons load on the first click: the bell is
 * on every page, and the first load has a budget (first-load.e2e.test.ts).
 */
const LatestNotifications = lazy(() => import('./LatestNotifications'));

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
        {open && (
          <Suspense
            fallback={
              <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
                <CircularProgress aria-label="Loading notifications" size={28} />
              </Box>
            }
          >
            <LatestNotifications headingId={headingId} onClose={close} />
          </Suspense>
        )}
      </Popover>
    </>
  );
}
