import { candidateLabel, type TApplication, type TDirectoryEntry, type TInterview } from '@candor/schemas';
import { Autocomplete, Stack, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useTeamDirectory } from '../jobs/useTeamDirectory';

type Props = {
  open: boolean;
  application: TApplication;
  onClose: () => void;
  onScheduled: (interview: TInterview) => void;
};

const HOUR_MS = 3_600_000;

/** A Date as the value of an `<input type="datetime-local">`, in the reader's time zone. */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Tomorrow at 10:00 local time. */
function defaultStart(): Date {
  const start = new Date();
  start.setDate(start.getDate() + 1);
  start.setHours(10, 0, 0, 0);
  return start;
}

/** The local time the browser read from a datetime-local input, as an ISO timestamp (UTC offset). */
function toIso(local: string): string | null {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

type Errors = Partial<
  Record<'form' | 'title' | 'startsAt' | 'endsAt' | 'interviewerIds' | 'location' | 'videoUrl', string>
>;

/** Schedules an interview; each interviewer gets an email with an .ics invitation. */
export function ScheduleInterviewDialog({ open, application, onClose, onScheduled }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <ScheduleForm application={application} onClose={onClose} onScheduled={onScheduled} />
    </FormDialog>
  );
}

function ScheduleForm({ application, onClose, onScheduled }: Omit<Props, 'open'>) {
  const dataProvider = useCandorDataProvider();
  const { data: people = [], isPending: loadingPeople, error: peopleError } = useTeamDirectory();
  const [title, setTitle] = useState('Interview');
  const [startsAt, setStartsAt] = useState(() => toDateTimeLocal(defaultStart()));
  const [endsAt, setEndsAt] = useState(() => toDateTimeLocal(new Date(defaultStart().getTime() + HOUR_MS)));
  const [interviewers, setInterviewers] = useState<TDirectoryEntry[]>([]);
  const [location, setLocation] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  const changeStart = (value: string) => {
    const previousStart = toIso(startsAt);
    const previousEnd = toIso(endsAt);
    const nextStart = toIso(value);
    setStartsAt(value);
    // Keep the duration when the start moves.
    if (previousStart && previousEnd && nextStart) {
      const duration = new Date(previousEnd).getTime() - new Date(previousStart).getTime();
      setEndsAt(toDateTimeLocal(new Date(new Date(nextStart).getTime() + Math.max(duration, HOUR_MS / 2))));
    }
    setErrors((current) => ({ ...current, startsAt: undefined, endsAt: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const start = toIso(startsAt);
    const end = toIso(endsAt);
    const local: Errors = {};
    if (!start) local.startsAt = 'Pick the start date and time';
    if (!end) local.endsAt = 'Pick the end date and time';
    if (interviewers.length === 0) local.interviewerIds = 'Pick at least one interviewer';
    if (!location.trim() && !videoUrl.trim()) local.location = 'Give a location or a video link';
    if (Object.keys(local).length > 0 || !start || !end) {
      setErrors(local);
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      const interview = await dataProvider.scheduleInterview({
        applicationId: application.id,
        title: title.trim() || 'Interview',
        startsAt: start,
        endsAt: end,
        interviewerIds: interviewers.map((person) => person.id),
        location: location.trim() || null,
        videoUrl: videoUrl.trim() || null,
      });
      onScheduled(interview);
      onClose();
    } catch (error) {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      const byField: Errors = {
        title: fields.title,
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        interviewerIds: fields.interviewerIds ?? fields['interviewerIds.0'],
        location: fields.location,
        videoUrl: fields.videoUrl,
      };
      const hasField = Object.values(byField).some(Boolean);
      setErrors({ ...byField, form: hasField ? undefined : httpError.message });
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={`Schedule an interview with ${candidateLabel(application.candidate)}`}
      error={
        errors.form ??
        (peopleError ? 'Could not load your colleagues; reload the page and try again.' : undefined)
      }
      submitLabel="Schedule"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <TextField
        label="Title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={Boolean(errors.title)}
        helperText={errors.title ?? 'Shown in the calendar invitation, e.g. "Technical interview".'}
        disabled={submitting}
        slotProps={{ htmlInput: { maxLength: 80 } }}
        autoFocus
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Starts"
          type="datetime-local"
          required
          fullWidth
          value={startsAt}
          onChange={(event) => changeStart(event.target.value)}
          error={Boolean(errors.startsAt)}
          helperText={errors.startsAt ?? 'Your local time'}
          disabled={submitting}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Ends"
          type="datetime-local"
          required
          fullWidth
          value={endsAt}
          onChange={(event) => {
            setEndsAt(event.target.value);
            setErrors((current) => ({ ...current, endsAt: undefined }));
          }}
          error={Boolean(errors.endsAt)}
          helperText={errors.endsAt ?? ' '}
          disabled={submitting}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
      <Autocomplete
        multiple
        options={people}
        loading={loadingPeople}
        value={interviewers}
        onChange={(_event, value) => {
          setInterviewers(value);
          setErrors((current) => ({ ...current, interviewerIds: undefined }));
        }}
        getOptionLabel={(person) => `${person.name} (${person.email})`}
        isOptionEqualToValue={(option, value) => option.id === value.id}
        filterSelectedOptions
        disabled={submitting}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Interviewers"
            required
            error={Boolean(errors.interviewerIds)}
            helperText={errors.interviewerIds ?? 'Each one receives an email with a calendar invitation.'}
          />
        )}
      />
      <TextField
        label="Location"
        placeholder="Office, room"
        value={location}
        onChange={(event) => {
          setLocation(event.target.value);
          setErrors((current) => ({ ...current, location: undefined }));
        }}
        error={Boolean(errors.location)}
        helperText={errors.location ?? 'A place, a video link, or both.'}
        disabled={submitting}
      />
      <TextField
        label="Video link"
        type="url"
        placeholder="https://meet.example.com/…"
        value={videoUrl}
        onChange={(event) => {
          setVideoUrl(event.target.value);
          setErrors((current) => ({ ...current, videoUrl: undefined, location: undefined }));
        }}
        error={Boolean(errors.videoUrl)}
        helperText={errors.videoUrl ?? 'An https:// meeting link.'}
        disabled={submitting}
      />
    </DialogForm>
  );
}
