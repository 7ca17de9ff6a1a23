import {
  JIT_ROLES,
  ROLE_LABELS,
  type TJitRole,
  type TSaveSingleSignOnInput,
  type TSingleSignOnSettings,
  ZEmailDomain,
} from '@candor/schemas';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  CircularProgress,
  FormControlLabel,
  MenuItem,
  Skeleton,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { CopyableField } from '../../components/CopyableField';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

const SSO_KEY = ['singleSignOn'] as const;

const HINT =
  'Members sign in with your company’s identity provider (Google Workspace, Microsoft Entra ID, Okta or any OpenID Connect provider). Candor then relies on the provider for their password and second factor.';

type Draft = {
  providerName: string;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  jitRole: TJitRole | 'off';
  enabled: boolean;
};
type Errors = Partial<Record<keyof Draft | 'form', string>>;

function toDraft(settings: TSingleSignOnSettings): Draft {
  const c = settings.connection;
  return {
    providerName: c?.providerName ?? '',
    issuerUrl: c?.issuerUrl ?? '',
    clientId: c?.clientId ?? '',
    clientSecret: '',
    allowedDomains: c?.allowedDomains ?? [],
    jitRole: c?.jitRole ?? 'off',
    enabled: c?.enabled ?? true,
  };
}

function toInput(draft: Draft): TSaveSingleSignOnInput {
  return {
    providerName: draft.providerName,
    issuerUrl: draft.issuerUrl,
    clientId: draft.clientId,
    clientSecret: draft.clientSecret || undefined,
    allowedDomains: draft.allowedDomains,
    jitRole: draft.jitRole === 'off' ? null : draft.jitRole,
    enabled: draft.enabled,
  };
}

/** Email domains as chips: type one and press Enter (or a comma); each is checked as a domain. */
function DomainsField({
  value,
  error,
  onChange,
}: {
  value: string[];
  error?: string;
  onChange: (next: string[]) => void;
}) {
  const [typed, setTyped] = useState('');
  const [typingError, setTypingError] = useState<string>();
  const add = (raw: string[]) => {
    const next = [...value];
    for (const text of raw) {
      if (!text.trim()) continue;
      const parsed = ZEmailDomain.safeParse(text);
      if (!parsed.success)
        return setTypingError(`"${text.trim()}": ${parsed.error.issues[0]?.message ?? 'not a domain'}`);
      if (!next.includes(parsed.data)) next.push(parsed.data);
    }
    setTypingError(undefined);
    setTyped('');
    onChange(next);
  };
  return (
    <Autocomplete
      multiple
      freeSolo
      options={[]}
      value={value}
      inputValue={typed}
      onInputChange={(_, text) => {
        if (text.endsWith(',') || text.endsWith(' ')) add([text.slice(0, -1)]);
        else setTyped(text);
      }}
      // Enter adds what was typed (checked as a domain); a chip's delete removes it.
      onChange={(_, next) =>
        next.length > value.length ? add(next.filter((d) => !value.includes(d))) : onChange(next)
      }
      onBlur={() => typed && add([typed])}
      renderValue={(domains, getItemProps) =>
        domains.map((domain, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={domain} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Allowed email domains"
          placeholder={value.length === 0 ? 'example.com' : undefined}
          error={Boolean(typingError ?? error)}
          helperText={
            typingError ?? error ?? 'Only addresses in these domains sign in. Type a domain and press Enter.'
          }
        />
      )}
    />
  );
}

function SingleSignOnForm({ settings }: { settings: TSingleSignOnSettings }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [confirmRemove, setConfirmRemove] = useState(false);
  const saved = toDraft(settings);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  // A half-filled connection is lost on leaving: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const applied = (next: TSingleSignOnSettings, message: string) => {
    queryClient.setQueryData(SSO_KEY, next);
    setDraft(toDraft(next));
    setErrors({});
    notify(message, { type: 'success' });
  };
  const save = useMutation({
    mutationFn: (input: TSaveSingleSignOnInput) => trpc.auth.saveSingleSignOn.mutate(input),
    onSuccess: (next) => applied(next, 'Single sign-on saved'),
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Errors = httpError.body?.errors ?? {};
      setErrors({
        ...fields,
        form:
          Object.keys(fields).length > 0
            ? 'Some entries are not valid; see the messages below.'
            : httpError.message,
      });
    },
  });
  const remove = useMutation({
    mutationFn: () => trpc.auth.removeSingleSignOn.mutate(),
    onSuccess: (next) => {
      setConfirmRemove(false);
      applied(next, 'Single sign-on removed');
    },
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
  });
  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors({});
  };
  const connection = settings.connection;

  return (
    <Stack
      spacing={2}
      component="form"
      aria-label="Single sign-on connection"
      onSubmit={(e) => e.preventDefault()}
    >
      {!connection && (
        <Alert severity="info">
          Not set up. Register Candor at your provider with the redirect URI below, then enter what the
          provider shows.
        </Alert>
      )}
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      <CopyableField
        label="Redirect URI (register it at your provider)"
        what="redirect URI"
        value={settings.redirectUri}
        helperText="Scopes: openid email profile. Client type: confidential web application (authorization code with PKCE)."
      />
      <TextField
        label="Provider name"
        value={draft.providerName}
        onChange={(e) => change({ providerName: e.target.value })}
        error={Boolean(errors.providerName)}
        helperText={
          errors.providerName ?? `The sign-in page shows "Sign in with ${draft.providerName || 'Okta'}"`
        }
        required
      />
      <TextField
        label="Issuer URL"
        value={draft.issuerUrl}
        onChange={(e) => change({ issuerUrl: e.target.value })}
        error={Boolean(errors.issuerUrl)}
        helperText={errors.issuerUrl ?? 'e.g. https://accounts.google.com or https://example.okta.com'}
        required
        type="url"
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Client ID"
          value={draft.clientId}
          onChange={(e) => change({ clientId: e.target.value })}
          error={Boolean(errors.clientId)}
          helperText={errors.clientId}
          required
          fullWidth
        />
        <TextField
          label="Client secret"
          type="password"
          autoComplete="new-password"
          value={draft.clientSecret}
          onChange={(e) => change({ clientSecret: e.target.value })}
          error={Boolean(errors.clientSecret)}
          helperText={
            errors.clientSecret ??
            (connection?.clientSecretSet
              ? 'Kept sealed; leave empty to keep it'
              : 'Kept sealed; never shown again')
          }
          required={!connection}
          fullWidth
        />
      </Stack>
      <DomainsField
        value={draft.allowedDomains}
        error={errors.allowedDomains}
        onChange={(allowedDomains) => change({ allowedDomains })}
      />
      <TextField
        select
        label="New people from these domains"
        value={draft.jitRole}
        onChange={(e) => change({ jitRole: e.target.value as Draft['jitRole'] })}
        helperText={
          draft.jitRole === 'off'
            ? 'Only invited members sign in.'
            : `Anyone with an allowed address who signs in becomes a member as ${ROLE_LABELS[draft.jitRole]}.`
        }
      >
        <MenuItem value="off">Off: invited members only</MenuItem>
        {JIT_ROLES.map((role) => (
          <MenuItem key={role} value={role}>
            Join as {ROLE_LABELS[role]}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={<Switch checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} />}
        label="Members can sign in with single sign-on"
      />
      {connection?.enabled && (
        <CopyableField
          label="Your organisation’s sign-in link"
          what="sign-in link"
          value={settings.signInLink}
          helperText={`Shows "Sign in with ${connection.providerName}" at once. Without it, members choose single sign-on and enter their work email.`}
        />
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          type="submit"
          onClick={() => save.mutate(toInput(draft))}
          disabled={save.isPending || (Boolean(connection) && !dirty)}
          startIcon={save.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          {save.isPending ? 'Checking the provider…' : 'Save'}
        </Button>
        <Button onClick={() => change(saved)} disabled={!dirty || save.isPending}>
          Discard changes
        </Button>
        {connection && (
          <Button color="error" onClick={() => setConfirmRemove(true)} sx={{ ml: 'auto' }}>
            Remove single sign-on
          </Button>
        )}
      </Box>
      {connection && (
        <Typography variant="caption" color="text.secondary">
          Last changed {new Date(connection.updatedAt).toLocaleString()}
        </Typography>
      )}
      <Confirm
        isOpen={confirmRemove}
        loading={remove.isPending}
        title="Remove single sign-on?"
        content="Members can no longer sign in through your provider. Those with a Candor password still sign in with it; the others need a password reset."
        confirm="Remove"
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirmRemove(false)}
      />
    </Stack>
  );
}

/** The owner's single sign-on (OpenID Connect) connection, on the Sign-in & security page. */
export function SingleSignOnSection() {
  const settings = useQuery({ queryKey: SSO_KEY, queryFn: () => trpc.auth.singleSignOnSettings.query() });
  let body: ReactNode;
  if (settings.error)
    body = (
      <Alert severity="error">Could not load single sign-on: {toHttpError(settings.error).message}</Alert>
    );
  else if (!settings.data)
    body = <LoadingBlock label="Loading single sign-on" height={320} variant="rounded" />;
  // Keyed by the saved version, so a save or removal starts the form afresh from what is stored.
  else
    body = <SingleSignOnForm key={settings.data.connection?.updatedAt ?? 'none'} settings={settings.data} />;
  return (
    <Section id="single-sign-on-heading" title="Single sign-on" hint={HINT}>
      {body}
    </Section>
  );
}
