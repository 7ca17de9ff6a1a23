import type { TApplication } from '@candor/schemas';
import { DialogContentText, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/**
 * Rectification of what the applicant wrote: their answers and cover letter,
 * corrected in place (the old text is not kept), audited, and re-read by
 * search. For a correction the candidate asked for, or an obvious error.
 */
export function CorrectDialog({
  application,
  open,
  onClose,
}: {
  application: TApplication;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <FormDialog open={open} onClose={onClose} maxWidth="md">
      <CorrectForm application={application} onClose={onClose} />
    </FormDialog>
  );
}

function CorrectForm({ application, onClose }: { application: TApplication; onClose: () => void }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [answers, setAnswers] = useState(() =>
    Object.fromEntries(application.answers.map((a) => [a.questionId, a.answer])),
  );
  const [coverLetter, setCoverLetter] = useState(application.coverLetter ?? '');
  const [salary, setSalary] = useState(application.salaryExpectation ?? '');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changedAnswers = application.answers
    .filter((a) => (answers[a.questionId] ?? '') !== a.answer)
    .map((a) => ({ questionId: a.questionId, answer: answers[a.questionId] ?? '' }));
  const letterChanged = coverLetter !== (application.coverLetter ?? '');
  const salaryChanged = salary !== (application.salaryExpectation ?? '');
  const dirty = changedAnswers.length > 0 || letterChanged || salaryChanged;
  useUnsavedChangesWarning(dirty);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!dirty) {
      setError('Nothing was changed.');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await dataProvider.correctApplication({
        id: application.id,
        ...(changedAnswers.length > 0 ? { answers: changedAnswers } : {}),
        ...(letterChanged ? { coverLetter: coverLetter.trim() === '' ? null : coverLetter } : {}),
        ...(salaryChanged ? { salaryExpectation: salary.trim() === '' ? null : salary } : {}),
      });
      notify('Correction saved; the old text is gone', { type: 'success' });
      refresh();
      onClose();
    } catch (e) {
      setError(toHttpError(e).message);
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title="Correct the application"
      error={error}
      submitLabel="Save correction"
      submitting={submitting}
      onSubmit={submit}
      onCancel={onClose}
    >
      <DialogContentText>
        The corrected text replaces what the applicant sent; the old text is not kept. The correction is
        recorded in the audit log, and search reads the new text.
      </DialogContentText>
      {application.answers.map((a) => (
        <TextField
          key={a.questionId}
          label={a.label}
          value={answers[a.questionId] ?? ''}
          onChange={(e) => setAnswers((prev) => ({ ...prev, [a.questionId]: e.target.value }))}
          multiline
          minRows={2}
          fullWidth
        />
      ))}
      <TextField
        label="Cover letter"
        value={coverLetter}
        onChange={(e) => setCoverLetter(e.target.value)}
        helperText="Empty removes the cover letter."
        multiline
        minRows={4}
        fullWidth
      />
      <TextField
        label="Salary expectation"
        value={salary}
        onChange={(e) => setSalary(e.target.value)}
        helperText="As the applicant wrote it; empty removes it."
        slotProps={{ htmlInput: { maxLength: 60 } }}
        fullWidth
      />
    </DialogForm>
  );
}
