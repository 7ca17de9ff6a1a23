import { candidateLabel, type TApplication, type TDirectoryEntry, type TInterview } from '@candor/schemas';
import { TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { formErrorsFrom } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useTeamDirectory } from '../jobs/useTeamDirectory';
import { InterviewersField, interviewersErrorFrom } from './InterviewersField';
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
      setErrors(
        formErrorsFrom(error, (fields) => ({
          ...slotErrorsFrom(fields),
          title: fields.title,
          interviewerIds: interviewersErrorFrom(fields),
        })),
      );
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
      <InterviewersField
        people={people}
        loading={loadingPeople}
        value={interviewers}
        onChange={(value) => {
          setInterviewers(value);
          setErrors((current) => ({ ...current, interviewerIds: undefined }));
        }}
        disabled={submitting}
        error={errors.interviewerIds}
        hint="Each one receives an email with a calendar invitation."
      />
      <InterviewPlaceFields slot={slot} errors={errors} disabled={submitting} onChange={changeSlot} />
    </DialogForm>
  );
}
