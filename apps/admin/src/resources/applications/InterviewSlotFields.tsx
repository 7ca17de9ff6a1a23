import { fromWallClock, wallClock, zonedDay, zonedInstant } from '@candor/schemas/time-zones';
import { Stack, TextField } from '@mui/material';
import { useState } from 'react';

/** When and where an interview takes place, as the form holds it (datetime-local strings, free text). */
export type InterviewSlot = { startsAt: string; endsAt: string; location: string; videoUrl: string };
export type SlotErrors = Partial<Record<keyof InterviewSlot, string>>;

const HOUR_MS = 3_600_000;

/** A Date as the value of an `<input type="datetime-local">`: the wall clock in `timeZone`. */
export function toDateTimeLocal(date: Date, timeZone: string): string {
  return wallClock(date, timeZone);
}

/** A datetime-local value read as the wall clock in `timeZone`, as an ISO timestamp (UTC). */
export function toIso(local: string, timeZone: string): string | null {
  return fromWallClock(local, timeZone)?.toISOString() ?? null;
}

/** Tomorrow at 10:00 in `timeZone`, for an hour. */
export function defaultSlot(timeZone: string): InterviewSlot {
  const tomorrow = zonedDay(new Date(Date.now() + 86_400_000), timeZone).day;
  const start = zonedInstant(tomorrow, 10 * 60, timeZone);
  return {
    startsAt: toDateTimeLocal(start, timeZone),
    endsAt: toDateTimeLocal(new Date(start.getTime() + HOUR_MS), timeZone),
    location: '',
    videoUrl: '',
  };
}

/** The slot as the API takes it, or the errors the form shows before sending anything. */
export function slotInput(
  slot: InterviewSlot,
  timeZone: string,
):
  | {
      ok: true;
      value: { startsAt: string; endsAt: string; location: string | null; videoUrl: string | null };
    }
  | { ok: false; errors: SlotErrors } {
  const startsAt = toIso(slot.startsAt, timeZone);
  const endsAt = toIso(slot.endsAt, timeZone);
  const errors: SlotErrors = {};
  if (!startsAt) errors.startsAt = 'Pick the start date and time';
  if (!endsAt) errors.endsAt = 'Pick the end date and time';
  if (!slot.location.trim() && !slot.videoUrl.trim()) errors.location = 'Give a location or a video link';
  if (!startsAt || !endsAt || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      startsAt,
      endsAt,
      location: slot.location.trim() || null,
      videoUrl: slot.videoUrl.trim() || null,
    },
  };
}

/**
 * A slot being edited and the form's errors (`E`: the slot's and the form's
 * own): a change clears the errors of the fields it answers.
 */
export function useInterviewSlot<E extends SlotErrors>(initial: InterviewSlot | (() => InterviewSlot)) {
  const [slot, setSlot] = useState<InterviewSlot>(initial);
  const [errors, setErrors] = useState<E>({} as E);
  const changeSlot = (next: InterviewSlot, answered: Array<keyof InterviewSlot>) => {
    setSlot(next);
    setErrors((current) => ({
      ...current,
      ...Object.fromEntries(answered.map((field) => [field, undefined])),
    }));
  };
  return { slot, changeSlot, errors, setErrors };
}

/** The server's field errors (from `toHttpError(...).body.errors`) that belong to a slot's fields. */
export function slotErrorsFrom(fields: Record<string, string>): SlotErrors {
  return {
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    location: fields.location,
    videoUrl: fields.videoUrl,
  };
}

type FieldsProps = {
  slot: InterviewSlot;
  /** The zone the times are typed in (Your account's). */
  timeZone: string;
  errors: SlotErrors;
  disabled: boolean;
  /** The changed values; the fields whose errors the change answers are cleared by the caller. */
  onChange: (next: InterviewSlot, answered: Array<keyof InterviewSlot>) => void;
};

/** Start and end; moving the start keeps the duration. */
export function InterviewTimeFields({ slot, timeZone, errors, disabled, onChange }: FieldsProps) {
  const changeStart = (value: string) => {
    const previousStart = toIso(slot.startsAt, timeZone);
    const previousEnd = toIso(slot.endsAt, timeZone);
    const nextStart = toIso(value, timeZone);
    const duration =
      previousStart && previousEnd
        ? new Date(previousEnd).getTime() - new Date(previousStart).getTime()
        : HOUR_MS;
    const endsAt = nextStart
      ? toDateTimeLocal(new Date(new Date(nextStart).getTime() + Math.max(duration, HOUR_MS / 2)), timeZone)
      : slot.endsAt;
    onChange({ ...slot, startsAt: value, endsAt }, ['startsAt', 'endsAt']);
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <TextField
        label="Starts"
        type="datetime-local"
        required
        fullWidth
        value={slot.startsAt}
        onChange={(event) => changeStart(event.target.value)}
        error={Boolean(errors.startsAt)}
        helperText={errors.startsAt ?? `In your time zone, ${timeZone}`}
        disabled={disabled}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        label="Ends"
        type="datetime-local"
        required
        fullWidth
        value={slot.endsAt}
        onChange={(event) => onChange({ ...slot, endsAt: event.target.value }, ['endsAt'])}
        error={Boolean(errors.endsAt)}
        helperText={errors.endsAt ?? ' '}
        disabled={disabled}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Stack>
  );
}

/** A place, a video link, or both. */
export function InterviewPlaceFields({ slot, errors, disabled, onChange }: Omit<FieldsProps, 'timeZone'>) {
  return (
    <>
      <TextField
        label="Location"
        placeholder="Office, room"
        value={slot.location}
        onChange={(event) => onChange({ ...slot, location: event.target.value }, ['location'])}
        error={Boolean(errors.location)}
        helperText={errors.location ?? 'A place, a video link, or both.'}
        disabled={disabled}
      />
      <TextField
        label="Video link"
        type="url"
        placeholder="https://meet.example.com/…"
        value={slot.videoUrl}
        onChange={(event) => onChange({ ...slot, videoUrl: event.target.value }, ['videoUrl', 'location'])}
        error={Boolean(errors.videoUrl)}
        helperText={errors.videoUrl ?? 'An https:// meeting link.'}
        disabled={disabled}
      />
    </>
  );
}
