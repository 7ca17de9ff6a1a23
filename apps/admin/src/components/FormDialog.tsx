import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
} from '@mui/material';
import { createContext, type FormEvent, type ReactNode, useContext, useEffect, useId, useRef } from 'react';

type Frame = {
  titleId: string;
  /** The form reports whether it is submitting, so the dialog does not close under it. */
  setSubmitting: (submitting: boolean) => void;
};

const FrameContext = createContext<Frame | null>(null);

type FormDialogProps = {
  open: boolean;
  onClose: () => void;
  maxWidth?: 'xs' | 'sm' | 'md';
  /** The form (a component rendering a `DialogForm`), mounted only while open so every opening starts fresh. */
  children: ReactNode;
};

/** A modal dialog holding one form; labelled by the form's title. */
export function FormDialog({ open, onClose, maxWidth = 'sm', children }: FormDialogProps) {
  const titleId = useId();
  const submitting = useRef(false);
  const frame = useRef<Frame>({
    titleId,
    setSubmitting: (value) => {
      submitting.current = value;
    },
  });
  // Escape and a click outside do nothing while the form is being submitted, as Cancel does.
  const close = () => {
    if (!submitting.current) onClose();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth={maxWidth}>
      <FrameContext.Provider value={frame.current}>{open && children}</FrameContext.Provider>
    </Dialog>
  );
}

type DialogFormProps = {
  title: ReactNode;
  /** The form-level error (a field's own error belongs under its field). */
  error?: ReactNode;
  submitLabel: ReactNode;
  submitColor?: 'primary' | 'error' | 'warning';
  submitting: boolean;
  /** Submit is also unavailable while this holds, e.g. while the choices load. */
  submitDisabled?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  /** An accessible name for the form itself; none by default (the dialog already has one). */
  labelled?: boolean;
  children: ReactNode;
};

/**
 * The form inside a `FormDialog`: title, the error, the fields, then Cancel
 * and the submit button, both disabled while submitting.
 */
export function DialogForm({
  title,
  error,
  submitLabel,
  submitColor = 'primary',
  submitting,
  submitDisabled = false,
  onSubmit,
  onCancel,
  labelled = false,
  children,
}: DialogFormProps) {
  const frame = useContext(FrameContext);
  const fallbackId = useId();
  const titleId = frame?.titleId ?? fallbackId;
  const setSubmitting = frame?.setSubmitting;
  useEffect(() => {
    setSubmitting?.(submitting);
    return () => setSubmitting?.(false);
  }, [setSubmitting, submitting]);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelled ? titleId : undefined}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={submitting}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="contained"
          color={submitColor}
          disabled={submitting || submitDisabled}
          startIcon={submitting ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
