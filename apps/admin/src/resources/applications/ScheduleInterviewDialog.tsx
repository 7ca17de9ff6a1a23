import { candidateLabel, type TApplication, type TDirectoryEntry, type TInterview } from '@candor/schemas';
import { Autocomplete, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useTeamDirectory } from '../jobs/useTeamDirectory';
import {
  defaultSlot,
  InterviewPlaceFields,
  InterviewTimeFields,
  type SlotErrors,
  slotErrorsFrom,
  slotInput,
  useInterviewSlot,
} from './InterviewSlotFields';

type Props = {
  open: boolean;
  application: TApplication;
  /** The zone the times are typed in (Your account's). */
  timeZone: string;
  onClose: () => void;
  onScheduled: (interview: TInterview) => void;
};

type Errors = SlotErrors & Partial<Record<'form' | 'title' | 'interviewerIds', string>>;

/** Schedules an interview; each interviewer gets an email with an .ics invitation. */
export function ScheduleInterviewDialog({ open, application, timeZone, onClose, onScheduled }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <ScheduleForm
        application={application}
        timeZone={timeZone}
        onClose={onClose}
        onScheduled={onScheduled}
      />
    </FormDialog>
  );
}

function ScheduleForm({ application, timeZone, onClose, onScheduled }: Omit<Props, 'open'>) {
  const dataProvider = useCandorDataProvider();
  const { data: people = [], isPending: loadingPeople, error: peopleError } = useTeamDirectory();
  const [title, setTitle] = useState('Interview');
  const { slot, changeSlot, errors, setErrors } = useInterviewSlot<Errors>(() => defaultSlot(timeZone));
  const [interviewers, setInterviewers] = useState<TDirectoryEntry[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = slotInput(slot, timeZone);
    const local: Errors = checked.ok ? {} : { ...checked.errors };
    if (interviewers.length === 0) local.interviewerIds = 'Pick at least one interviewer';
    if (!checked.ok || Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      const interview = await dataProvider.scheduleInterview({
        applicationId: application.id,
        title: title.trim() || 'Interview',
        ...checked.value,
        interviewerIds: interviewers.map((person) => person.id),
      });
      onScheduled(interview);
      onClose();
    } catch (error) {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      const byField: Errors = {
        ...slotErrorsFrom(fields),
        title: fields.title,
        interviewerIds: fields.interviewerIds ?? fields['interviewerIds.0'],
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
      <InterviewTimeFields
        slot={slot}
        timeZone={timeZone}
        errors={errors}
        disabled={submitting}
        onChange={changeSlot}
      />
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
      <InterviewPlaceFields slot={slot} errors={errors} disabled={submitting} onChange={changeSlot} />
    </DialogForm>
  );
}
