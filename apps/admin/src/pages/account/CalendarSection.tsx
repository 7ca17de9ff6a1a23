import {
  type TCalendarSettings,
  type TCalendarSettingsInput,
  TIME_ZONES,
  type TWorkingHours,
  WEEKDAY_LABELS,
} from '@candor/schemas';
import { Alert, Autocomplete, Checkbox, FormControlLabel, Skeleton, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { BROWSER_ZONE, CALENDAR_KEY, useCalendarSettings } from '../../lib/myCalendar';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

/** One range a weekday as the form edits it; the API takes several, the form keeps to one. */
type Day = { on: boolean; start: string; end: string };
type Draft = { timeZone: string; days: Day[] };

function toDraft(settings: TCalendarSettings): Draft {
  return {
    timeZone: settings.timeZone,
    days: WEEKDAY_LABELS.map((_, index) => {
      const range = settings.workingHours.find((r) => r.weekday === index + 1);
      return range
        ? { on: true, start: range.start, end: range.end }
        : { on: false, start: '09:00', end: '17:00' };
    }),
  };
}

function toInput(draft: Draft): TCalendarSettingsInput {
  const workingHours: TWorkingHours = draft.days.flatMap((day, index) =>
    day.on ? [{ weekday: index + 1, start: day.start, end: day.end }] : [],
  );
  return { timeZone: draft.timeZone, workingHours };
}

/**
 * "Time zone and working hours": interview emails to you show times in your
 * zone; self-scheduling offers candidates times within your hours.
 */
export function CalendarSection() {
  const settings = useCalendarSettings();
  return (
    <Section
      title="Time zone and working hours"
      hint="Interview emails show times in your zone. Candidates choosing an interview time are offered times within your working hours."
    >
      {settings.data ? (
        <CalendarForm settings={settings.data} />
      ) : settings.error ? (
        <Alert severity="error">{toHttpError(settings.error).message}</Alert>
      ) : (
        <LoadingBlock label="Loading" height={160} variant="rounded" />
      )}
    </Section>
  );
}

function CalendarForm({ settings }: { settings: TCalendarSettings }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const saved = toDraft(settings);
  const [draft, setDraft] = useState<Draft>(saved);
  const [error, setError] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  useUnsavedChangesWarning(dirty);

  const save = useMutation({
    mutationFn: () => trpc.calendar.update.mutate(toInput(draft)),
    onSuccess: (next) => {
      queryClient.setQueryData(CALENDAR_KEY, next);
      setDraft(toDraft(next));
      setError(null);
      notify('Time zone and working hours saved', { type: 'success' });
    },
    onError: (failure) => {
      const httpError = toHttpError(failure);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      setError(
        fields.timeZone ??
          (Object.keys(fields).length > 0 ? 'Each day must end after it starts.' : httpError.message),
      );
    },
  });
  const setDay = (index: number, patch: Partial<Day>) =>
    setDraft((current) => ({
      ...current,
      days: current.days.map((day, i) => (i === index ? { ...day, ...patch } : day)),
    }));
  const zones = [BROWSER_ZONE, ...TIME_ZONES.filter((zone) => zone !== BROWSER_ZONE)];

  return (
    <Stack
      spacing={2}
      component="form"
      aria-label="Time zone and working hours"
      onSubmit={(e) => e.preventDefault()}
    >
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Autocomplete
        options={zones}
        value={draft.timeZone}
        disableClearable
        onChange={(_event, value) => setDraft((current) => ({ ...current, timeZone: value }))}
        renderInput={(params) => (
          <TextField {...params} label="Time zone" helperText={`This browser is in ${BROWSER_ZONE}.`} />
        )}
        sx={{ maxWidth: 420 }}
      />
      <Stack spacing={1} role="group" aria-label="Working hours">
        {WEEKDAY_LABELS.map((label, index) => {
          const day = draft.days[index]!;
          return (
            <Stack key={label} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={day.on}
                    onChange={(event) => setDay(index, { on: event.target.checked })}
                  />
                }
                label={label}
                sx={{ width: 150, flexShrink: 0 }}
              />
              <TextField
                label={`${label} from`}
                type="time"
                size="small"
                value={day.start}
                disabled={!day.on}
                onChange={(event) => setDay(index, { start: event.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                label={`${label} until`}
                type="time"
                size="small"
                value={day.end}
                disabled={!day.on}
                onChange={(event) => setDay(index, { end: event.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Stack>
          );
        })}
      </Stack>
      <SaveBar
        placement="inline"
        saveLabel="Save time zone and hours"
        saving={save.isPending}
        disabled={save.isPending || !dirty}
        onSave={() => save.mutate()}
        onDiscard={() => {
          setDraft(saved);
          setError(null);
        }}
      />
    </Stack>
  );
}
