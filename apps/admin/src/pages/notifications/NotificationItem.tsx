import type { TNotification } from '@candor/schemas';
import { NOTIFICATION_KIND_LABELS } from '@candor/schemas/labels';
import { Box, Button, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { Link } from 'react-router';
import { dateTimeLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';

/**
 * One notification: a link to what it is about (opening it marks it read),
 * with what kind it is, who caused it and when. Unread ones are bold with
 * a dot, and say "Unread" to assistive technology.
 */
export function NotificationItem({
  notification: n,
  onOpen,
  onMarkRead,
}: {
  notification: TNotification;
  onOpen: (n: TNotification) => void;
  /** Shown as a button beside an unread item (the full page); the menu marks on open only. */
  onMarkRead?: (n: TNotification) => void;
}) {
  const unread = n.readAt === null;
  const meta = [
    NOTIFICATION_KIND_LABELS[n.kind],
    n.actorName && `by ${n.actorName}`,
    dateTimeLabel(n.createdAt),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <ListItem
      disablePadding
      divider
      secondaryAction={
        onMarkRead && unread ? (
          <Button size="small" onClick={() => onMarkRead(n)} aria-label={`Mark read: ${n.text}`}>
            Mark read
          </Button>
        ) : undefined
      }
    >
      <ListItemButton component={Link} to={n.link} onClick={() => onOpen(n)} sx={{ pr: onMarkRead ? 14 : 2 }}>
        <Box
          aria-hidden
          sx={{
            width: 8,
            height: 8,
            borderRadius: '50%',
            flexShrink: 0,
            mr: 1.5,
            bgcolor: unread ? 'primary.main' : 'transparent',
          }}
        />
        <ListItemText
          primary={
            <>
              {unread && (
                <Box component="span" sx={visuallyHidden}>
                  Unread:{' '}
                </Box>
              )}
              {n.text}
            </>
          }
          secondary={meta}
          slotProps={{ primary: { sx: { fontWeight: unread ? 600 : 400, overflowWrap: 'anywhere' } } }}
        />
      </ListItemButton>
    </ListItem>
  );
}
