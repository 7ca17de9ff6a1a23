import {
  API_SCOPE_LABELS,
  API_SCOPES,
  type TApiScope,
  type TWebhookEvent,
  type TWebhookSubscription,
  type TWebhookSubscriptionWithSecret,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  ZWebhookSubscriptionInput,
} from '@candor/schemas';
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Switch,
  TextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DialogForm } from '../../components/FormDialog';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { fieldErrorsOfIssues, toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

/** The scopes a webhook payload can use: the write scopes mean nothing to an outgoing event. */
const READ_SCOPES = API_SCOPES.filter((s) => s.endsWith(':read') && s !== 'reports:read');

type Draft = { name: string; url: string; events: TWebhookEvent[]; scopes: TApiScope[]; active: boolean };
type Errors = Partial<Record<keyof Draft | 'form', string>>;

function draftOf(existing?: TWebhookSubscription): Draft {
  return existing
    ? {
        name: existing.name,
        url: existing.url,
        events: existing.events,
        scopes: existing.scopes,
        active: existing.active,
      }
    : { name: '', url: '', events: [], scopes: [], active: true };
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

/** Add or edit a subscription; a new one (or a rotated secret) hands its secret to `onSaved` to show once. */
export function WebhookForm({
  existing,
  onDone,
  onSaved,
}: {
  existing?: TWebhookSubscription;
  onDone: () => void;
  onSaved: (saved: TWebhookSubscriptionWithSecret) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [rotate, setRotate] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(existing)) || rotate;
  useUnsavedChangesWarning(dirty);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };
  const save = useMutation({
    mutationFn: (input: Draft) =>
      existing
        ? trpc.webhooks.update.mutate({ ...input, id: existing.id, rotateSecret: rotate })
        : trpc.webhooks.create.mutate(input),
    onSuccess: (saved) => {
      onSaved(saved);
      onDone();
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Errors = httpError.body?.errors ?? {};
      setErrors({ ...fields, form: Object.keys(fields).length > 0 ? undefined : httpError.message });
    },
  });
  const submit = () => {
    const parsed = ZWebhookSubscriptionInput.safeParse(draft);
    if (!parsed.success) {
      const fields = fieldErrorsOfIssues(parsed.error.issues);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]])));
      return;
    }
    save.mutate(draft);
  };

  return (
    <DialogForm
      title={existing ? `Edit ${existing.name}` : 'Add a webhook'}
      error={errors.form}
      submitLabel={existing ? 'Save' : 'Add webhook'}
      submitting={save.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onCancel={onDone}
    >
      <TextField
        label="Name"
        value={draft.name}
        onChange={(e) => change({ name: e.target.value })}
        error={Boolean(errors.name)}
        helperText={errors.name ?? 'The receiving system, e.g. Personio or #hiring in Slack'}
        required
        autoFocus
      />
      <TextField
        label="Payload URL"
        type="url"
        value={draft.url}
        onChange={(e) => change({ url: e.target.value })}
        error={Boolean(errors.url)}
        helperText={errors.url ?? 'Candor POSTs signed JSON here (a public address)'}
        required
      />
      <FormControl component="fieldset" error={Boolean(errors.events)}>
        <FormLabel component="legend">Events</FormLabel>
        <FormGroup>
          {WEBHOOK_EVENTS.map((event) => (
            <FormControlLabel
              key={event}
              control={
                <Checkbox
                  checked={draft.events.includes(event)}
                  onChange={(e) => change({ events: toggle(draft.events, event, e.target.checked) })}
                />
              }
              label={`${event}: ${WEBHOOK_EVENT_LABELS[event]}`}
            />
          ))}
        </FormGroup>
        {errors.events && <FormHelperText>{errors.events}</FormHelperText>}
      </FormControl>
      <FormControl component="fieldset">
        <FormLabel component="legend">What the payloads may show</FormLabel>
        <FormGroup>
          {READ_SCOPES.map((scope) => (
            <FormControlLabel
              key={scope}
              control={
                <Checkbox
                  checked={draft.scopes.includes(scope)}
                  onChange={(e) => change({ scopes: toggle(draft.scopes, scope, e.target.checked) })}
                />
              }
              label={API_SCOPE_LABELS[scope]}
            />
          ))}
        </FormGroup>
        <FormHelperText>
          Without “Read candidates” a payload names no one: it carries ids only. Payloads with names are
          recorded in each candidate’s disclosure log.
        </FormHelperText>
      </FormControl>
      <FormControlLabel
        control={<Switch checked={draft.active} onChange={(e) => change({ active: e.target.checked })} />}
        label="Active (paused webhooks keep their events until turned on)"
      />
      {existing && (
        <FormControlLabel
          control={<Checkbox checked={rotate} onChange={(e) => setRotate(e.target.checked)} />}
          label="Make a new signing secret (the old one stops working at once)"
        />
      )}
    </DialogForm>
  );
}
