import {
  Alert,
  Box,
  Button,
  Card,
  CircularProgress,
  FormControlLabel,
  List,
  Stack,
  Switch,
} from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { NotificationItem } from './NotificationItem';
import { NOTIFICATIONS_KEY, useMarkRead } from './notificationQueries';

const PAGE = 25;

/** Every notification of the signed-in member in this organisation, newest first, a page at a time. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'page', unreadOnly],
    queryFn: ({ pageParam }) =>
      trpc.notifications.list.query({ unreadOnly, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as { createdAt: string; id: string } | null,
    getNextPageParam: (last) => {
      const tail = last.items.at(-1);
      return last.more && tail ? { createdAt: tail.createdAt, id: tail.id } : undefined;
    },
  });
  const { one, all } = useMarkRead();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 860 }}>
      <Title title="Notifications" />
      <PageHeading>Notifications</PageHeading>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <FormControlLabel
          control={<Switch checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />}
          label="Unread only"
        />
        <Stack direction="row" spacing={1}>
          <Button component={Link} to="/account">
            Email settings
          </Button>
          <Button
            variant="outlined"
            onClick={() => all.mutate()}
            disabled={all.isPending || items.length === 0}
          >
            Mark all read
          </Button>
        </Stack>
      </Stack>
      <Card aria-busy={pages.isPending}>
        {pages.isPending && (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress aria-label="Loading notifications" />
          </Box>
        )}
        {pages.isError && <Alert severity="error">{toHttpError(pages.error).message}</Alert>}
        {pages.data && items.length === 0 && (
          <EmptyState
            title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}
            hint="You hear here about new applications on your jobs, scorecards due, interviews coming up, offers answered, mentions in notes and privacy requests due."
          />
        )}
        {items.length > 0 && (
          <List disablePadding aria-label="Notifications">
            {items.map((n) => (
              <NotificationItem
                key={n.id}
                notification={n}
                onOpen={(opened) => opened.readAt === null && one.mutate(opened.id)}
                onMarkRead={(target) => one.mutate(target.id)}
              />
            ))}
          </List>
        )}
      </Card>
      {pages.hasNextPage && (
        <Box sx={{ textAlign: 'center' }}>
          <Button onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            Show older
          </Button>
        </Box>
      )}
    </Stack>
  );
}
