import type { TEmailTemplate } from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Skeleton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

const EMAIL_TEMPLATES_KEY = ['settings', 'emailTemplates'] as const;

type Errors = { form?: string; subject?: string; body?: string };

function TemplateEditor({
  template,
  onSaved,
}: {
  template: TEmailTemplate;
  onSaved: (all: TEmailTemplate[]) => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<Errors>({});
  const [confirmingReset, setConfirmingReset] = useState(false);
  const id = `template-${template.key}`;
  const dirty = subject !== template.subject || body !== template.body;
  useUnsavedChangesWarning(dirty);

  const save = useMutation({
    mutationFn: (text: { subject: string; body: string } | null) =>
      dataProvider.updateEmailTemplate({ key: template.key, text }),
    onSuccess: (all, text) => {
      notify(text ? `${template.label} template saved` : `${template.label} template reset to the default`, {
        type: 'success',
      });
      setConfirmingReset(false);
      setErrors({});
      onSaved(all);
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      const next: Errors = { subject: fields['text.subject'], body: fields['text.body'] };
      setErrors({ ...next, form: next.subject || next.body ? undefined : httpError.message });
      setConfirmingReset(false);
    },
  });

  return (
    <Box
      component="section"
      aria-labelledby={id}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id={id} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {template.label}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={template.audience === 'candidate' ? 'primary' : 'default'}
          label={template.audience === 'candidate' ? 'To candidates' : 'To your team'}
        />
        {template.customized && <Chip size="small" color="info" label="Customized" />}
      </Stack>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
        <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5 }}>
          Variables:
        </Typography>
        {template.variables.map((variable) => (
          <Chip key={variable} size="small" label={`{{${variable}}}`} sx={{ fontFamily: 'monospace' }} />
        ))}
      </Stack>
      <Stack spacing={2} sx={{ mt: 2 }}>
        {errors.form && (
          <Alert severity="error" role="alert">
            {errors.form}
          </Alert>
        )}
        <TextField
          label="Subject"
          value={subject}
          onChange={(event) => {
            setSubject(event.target.value);
            setErrors((current) => ({ ...current, subject: undefined, form: undefined }));
          }}
          error={Boolean(errors.subject)}
          helperText={errors.subject}
          disabled={save.isPending}
          fullWidth
        />
        <TextField
          label="Message"
          multiline
          minRows={5}
          maxRows={16}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            setErrors((current) => ({ ...current, body: undefined, form: undefined }));
          }}
          error={Boolean(errors.body)}
          helperText={
            errors.body ??
            (template.audience === 'candidate'
              ? 'Plain text. The privacy footer is added below it.'
              : 'Plain text.')
          }
          disabled={save.isPending}
          fullWidth
        />
        <Stack direction="row" spacing={1}>
          <Button
            variant="contained"
            onClick={() => save.mutate({ subject, body })}
            disabled={save.isPending || !dirty}
            startIcon={
              save.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined
            }
          >
            Save
          </Button>
          <Button
            onClick={() => {
              setSubject(template.subject);
              setBody(template.body);
              setErrors({});
            }}
            disabled={save.isPending || !dirty}
          >
            Discard changes
          </Button>
          <Box sx={{ flex: 1 }} />
          <Button
            color="warning"
            onClick={() => setConfirmingReset(true)}
            disabled={save.isPending || !template.customized}
          >
            Reset to default
          </Button>
        </Stack>
      </Stack>
      <Confirm
        isOpen={confirmingReset}
        loading={save.isPending}
        title={`Reset the ${template.label} template?`}
        content="Your wording is replaced by Candor's default text."
        confirm="Reset to default"
        confirmColor="warning"
        onConfirm={() => save.mutate(null)}
        onClose={() => setConfirmingReset(false)}
      />
    </Box>
  );
}

/** The emails a tenant words for itself: one editor per template, each saved on its own. */
export function EmailTemplatesEditor() {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const {
    data: templates,
    isPending,
    error,
  } = useQuery({
    queryKey: EMAIL_TEMPLATES_KEY,
    queryFn: () => dataProvider.emailTemplates(),
  });

  return (
    <Card component="section" aria-labelledby="settings-email-templates">
      <CardContent>
        <Typography id="settings-email-templates" variant="h6" component="h2">
          Email templates
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Word the emails Candor sends for you. Use the variables shown; they are filled in when the email is
          sent. Every email to a candidate always ends with the privacy footer: who holds their data and a
          link to the privacy portal. It cannot be edited or removed.
        </Typography>
        {isPending ? (
          <Stack spacing={2} aria-busy="true" aria-label="Loading email templates">
            <Skeleton variant="rectangular" height={180} />
            <Skeleton variant="rectangular" height={180} />
          </Stack>
        ) : error ? (
          <Alert severity="error">Could not load the email templates: {toHttpError(error).message}</Alert>
        ) : (
          <Stack spacing={2}>
            {templates.map((template) => (
              <TemplateEditor
                // Keyed by the saved text: saving or resetting restarts the editor from the server's version.
                key={`${template.key}:${template.subject}:${template.body}`}
                template={template}
                onSaved={(all) => queryClient.setQueryData(EMAIL_TEMPLATES_KEY, all)}
              />
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
