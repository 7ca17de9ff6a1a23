import type { TCalDavConnectInput } from '@candor/schemas';
import { Alert, Button, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { CALENDAR_KEY, useCalendarSettings } from '../../lib/myCalendar';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const EMPTY: TCalDavConnectInput = { serverUrl: '', username: '', password: '' };

/**
 * "Connected calendar": a CalDAV calendar (Google, iCloud, Fastmail,
 * Nextcloud…) Candor reads busy times from when offering interview times,
 * and writes your interviews into. The app password is kept sealed.
 */
export function CalendarConnectionSection() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const settings = useCalendarSettings();
  const [draft, setDraft] = useState<TCalDavConnectInput>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof TCalDavConnectInput | 'form', string>>>({});
  const [confirming, setConfirming] = useState(false);
  const connect = useMutation({
    mutationFn: () => trpc.calendar.connectCalDav.mutate(draft),
    onSuccess: (next) => {
      queryClient.setQueryData(CALENDAR_KEY, next);
      setDraft(EMPTY);
      setErrors({});
      notify('Calendar connected', { type: 'success' });
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      setErrors({ ...fields, form: Object.keys(fields).length > 0 ? undefined : httpError.message });
    },
  });
  const disconnect = useMutation({
    mutationFn: () => trpc.calendar.disconnectCalDav.mutate(),
    onSuccess: (next) => {
      queryClient.setQueryData(CALENDAR_KEY, next);
      notify('Calendar disconnected', { type: 'success' });
    },
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  const change = (patch: Partial<TCalDavConnectInput>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors({});
  };
  const caldav = settings.data?.caldav ?? null;

  return (
    <Section
      title="Connected calendar"
      hint="Connect your calendar over CalDAV: Candor reads when you are busy before offering interview times, and puts your interviews in it. Use an app password, not your main password."
    >
      {!settings.data ? (
        <LoadingBlock label="Loading" height={60} variant="rounded" />
      ) : caldav ? (
        <Stack spacing={2}>
          <Typography variant="body2">
            Connected as {caldav.username} at {caldav.serverUrl}.
          </Typography>
          {caldav.error && (
            <Alert severity="warning">
              The last attempt to use it failed
              {caldav.errorAt ? ` (${when.format(new Date(caldav.errorAt))})` : ''}: {caldav.error}
            </Alert>
          )}
          <div>
            <Button color="error" onClick={() => setConfirming(true)} disabled={disconnect.isPending}>
              Disconnect
            </Button>
          </div>
        </Stack>
      ) : (
        <Stack
          spacing={2}
          component="form"
          aria-label="Connect a calendar"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            connect.mutate();
          }}
        >
          {errors.form && (
            <Alert severity="error" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextField
            label="CalDAV address"
            type="url"
            required
            value={draft.serverUrl}
            onChange={(event) => change({ serverUrl: event.target.value })}
            error={Boolean(errors.serverUrl)}
            helperText={
              errors.serverUrl ?? 'e.g. https://caldav.fastmail.com/ (the README lists the common ones)'
            }
          />
          <TextField
            label="User name"
            required
            autoComplete="off"
            value={draft.username}
            onChange={(event) => change({ username: event.target.value })}
            error={Boolean(errors.username)}
            helperText={errors.username ?? ' '}
          />
          <TextField
            label="App password"
            type="password"
            required
            autoComplete="new-password"
            value={draft.password}
            onChange={(event) => change({ password: event.target.value })}
            error={Boolean(errors.password)}
            helperText={errors.password ?? 'Made in your calendar account’s security settings.'}
          />
          <div>
            <Button type="submit" variant="contained" disabled={connect.isPending}>
              Connect calendar
            </Button>
          </div>
        </Stack>
      )}
      <Confirm
        isOpen={confirming}
        title="Disconnect your calendar?"
        content="Candor stops reading your busy times and writing interviews there. Events already written stay."
        confirm="Disconnect"
        loading={disconnect.isPending}
        onConfirm={() => disconnect.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Section>
  );
}
