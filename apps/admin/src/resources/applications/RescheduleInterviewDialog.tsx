import type { TInterview } from '@candor/schemas';
import { type FormEvent, useState } from 'react';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { formErrorsFrom } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import {
  InterviewPlaceFields,
  InterviewTimeFields,
  type SlotErrors,
  slotErrorsFrom,
  slotInput,
  toDateTimeLocal,
  useInterviewSlot,
} from './InterviewSlotFields';

type Props = {
  interview: TInterview | null;
  /** The zone the times are typed in (Your account's). */
  timeZone: string;
  onClose: () => void;
  onRescheduled: (interview: TInterview) => void;
};

/** Moves a scheduled interview; everyone invited gets an update of the calendar event. */
export function RescheduleInterviewDialog({ interview, timeZone, onClose, onRescheduled }: Props) {
  return (
    <FormDialog open={interview !== null} onClose={onClose}>
      {interview && (
        <RescheduleForm
          key={interview.id}
          interview={interview}
          timeZone={timeZone}
          onClose={onClose}
          onRescheduled={onRescheduled}
        />
      )}
    </FormDialog>
  );
}

function RescheduleForm({ interview, timeZone, onClose, onRescheduled }: Props & { interview: TInterview }) {
  const dataProvider = useCandorDataProvider();
  const { slot, changeSlot, errors, setErrors } = useInterviewSlot<SlotErrors & { form?: string }>(() => ({
    startsAt: toDateTimeLocal(new Date(interview.startsAt), timeZone),
    endsAt: toDateTimeLocal(new Date(interview.endsAt), timeZone),
    location: interview.location ?? '',
    videoUrl: interview.videoUrl ?? '',
  }));
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = slotInput(slot, timeZone);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      onRescheduled(await dataProvider.rescheduleInterview({ id: interview.id, ...checked.value }));
      onClose();
    } catch (error) {
      setErrors(formErrorsFrom(error, slotErrorsFrom));
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={`Move ${interview.title}`}
      error={errors.form}
      submitLabel="Move interview"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <InterviewTimeFields
        slot={slot}
        timeZone={timeZone}
        errors={errors}
        disabled={submitting}
        onChange={changeSlot}
      />
      <InterviewPlaceFields slot={slot} errors={errors} disabled={submitting} onChange={changeSlot} />
    </DialogForm>
  );
}
