import {
  MAX_MESSAGE_ATTACHMENTS,
  MESSAGE_SKIP_REASONS,
  MESSAGE_VARIABLES,
  type TBulkComposeResult,
  type TMessagePreview,
  type TMessageTemplate,
} from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify } from 'react-admin';
import { FilePicker } from '../../components/FilePicker';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { sizeLabel, toBase64 } from '../../files';
import { dateTimeLabel } from '../../lib/dates';
import { useMyTimeZone } from '../../lib/myCalendar';
import { plural } from '../../lib/plural';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { toDateTimeLocal, toIso } from '../applications/InterviewSlotFields';

export const MESSAGE_TEMPLATES_KEY = ['messages', 'templates'] as const;

/** Who the message goes to: one candidate (from their page or an application's), or the candidates of selected applications. */
export type ComposeAudience =
  | { kind: 'one'; candidateId: string; applicationId: string | null; name: string }
  | {
      kind: 'bulk';
      applicationIds: string[];
      /** The first recipient, whose message the preview shows; null when none can be named (blind review). */
      sample: { candidateId: string; applicationId: string; name: string } | null;
    };

type Props = {
  open: boolean;
  audience: ComposeAudience;
  onClose: () => void;
  onSent: () => void;
};

/** Writes to candidates: a template to start from, subject and message, files, now or later, and a preview of what each gets. */
export function ComposeDialog({ open, audience, onClose, onSent }: Props) {
  return (
    <FormDialog open={open} onClose={onClose} maxWidth="md">
      <ComposeForm audience={audience} onClose={onClose} onSent={onSent} />
    </FormDialog>
  );
}

const ACCEPT = '.pdf,.docx,.odt,.png,.jpg,.jpeg,.webp';
type Errors = Partial<Record<'form' | 'templateId' | 'subject' | 'body' | 'sendAt' | 'attachments', string>>;

/** "Queued 3 messages; 2 skipped (1 restricted processing of their data, 1 no marketing consent)". */
export function bulkSummary(result: TBulkComposeResult): string {
  const skipped = result.skipped.reduce((sum, s) => sum + s.count, 0);
  const queued = `Queued ${plural(result.queued, 'message')}`;
  if (skipped === 0) return queued;
  const why = result.skipped.map((s) => `${s.count} ${MESSAGE_SKIP_REASONS[s.reason]}`).join(', ');
  return `${queued}; ${skipped} skipped (${why})`;
}

/** The next full hour but one, as the wall clock in `timeZone` reads it. */
function inAnHour(timeZone: string): string {
  const at = toDateTimeLocal(new Date(Date.now() + 3_600_000), timeZone);
  return `${at.slice(0, 14)}00`;
}

function ComposeForm({ audience, onClose, onSent }: Omit<Props, 'open'>) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const templates = useQuery({
    queryKey: MESSAGE_TEMPLATES_KEY,
    queryFn: () => dataProvider.messageTemplates(),
  });
  const [templateId, setTemplateId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [later, setLater] = useState(false);
  // "Send at" is typed in the zone on Your account; choosing "later" waits until it is known.
  const { timeZone } = useMyTimeZone();
  const [sendAt, setSendAt] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [preview, setPreview] = useState<TMessagePreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const template: TMessageTemplate | undefined = templates.data?.find((t) => t.id === templateId);
  const recipientName =
    audience.kind === 'one' ? audience.name : plural(audience.applicationIds.length, 'candidate');

  const changed = (field: keyof Errors) => {
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
    setPreview(null);
  };

  const pickTemplate = (id: string) => {
    setTemplateId(id);
    const picked = templates.data?.find((t) => t.id === id);
    if (picked) {
      setSubject(picked.subject);
      setBody(picked.body);
    }
    setErrors({});
    setPreview(null);
  };

  const showErrors = (error: unknown) => {
    const httpError = toHttpError(error);
    const fields: Record<string, string> = httpError.body?.errors ?? {};
    const attachment = Object.entries(fields).find(([key]) => key.startsWith('attachments'))?.[1];
    const next: Errors = {
      templateId: fields.templateId,
      subject: fields.subject,
      body: fields.body,
      sendAt: fields.sendAt,
      attachments: attachment,
    };
    setErrors({ ...next, form: Object.values(next).some(Boolean) ? undefined : httpError.message });
  };

  const sample =
    audience.kind === 'one'
      ? { candidateId: audience.candidateId, applicationId: audience.applicationId }
      : audience.sample;

  const showPreview = async () => {
    if (!sample) return;
    setPreviewing(true);
    try {
      setPreview(
        await dataProvider.previewMessage({ ...sample, templateId: templateId || null, subject, body }),
      );
      setErrors({});
    } catch (error) {
      showErrors(error);
    } finally {
      setPreviewing(false);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const at = later && timeZone ? toIso(sendAt, timeZone) : null;
    if (later && !at) {
      setErrors({ sendAt: 'Pick a date and time' });
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      const attachments = await Promise.all(
        files.map(async (file) => ({ filename: file.name, contentBase64: await toBase64(file) })),
      );
      const draft = { templateId: templateId || null, subject, body, sendAt: at, attachments };
      if (audience.kind === 'one') {
        const sent = await dataProvider.composeMessage({
          ...draft,
          candidateId: audience.candidateId,
          applicationId: audience.applicationId,
        });
        notify(
          at
            ? `Message to ${audience.name} scheduled for ${dateTimeLabel(sent.sendAt)}`
            : `Message to ${audience.name} sent`,
          { type: 'success' },
        );
      } else {
        const result = await dataProvider.bulkComposeMessages({
          ...draft,
          applicationIds: audience.applicationIds,
        });
        notify(bulkSummary(result), { type: result.queued > 0 ? 'success' : 'warning' });
      }
      onSent();
      onClose();
    } catch (error) {
      showErrors(error);
      setSubmitting(false);
    }
  };

  const disabled = submitting;
  return (
    <DialogForm
      title={`Email ${recipientName}`}
      error={errors.form}
      submitLabel={later ? 'Schedule' : 'Send'}
      submitting={submitting}
      submitDisabled={templates.isPending}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <TextField
        select
        label="Template"
        value={templateId}
        onChange={(event) => pickTemplate(event.target.value)}
        error={Boolean(errors.templateId)}
        helperText={
          errors.templateId ??
          (templates.data?.length === 0
            ? 'No templates yet: admins add them in Settings.'
            : 'Start from one of your templates, then change what you like.')
        }
        disabled={disabled || templates.isPending}
        fullWidth
      >
        <MenuItem value="">No template</MenuItem>
        {(templates.data ?? []).map((t) => (
          <MenuItem key={t.id} value={t.id}>
            {t.name}
            {t.marketing ? ' (marketing)' : ''}
          </MenuItem>
        ))}
      </TextField>
      {template?.marketing && (
        <Alert severity="info">
          Marketing: it goes only to candidates who consented to marketing email, with a link to unsubscribe.
        </Alert>
      )}
      <TextField
        label="Subject"
        value={subject}
        onChange={(event) => {
          setSubject(event.target.value);
          changed('subject');
        }}
        error={Boolean(errors.subject)}
        helperText={errors.subject}
        disabled={disabled}
        required
        fullWidth
      />
      <TextField
        label="Message"
        multiline
        minRows={6}
        maxRows={18}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          changed('body');
        }}
        error={Boolean(errors.body)}
        helperText={
          errors.body ??
          `Plain text. Variables: ${Object.keys(MESSAGE_VARIABLES)
            .map((v) => `{{${v}}}`)
            .join(', ')}. The privacy footer is added below it.`
        }
        disabled={disabled}
        required
        fullWidth
      />
      <Box>
        <FilePicker
          label="Attach a file…"
          accept={ACCEPT}
          file={null}
          onPick={(file) => {
            if (file) setFiles((current) => [...current, file]);
            changed('attachments');
          }}
          help={`PDF, Word, OpenDocument or an image; up to ${MAX_MESSAGE_ATTACHMENTS} files, 10 MB together.`}
          error={errors.attachments}
          disabled={disabled || files.length >= MAX_MESSAGE_ATTACHMENTS}
        />
        {files.length > 0 && (
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ mt: 1, flexWrap: 'wrap' }}
            aria-label="Attachments"
          >
            {files.map((file, index) => (
              <Chip
                key={`${file.name}-${index}`}
                label={`${file.name} (${sizeLabel(file.size)})`}
                onDelete={
                  disabled
                    ? undefined
                    : () => {
                        setFiles((current) => current.filter((_, i) => i !== index));
                        changed('attachments');
                      }
                }
              />
            ))}
          </Stack>
        )}
      </Box>
      <Box>
        <RadioGroup
          row
          aria-label="When to send"
          value={later ? 'later' : 'now'}
          onChange={(event) => {
            const chosen = event.target.value === 'later';
            if (chosen && timeZone && !sendAt) setSendAt(inAnHour(timeZone));
            setLater(chosen);
          }}
        >
          <FormControlLabel value="now" control={<Radio />} label="Send now" disabled={disabled} />
          <FormControlLabel
            value="later"
            control={<Radio />}
            label="Send later"
            disabled={disabled || !timeZone}
          />
        </RadioGroup>
        {later && (
          <TextField
            type="datetime-local"
            label="Send at"
            value={sendAt}
            onChange={(event) => {
              setSendAt(event.target.value);
              changed('sendAt');
            }}
            error={Boolean(errors.sendAt)}
            helperText={
              errors.sendAt ??
              `In your time zone, ${timeZone}. Until then you can cancel it on the candidate’s page.`
            }
            disabled={disabled}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ mt: 1, minWidth: 260 }}
          />
        )}
      </Box>
      <Box>
        <Button
          variant="outlined"
          onClick={showPreview}
          disabled={disabled || previewing || !sample || !subject.trim() || !body.trim()}
          startIcon={previewing ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          Preview
        </Button>
        {audience.kind === 'bulk' && (
          <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
            {audience.sample
              ? `Shows ${audience.sample.name}’s copy; each candidate gets their own.`
              : 'No preview under blind review.'}
          </Typography>
        )}
      </Box>
      {preview && <MessagePreview preview={preview} />}
    </DialogForm>
  );
}

function MessagePreview({ preview }: { preview: TMessagePreview }) {
  return (
    <Box
      component="section"
      aria-label="Preview"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.default' }}
    >
      {preview.blocked && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          This candidate will not get it: {MESSAGE_SKIP_REASONS[preview.blocked]}.
        </Alert>
      )}
      <Typography variant="body2">
        <strong>To:</strong> {preview.to}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        <strong>Subject:</strong> {preview.subject}
      </Typography>
      <Typography
        variant="body2"
        component="pre"
        sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}
      >
        {preview.text}
      </Typography>
    </Box>
  );
}
