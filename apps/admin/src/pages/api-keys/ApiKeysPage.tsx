import {
  API_SCOPE_LABELS,
  API_SCOPES,
  type TApiKey,
  type TApiKeyCreated,
  type TApiScope,
} from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { CopyableField } from '../../components/CopyableField';
import { EmptyState } from '../../components/EmptyState';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeading } from '../../components/PageHeading';
import { Section } from '../../components/Section';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { dateTimeLabel } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

const KEYS = ['apiKeys'] as const;
/** The reference page the API serves itself (no CDN): the same origin as the backoffice. */
const REFERENCE_URL = '/api/v1/docs';

function CreateKeyForm({ onCreated }: { onCreated: (created: TApiKeyCreated) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TApiScope[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useUnsavedChangesWarning(name.trim() !== '' || scopes.length > 0);
  const create = useMutation({
    mutationFn: () => trpc.apiKeys.create.mutate({ name, scopes }),
    onSuccess: (created) => {
      setName('');
      setScopes([]);
      setErrors({});
      queryClient.setQueryData<TApiKey[]>(KEYS, (keys) => [created.apiKey, ...(keys ?? [])]);
      onCreated(created);
    },
    onError: (error) => {
      const http = toHttpError(error);
      const fieldErrors = (http.body as { errors?: Record<string, string> } | undefined)?.errors ?? {};
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { _form: http.message });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Name the key after the system that will use it';
    if (scopes.length === 0) local.scopes = 'Choose at least one permission';
    setErrors(local);
    if (Object.keys(local).length === 0) create.mutate();
  };
  const toggle = (scope: TApiScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="New API key">
      {errors._form && <Alert severity="error">{errors._form}</Alert>}
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={Boolean(errors.name)}
        helperText={
          errors.name ??
          'The system that will use it, e.g. “Personio sync”. Shown in candidates’ disclosure logs.'
        }
        slotProps={{ htmlInput: { maxLength: 120 } }}
        required
      />
      <FormControl component="fieldset" error={Boolean(errors.scopes)} required>
        <FormLabel component="legend">Permissions</FormLabel>
        <FormGroup>
          {API_SCOPES.map((scope) => (
            <FormControlLabel
              key={scope}
              control={
                <Checkbox
                  checked={scopes.includes(scope)}
                  onChange={(event) => toggle(scope, event.target.checked)}
                />
              }
              label={
                <span>
                  {API_SCOPE_LABELS[scope]}{' '}
                  <Typography component="code" variant="caption">
                    ({scope})
                  </Typography>
                </span>
              }
            />
          ))}
        </FormGroup>
        {errors.scopes && <FormHelperText>{errors.scopes}</FormHelperText>}
      </FormControl>
      <div>
        <Button type="submit" variant="contained" disabled={create.isPending}>
          Create key
        </Button>
      </div>
    </Stack>
  );
}

function RevokeDialog({ apiKey, onClose }: { apiKey: TApiKey | null; onClose: () => void }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => trpc.apiKeys.revoke.mutate({ id }),
    onSuccess: (revoked) => {
      queryClient.setQueryData<TApiKey[]>(KEYS, (keys) =>
        keys?.map((k) => (k.id === revoked.id ? revoked : k)),
      );
      notify(`Revoked “${revoked.name}”`, { type: 'info' });
      onClose();
    },
  });
  return (
    <FormDialog open={apiKey !== null} onClose={onClose} maxWidth="xs">
      {apiKey && (
        <DialogForm
          title={`Revoke “${apiKey.name}”?`}
          error={revoke.error ? toHttpError(revoke.error).message : undefined}
          submitLabel="Revoke"
          submitColor="error"
          submitting={revoke.isPending}
          onSubmit={(event) => {
            event.preventDefault();
            revoke.mutate(apiKey.id);
          }}
          onCancel={onClose}
        >
          <Typography>
            Requests with this key ({apiKey.prefix}…) are refused from now on. This cannot be undone: the
            system using it needs a new key.
          </Typography>
        </DialogForm>
      )}
    </FormDialog>
  );
}

function KeyList({ keys, onRevoke }: { keys: TApiKey[]; onRevoke: (key: TApiKey) => void }) {
  return (
    <Table size="small" aria-label="API keys">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Key starts with</TableCell>
          <TableCell>Permissions</TableCell>
          <TableCell>Created</TableCell>
          <TableCell>Last used</TableCell>
          <TableCell>
            <Box component="span" sx={visuallyHidden}>
              Actions
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {keys.map((key) => (
          <TableRow key={key.id}>
            <TableCell>
              {key.name}
              {key.revokedAt && <Chip size="small" label="Revoked" sx={{ ml: 1 }} />}
            </TableCell>
            <TableCell>
              <code>{key.prefix}…</code>
            </TableCell>
            <TableCell>
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {key.scopes.map((scope) => (
                  <Chip
                    key={scope}
                    size="small"
                    variant="outlined"
                    label={scope}
                    title={API_SCOPE_LABELS[scope]}
                  />
                ))}
              </Stack>
            </TableCell>
            <TableCell>
              {dateTimeLabel(key.createdAt)}
              {key.createdBy && (
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  by {key.createdBy.name}
                </Typography>
              )}
            </TableCell>
            <TableCell>{key.lastUsedAt ? dateTimeLabel(key.lastUsedAt) : 'Never'}</TableCell>
            <TableCell align="right">
              {!key.revokedAt && (
                <Button
                  color="error"
                  size="small"
                  onClick={() => onRevoke(key)}
                  aria-label={`Revoke ${key.name}`}
                >
                  Revoke
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Settings › API keys: keys for HR systems calling the REST API (docs/api.md); owners and admins. */
export function ApiKeysPage() {
  const keys = useQuery({ queryKey: KEYS, queryFn: () => trpc.apiKeys.list.query() });
  const [created, setCreated] = useState<TApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<TApiKey | null>(null);

  let list: ReactNode;
  if (keys.error) list = <Alert severity="error">{toHttpError(keys.error).message}</Alert>;
  else if (!keys.data) list = <LoadingBlock label="Loading API keys" height={120} variant="rounded" />;
  else if (keys.data.length === 0)
    list = <EmptyState title="No API keys yet" hint="Create one above for each system that calls Candor." />;
  else list = <KeyList keys={keys.data} onRevoke={setRevoking} />;

  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 1000 }}>
      <Title title="API keys" />
      <PageHeading>API keys</PageHeading>
      <Typography>
        HR systems and other tools read jobs, candidates and applications through Candor’s REST API with a
        key. Each key sees what a recruiter sees, narrowed to the permissions you give it: never diversity
        answers, never candidates who restricted processing. Every candidate a key reads is recorded in their
        disclosure log.{' '}
        <Link href={REFERENCE_URL} target="_blank" rel="noopener">
          API reference
        </Link>
      </Typography>
      <Section title="New key" hint="One key per system, with only the permissions it needs.">
        {created && (
          <Alert severity="warning" sx={{ mb: 2 }} onClose={() => setCreated(null)}>
            <Stack spacing={1.5}>
              <Typography>
                Copy the key for “{created.apiKey.name}” now: it is shown only this once. Candor keeps only a
                hash of it.
              </Typography>
              <CopyableField
                label="API key"
                what="API key"
                value={created.key}
                helperText="Send it as: Authorization: Bearer <key>"
              />
            </Stack>
          </Alert>
        )}
        <CreateKeyForm onCreated={setCreated} />
      </Section>
      <Section title="Keys">{list}</Section>
      <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
