import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

/** Every notification query sits under this key, so a change refreshes the bell, the menu and the page at once. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

/**
 * The bell's number: one cheap count, asked again every minute and when
 * the window comes back into focus, never more often.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'count'],
    queryFn: () => trpc.notifications.unreadCount.query(),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}

/** Marking one or all read, then refreshing what shows them. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const settled = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const onError = (error: unknown) => notify(toHttpError(error).message, { type: 'error' });
  const one = useMutation({
    mutationFn: (id: string) => trpc.notifications.markRead.mutate({ ids: [id] }),
    onError,
    onSettled: settled,
  });
  const all = useMutation({
    mutationFn: () => trpc.notifications.markAllRead.mutate(),
    onError,
    onSettled: settled,
  });
  return { one, all };
}
