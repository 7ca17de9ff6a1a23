import { Stack, TextField } from '@mui/material';
import { useState } from 'react';

/** When and where an interview takes place, as the form holds it (datetime-local strings, free text). */
export type InterviewSlot = { startsAt: string; endsAt: string; location: string; videoUrl: string };
export type SlotErrors = Partial<Record<keyof InterviewSlot, string>>;

const HOUR_MS = 3_600_000;

/** A Date as the value of an `<input type="datetime-local">`, in the reader's time zone. */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The local time the browser read from a datetime-local input, as an ISO timestamp (UTC offset). */
export function toIso(local: string): string | null {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Tomorrow at 10:00 local time, for an hour. */
export function defaultSlot(): InterviewSlot {
  const start = new Date();
  start.setDate(start.getDate() + 1);
  start.setHours(10, 0, 0, 0);
  return {
    startsAt: toDateTimeLocal(start),
    endsAt: toDateTimeLocal(new Date(start.getTime() + HOUR_MS)),
    location: '',
    videoUrl: '',
  };
}

/** The slot as the API takes it, or the errors the form shows before sending anything. */
export function slotInput(slot: InterviewSlot):
  | {
      ok: true;
      value: { startsAt: string; endsAt: string; location: string | null; videoUrl: string | null };
    }
  | { ok: false; errors: SlotErrors } {
  const startsAt = toIso(slot.startsAt);
  const endsAt = toIso(slot.endsAt);
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
  errors: SlotErrors;
  disabled: boolean;
  /** The changed values; the fields whose errors the change answers are cleared by the caller. */
  onChange: (next: InterviewSlot, answered: Array<keyof InterviewSlot>) => void;
};

/** Start and end; moving the start keeps the duration. */
export function InterviewTimeFields({ slot, errors, disabled, onChange }: FieldsProps) {
  const changeStart = (value: string) => {
    const previousStart = toIso(slot.startsAt);
    const previousEnd = toIso(slot.endsAt);
    const nextStart = toIso(value);
    const duration =
      previousStart && previousEnd
        ? new Date(previousEnd).getTime() - new Date(previousStart).getTime()
        : HOUR_MS;
    const endsAt = nextStart
      ? toDateTimeLocal(new Date(new Date(nextStart).getTime() + Math.max(duration, HOUR_MS / 2)))
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
        helperText={errors.startsAt ?? 'Your local time'}
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
export function InterviewPlaceFields({ slot, errors, disabled, onChange }: FieldsProps) {
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
