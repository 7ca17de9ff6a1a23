import { Alert, Button, Skeleton, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { CopyableField } from '../../components/CopyableField';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { CALENDAR_KEY, useCalendarSettings } from '../../lib/myCalendar';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "Calendar feed": a private link Outlook, Google Calendar or Apple Calendar
 * subscribe to, listing one's upcoming interviews. The link is shown once
 * (only its hash is kept); a new link or turning it off stops the old one.
 */
export function CalendarFeedSection() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const settings = useCalendarSettings();
  const [link, setLink] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'renew' | 'revoke' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: CALENDAR_KEY });
  const onError = (error: unknown) => notify(toHttpError(error).message, { type: 'error' });
  const renew = useMutation({
    mutationFn: () => trpc.calendar.renewFeed.mutate(),
    onSuccess: ({ url }) => setLink(url),
    onError,
    onSettled: () => {
      setConfirming(null);
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => trpc.calendar.revokeFeed.mutate(),
    onSuccess: (next) => {
      queryClient.setQueryData(CALENDAR_KEY, next);
      setLink(null);
      notify('The feed link no longer works', { type: 'success' });
    },
    onError,
    onSettled: () => setConfirming(null),
  });
  const active = settings.data?.feedCreatedAt ?? null;

  return (
    <Section
      title="Calendar feed"
      hint="A private link your calendar app can subscribe to (Outlook: Add calendar › From internet; Google Calendar: Other calendars › From URL). It lists your upcoming Candor interviews, naming the job, not the candidate."
    >
      {!settings.data ? (
        <LoadingBlock label="Loading" height={60} variant="rounded" />
      ) : (
        <Stack spacing={2}>
          {link && (
            <>
              <Alert severity="success">
                Copy the link now: it is shown only once. Anyone with it can see the feed.
              </Alert>
              <CopyableField
                label="Your feed link"
                what="feed link"
                value={link}
                helperText="Paste it into your calendar app's subscribe option."
              />
            </>
          )}
          {!link && (
            <Typography variant="body2">
              {active
                ? `A feed link made on ${when.format(new Date(active))} is active.`
                : 'You have no feed link.'}
            </Typography>
          )}
          <Stack direction="row" spacing={1}>
            <Button
              variant={active ? 'outlined' : 'contained'}
              onClick={() => (active ? setConfirming('renew') : renew.mutate())}
              disabled={renew.isPending}
            >
              {active ? 'Make a new link' : 'Make a feed link'}
            </Button>
            {active && (
              <Button color="error" onClick={() => setConfirming('revoke')} disabled={revoke.isPending}>
                Turn off the feed
              </Button>
            )}
          </Stack>
        </Stack>
      )}
      <Confirm
        isOpen={confirming !== null}
        title={confirming === 'revoke' ? 'Turn off your calendar feed?' : 'Make a new feed link?'}
        content="Calendars subscribed to the current link stop receiving your interviews."
        confirm={confirming === 'revoke' ? 'Turn off' : 'Make a new link'}
        loading={renew.isPending || revoke.isPending}
        onConfirm={() => (confirming === 'revoke' ? revoke.mutate() : renew.mutate())}
        onClose={() => setConfirming(null)}
      />
    </Section>
  );
}
