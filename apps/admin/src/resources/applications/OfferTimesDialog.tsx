import { candidateLabel, type TApplication, type TDirectoryEntry, type TFreeSlots } from '@candor/schemas';
import { clockText, dayText, zonedDay } from '@candor/schemas/time-zones';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { formErrorsFrom } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useTeamDirectory } from '../jobs/useTeamDirectory';
import { InterviewersField, interviewersErrorFrom } from './InterviewersField';
import { InterviewPlaceFields, type InterviewSlot, type SlotErrors } from './InterviewSlotFields';

type Props = {
  open: boolean;
  application: TApplication;
  /** The zone the times are shown in (Your account's). */
  timeZone: string;
  onClose: () => void;
  /** How many times the candidate was offered. */
  onOffered: (count: number) => void;
};

/** What the candidate may be offered at once (the API's limit). */
const MAX_OFFERED = 30;
const DURATIONS = [30, 45, 60, 90, 120];

type Search = { interviewerIds: string[]; durationMinutes: number; from: string; to: string };
type Errors = SlotErrors &
  Partial<Record<'form' | 'title' | 'interviewerIds' | 'from' | 'to' | 'slots', string>>;

/** YYYY-MM-DD `days` from today, in `timeZone`. */
function dayFromToday(days: number, timeZone: string): string {
  return zonedDay(new Date(Date.now() + days * 86_400_000), timeZone).day;
}

/** The found times by day, in the reader's zone: [["Tue 8 Dec 2026", slots], …]. */
function byDay(slots: TFreeSlots['slots'], timeZone: string): Array<[string, TFreeSlots['slots']]> {
  const days = new Map<string, TFreeSlots['slots']>();
  for (const slot of slots) {
    const day = dayText(new Date(slot.startsAt), timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days];
}

/**
 * Self-scheduling from the application page: find the times the chosen
 * interviewers can all make (their working hours, Candor interviews and
 * connected calendars), tick the ones to offer, and the candidate is emailed
 * a link to pick one on the careers site. The interview is created when they do.
 */
export function OfferTimesDialog({ open, application, timeZone, onClose, onOffered }: Props) {
  return (
    <FormDialog open={open} onClose={onClose} maxWidth="md">
      <OfferForm application={application} timeZone={timeZone} onClose={onClose} onOffered={onOffered} />
    </FormDialog>
  );
}

function OfferForm({ application, timeZone, onClose, onOffered }: Omit<Props, 'open'>) {
  const dataProvider = useCandorDataProvider();
  const { data: people = [], isPending: loadingPeople, error: peopleError } = useTeamDirectory();
  const [title, setTitle] = useState('Interview');
  const [interviewers, setInterviewers] = useState<TDirectoryEntry[]>([]);
  const [durationMinutes, setDurationMinutes] = useState(60);
  const [from, setFrom] = useState(() => dayFromToday(1, timeZone));
  const [to, setTo] = useState(() => dayFromToday(7, timeZone));
  const [place, setPlace] = useState<InterviewSlot>({ startsAt: '', endsAt: '', location: '', videoUrl: '' });
  const [found, setFound] = useState<TFreeSlots | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Errors>({});
  const [searching, setSearching] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  /** A change to what was searched makes the found times stale. */
  const changeSearch = (apply: () => void, answered: Array<keyof Errors>) => {
    apply();
    setFound(null);
    setChosen(new Set());
    setErrors((current) => ({
      ...current,
      form: undefined,
      slots: undefined,
      ...Object.fromEntries(answered.map((field) => [field, undefined])),
    }));
  };

  const fieldErrors = (error: unknown): Errors =>
    formErrorsFrom(error, (fields) => ({
      title: fields.title,
      interviewerIds: interviewersErrorFrom(fields),
      from: fields.from,
      to: fields.to,
      slots: fields.slots,
      location: fields.location,
      videoUrl: fields.videoUrl,
    }));

  const search = async () => {
    if (interviewers.length === 0) {
      setErrors((current) => ({ ...current, interviewerIds: 'Pick at least one interviewer' }));
      return;
    }
    const query: Search = {
      interviewerIds: interviewers.map((person) => person.id),
      durationMinutes,
      from,
      to,
    };
    setSearching(true);
    setErrors({});
    try {
      setFound(await dataProvider.freeSlots({ applicationId: application.id, ...query }));
      setChosen(new Set());
    } catch (error) {
      setErrors(fieldErrors(error));
    } finally {
      setSearching(false);
    }
  };

  const toggle = (startsAt: string) => {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(startsAt)) next.delete(startsAt);
      else if (next.size < MAX_OFFERED) next.add(startsAt);
      return next;
    });
    setErrors((current) => ({ ...current, slots: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Errors = {};
    if (!found) local.slots = 'Find the free times first';
    else if (chosen.size === 0) local.slots = 'Tick at least one time';
    if (!place.location.trim() && !place.videoUrl.trim()) local.location = 'Give a location or a video link';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      const slots = found!.slots.filter((slot) => chosen.has(slot.startsAt));
      await dataProvider.offerTimes({
        applicationId: application.id,
        interviewerIds: interviewers.map((person) => person.id),
        title: title.trim() || 'Interview',
        location: place.location.trim() || null,
        videoUrl: place.videoUrl.trim() || null,
        slots,
      });
      onOffered(slots.length);
      onClose();
    } catch (error) {
      setErrors(fieldErrors(error));
      setSubmitting(false);
    }
  };

  const busy = submitting || searching;
  return (
    <DialogForm
      title={`Offer interview times to ${candidateLabel(application.candidate)}`}
      error={
        errors.form ??
        (peopleError ? 'Could not load your colleagues; reload the page and try again.' : undefined)
      }
      submitLabel="Email the candidate"
      submitting={submitting}
      submitDisabled={searching}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <Typography variant="body2" color="text.secondary">
        Candor finds the times every interviewer can make: within their working hours, clear of their
        interviews and of their connected calendar. The candidate gets a link to pick one; it is booked for
        everyone when they do.
      </Typography>
      <TextField
        label="Title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={Boolean(errors.title)}
        helperText={errors.title ?? 'Shown to the candidate and in the calendar invitation.'}
        disabled={busy}
        slotProps={{ htmlInput: { maxLength: 80 } }}
        autoFocus
      />
      <InterviewersField
        people={people}
        loading={loadingPeople}
        value={interviewers}
        onChange={(value) => changeSearch(() => setInterviewers(value), ['interviewerIds'])}
        disabled={busy}
        error={errors.interviewerIds}
        hint="Everyone must be free at the times offered."
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          label="Length"
          value={durationMinutes}
          onChange={(event) => changeSearch(() => setDurationMinutes(Number(event.target.value)), [])}
          disabled={busy}
          sx={{ minWidth: 140 }}
        >
          {DURATIONS.map((minutes) => (
            <MenuItem key={minutes} value={minutes}>
              {minutes} minutes
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          label="From"
          value={from}
          onChange={(event) => changeSearch(() => setFrom(event.target.value), ['from'])}
          error={Boolean(errors.from)}
          helperText={errors.from ?? ' '}
          disabled={busy}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          label="Until"
          value={to}
          onChange={(event) => changeSearch(() => setTo(event.target.value), ['to'])}
          error={Boolean(errors.to)}
          helperText={errors.to ?? 'Up to three weeks'}
          disabled={busy}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Box sx={{ pt: { sm: 1 } }}>
          <Button variant="outlined" onClick={search} disabled={busy || loadingPeople}>
            {searching ? 'Finding times…' : 'Find free times'}
          </Button>
        </Box>
      </Stack>
      {found && (
        <FoundTimes found={found} timeZone={timeZone} chosen={chosen} onToggle={toggle} busy={busy} />
      )}
      {errors.slots && (
        <Alert severity="error" role="alert">
          {errors.slots}
        </Alert>
      )}
      <InterviewPlaceFields
        slot={place}
        errors={errors}
        disabled={busy}
        onChange={(next, answered) => {
          setPlace(next);
          setErrors((current) => ({
            ...current,
            ...Object.fromEntries(answered.map((field) => [field, undefined])),
          }));
        }}
      />
    </DialogForm>
  );
}

function FoundTimes({
  found,
  timeZone,
  chosen,
  onToggle,
  busy,
}: {
  found: TFreeSlots;
  timeZone: string;
  chosen: Set<string>;
  onToggle: (startsAt: string) => void;
  busy: boolean;
}) {
  const headingId = useId();
  const days = byDay(found.slots, timeZone);
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Free times ({chosen.size} of at most {MAX_OFFERED} ticked)
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        In your time zone, {timeZone}.
        {found.timeZone !== timeZone &&
          ` The candidate first sees them in the job’s, ${found.timeZone}, and can pick their own.`}
      </Typography>
      {found.calendarsUnread.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          Could not read the calendar of {found.calendarsUnread.map((person) => person.name).join(', ')}: what
          is in it was not taken into account.
        </Alert>
      )}
      {days.length === 0 ? (
        <Typography color="text.secondary">
          No time every interviewer can make in these days. Try more days, a shorter interview or fewer
          interviewers.
        </Typography>
      ) : (
        <Stack spacing={1} sx={{ maxHeight: 320, overflowY: 'auto' }}>
          {days.map(([day, slots]) => (
            <DayOfTimes
              key={day}
              day={day}
              slots={slots}
              timeZone={timeZone}
              chosen={chosen}
              onToggle={onToggle}
              busy={busy}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}

function DayOfTimes({
  day,
  slots,
  timeZone,
  chosen,
  onToggle,
  busy,
}: {
  day: string;
  slots: TFreeSlots['slots'];
  timeZone: string;
  chosen: Set<string>;
  onToggle: (startsAt: string) => void;
  busy: boolean;
}) {
  const dayId = useId();
  return (
    <Box>
      <Typography id={dayId} variant="body2" sx={{ fontWeight: 600 }}>
        {day}
      </Typography>
      <FormGroup row role="group" aria-labelledby={dayId}>
        {slots.map((slot) => (
          <FormControlLabel
            key={slot.startsAt}
            control={
              <Checkbox
                size="small"
                checked={chosen.has(slot.startsAt)}
                onChange={() => onToggle(slot.startsAt)}
                disabled={busy || (!chosen.has(slot.startsAt) && chosen.size >= MAX_OFFERED)}
              />
            }
            label={`${clockText(new Date(slot.startsAt), timeZone)}–${clockText(new Date(slot.endsAt), timeZone)}`}
          />
        ))}
      </FormGroup>
    </Box>
  );
}
