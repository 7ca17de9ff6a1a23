import { MESSAGE_VARIABLES, type TMessageTemplate } from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  Skeleton,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { MESSAGE_TEMPLATES_KEY } from '../../resources/messages/ComposeDialog';

type Draft = { name: string; subject: string; body: string; marketing: boolean };
type Errors = Partial<Record<keyof Draft | 'form', string>>;

const VARIABLES = Object.keys(MESSAGE_VARIABLES).map((v) => `{{${v}}}`);

/** Creates a template (`template` null) or edits one. */
function TemplateForm({ template, onClose }: { template: TMessageTemplate | null; onClose: () => void }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(
    template
      ? { name: template.name, subject: template.subject, body: template.body, marketing: template.marketing }
      : { name: '', subject: '', body: '', marketing: false },
  );
  const [errors, setErrors] = useState<Errors>({});
  const save = useMutation({
    mutationFn: (next: Draft) =>
      template
        ? dataProvider.updateMessageTemplate({ id: template.id, template: next })
        : dataProvider.createMessageTemplate(next),
    onSuccess: (saved) => {
      notify(`Template “${saved.name}” saved`, { type: 'success' });
      queryClient.invalidateQueries({ queryKey: MESSAGE_TEMPLATES_KEY });
      onClose();
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      const pick = (key: keyof Draft) => fields[key] ?? fields[`template.${key}`];
      const next: Errors = { name: pick('name'), subject: pick('subject'), body: pick('body') };
      setErrors({ ...next, form: Object.values(next).some(Boolean) ? undefined : httpError.message });
    },
  });
  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors({});
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <DialogForm
      title={template ? `Edit “${template.name}”` : 'New message template'}
      error={errors.form}
      submitLabel="Save template"
      submitting={save.isPending}
      onSubmit={submit}
      onCancel={onClose}
      labelled
    >
      <TextField
        label="Name"
        value={draft.name}
        onChange={(event) => change({ name: event.target.value })}
        error={Boolean(errors.name)}
        helperText={errors.name ?? 'What your team picks it by, e.g. “Phone screen invitation”.'}
        disabled={save.isPending}
        required
        fullWidth
      />
      <TextField
        label="Subject"
        value={draft.subject}
        onChange={(event) => change({ subject: event.target.value })}
        error={Boolean(errors.subject)}
        helperText={errors.subject}
        disabled={save.isPending}
        required
        fullWidth
      />
      <TextField
        label="Message"
        multiline
        minRows={6}
        maxRows={18}
        value={draft.body}
        onChange={(event) => change({ body: event.target.value })}
        error={Boolean(errors.body)}
        helperText={
          errors.body ??
          `Plain text. Variables: ${VARIABLES.join(', ')}. The privacy footer is added below it.`
        }
        disabled={save.isPending}
        required
        fullWidth
      />
      <FormControlLabel
        control={
          <Switch
            checked={draft.marketing}
            onChange={(event) => change({ marketing: event.target.checked })}
            disabled={save.isPending}
          />
        }
        label="Marketing: send only to candidates who consented to marketing, with an unsubscribe link"
      />
    </DialogForm>
  );
}

/** The messages staff start from when writing to candidates (compose and bulk email). */
export function MessageTemplatesEditor() {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState<TMessageTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TMessageTemplate | null>(null);
  const {
    data: templates,
    isPending,
    error,
  } = useQuery({
    queryKey: MESSAGE_TEMPLATES_KEY,
    queryFn: () => dataProvider.messageTemplates(),
  });
  const remove = useMutation({
    mutationFn: (template: TMessageTemplate) => dataProvider.deleteMessageTemplate(template.id),
    onSuccess: (_, template) => {
      notify(`Template “${template.name}” deleted`, { type: 'success' });
      setDeleting(null);
      queryClient.invalidateQueries({ queryKey: MESSAGE_TEMPLATES_KEY });
    },
    onError: (e) => {
      notify(`Could not delete: ${toHttpError(e).message}`, { type: 'error' });
      setDeleting(null);
    },
  });

  return (
    <Card component="section" aria-labelledby="settings-message-templates">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="settings-message-templates" variant="h6" component="h2" sx={{ flex: 1 }}>
            Message templates
          </Typography>
          <Button startIcon={<AddIcon />} onClick={() => setEditing('new')}>
            New template
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          What your team starts from when emailing candidates from their page, an application, the
          applications list or the board. Every message ends with the privacy footer; marketing ones also with
          an unsubscribe link.
        </Typography>
        {isPending ? (
          <Skeleton
            variant="rectangular"
            height={80}
            aria-busy="true"
            aria-label="Loading message templates"
          />
        ) : error ? (
          <Alert severity="error">Could not load the message templates: {toHttpError(error).message}</Alert>
        ) : templates.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No message templates yet.
          </Typography>
        ) : (
          <Stack spacing={1.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {templates.map((template) => (
              <Box
                component="li"
                key={template.id}
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
              >
                <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                    {template.name}
                  </Typography>
                  {template.marketing && (
                    <Chip size="small" color="warning" variant="outlined" label="Marketing" />
                  )}
                  <Box sx={{ flex: 1 }} />
                  <Button
                    size="small"
                    onClick={() => setEditing(template)}
                    aria-label={`Edit ${template.name}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    onClick={() => setDeleting(template)}
                    aria-label={`Delete ${template.name}`}
                  >
                    Delete
                  </Button>
                </Stack>
                <Typography variant="body2" color="text.secondary" noWrap>
                  {template.subject}
                </Typography>
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
      <FormDialog open={editing !== null} onClose={() => setEditing(null)} maxWidth="md">
        <TemplateForm template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      </FormDialog>
      <Confirm
        isOpen={deleting !== null}
        loading={remove.isPending}
        title={`Delete the template “${deleting?.name ?? ''}”?`}
        content="Messages already written with it are not changed."
        confirm="Delete"
        confirmColor="warning"
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}
