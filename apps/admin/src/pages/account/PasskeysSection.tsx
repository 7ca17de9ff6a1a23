import type { TPasskeySummary } from '@candor/schemas';
import KeyIcon from '@mui/icons-material/Key';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  DialogContentText,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { createPasskey } from '../../passkeys/ceremony';
import { forgetMe } from '../../providers/authProvider';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

export const PASSKEYS_KEY = ['passkeys', 'list'] as const;

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * Asks for a passkey's name (to add one, or to rename it), then runs
 * `onName`; an error of the API or of the browser stays in the dialog, a
 * name problem under the field.
 */
type NameDialogProps = {
  open: boolean;
  title: string;
  intro: string;
  action: string;
  initialName: string;
  onName(name: string): Promise<void>;
  onClose(): void;
};

function NameDialog({ open, onClose, ...form }: NameDialogProps) {
  return (
    <FormDialog open={open} onClose={onClose} maxWidth="xs">
      <NameForm {...form} onClose={onClose} />
    </FormDialog>
  );
}

function NameForm({ title, intro, action, initialName, onName, onClose }: Omit<NameDialogProps, 'open'>) {
  const [error, setError] = useState<{ form?: string; name?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!name) return setError({ name: 'Give the passkey a name, like "MacBook Touch ID"' });
    setBusy(true);
    setError({});
    try {
      await onName(name);
      setBusy(false);
      onClose();
    } catch (caught) {
      const httpError = toHttpError(caught);
      setError(
        httpError.body?.errors?.name ? { name: httpError.body.errors.name } : { form: httpError.message },
      );
      setBusy(false);
    }
  };
  return (
    <DialogForm
      title={title}
      error={error.form}
      submitLabel={action}
      submitting={busy}
      onSubmit={submit}
      onCancel={onClose}
    >
      <DialogContentText>{intro}</DialogContentText>
      <TextField
        name="name"
        label="Name"
        defaultValue={initialName}
        placeholder="MacBook Touch ID"
        autoFocus
        required
        slotProps={{ htmlInput: { maxLength: 60 } }}
        error={Boolean(error.name)}
        helperText={error.name ?? 'So you can tell your passkeys apart'}
      />
    </DialogForm>
  );
}

function PasskeyRow({
  passkey,
  onRename,
  onRemove,
}: {
  passkey: TPasskeySummary;
  onRename(): void;
  onRemove(): void;
}) {
  const used = passkey.lastUsedAt
    ? `last used ${day.format(new Date(passkey.lastUsedAt))}`
    : 'not used to sign in yet';
  return (
    <ListItem
      divider
      secondaryAction={
        <Stack direction="row" spacing={1}>
          <Button size="small" onClick={onRename} aria-label={`Rename ${passkey.name}`}>
            Rename
          </Button>
          <Button size="small" color="error" onClick={onRemove} aria-label={`Remove ${passkey.name}`}>
            Remove
          </Button>
        </Stack>
      }
      sx={{ pr: 22 }}
    >
      <ListItemIcon sx={{ minWidth: 40 }}>
        <KeyIcon color="primary" aria-hidden />
      </ListItemIcon>
      <ListItemText
        primary={
          <>
            {passkey.name}
            {passkey.synced && <Chip label="Synced" size="small" variant="outlined" sx={{ ml: 1 }} />}
          </>
        }
        secondary={`Added ${day.format(new Date(passkey.createdAt))} · ${used}`}
      />
    </ListItem>
  );
}

/**
 * "Passkeys" (the Account page, and the set-up screen of an organisation
 * that requires a second factor): sign in with a fingerprint, face, screen
 * lock or security key instead of a password, or use one as the second
 * step after it. Several per person; each can be renamed or removed.
 * `onAdded` runs after a passkey was added (the set-up screen goes on then).
 */
export function PasskeysSection({ onAdded }: { onAdded?(): void } = {}) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const passkeys = useQuery({ queryKey: PASSKEYS_KEY, queryFn: () => trpc.passkeys.list.query() });
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<TPasskeySummary>();
  const [removing, setRemoving] = useState<TPasskeySummary>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY });

  const add = async (name: string) => {
    const response = await createPasskey(await trpc.passkeys.startRegistration.mutate());
    const { signedInAfresh } = await trpc.passkeys.finishRegistration.mutate({ name, response });
    if (signedInAfresh) {
      // The session was renewed and every other one ended: read who we are, and the sessions, afresh.
      forgetMe();
      void queryClient.invalidateQueries({ queryKey: ['auth'] });
      void queryClient.invalidateQueries({ queryKey: ['twoFactor'] });
    }
    notify(signedInAfresh ? 'Passkey added. Your other sessions were signed out.' : 'Passkey added', {
      type: 'success',
    });
    await refresh();
    onAdded?.();
  };

  const remove = useMutation({
    mutationFn: (id: string) => trpc.passkeys.remove.mutate({ id }),
    onSuccess: () => notify('Passkey removed', { type: 'info' }),
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
    onSettled: () => {
      setRemoving(undefined);
      return refresh();
    },
  });

  const list = passkeys.data ?? [];
  return (
    <Card component="section" aria-labelledby="passkeys-heading">
      <CardContent>
        <Stack spacing={1}>
          <Typography id="passkeys-heading" variant="h6" component="h2">
            Passkeys
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Sign in with your fingerprint, face, screen lock or a security key instead of a password. Once you
            have one, signing in with a password also asks for a passkey (or your authenticator app). Add one
            on each device you use, so losing one does not lock you out.
          </Typography>
          {passkeys.isPending && (
            <Box sx={{ display: 'flex', justifyContent: 'center', py: 2 }}>
              <CircularProgress aria-label="Loading your passkeys" />
            </Box>
          )}
          {passkeys.isError && <Alert severity="error">{toHttpError(passkeys.error).message}</Alert>}
          {list.length > 0 && (
            <List aria-label="Your passkeys" disablePadding>
              {list.map((passkey) => (
                <PasskeyRow
                  key={passkey.id}
                  passkey={passkey}
                  onRename={() => setRenaming(passkey)}
                  onRemove={() => setRemoving(passkey)}
                />
              ))}
            </List>
          )}
          {passkeys.data && list.length === 0 && (
            <Typography variant="body2">You have no passkeys yet.</Typography>
          )}
          <Box>
            <Button
              variant="contained"
              startIcon={<KeyIcon aria-hidden />}
              onClick={() => setAdding(true)}
              disabled={!passkeys.data}
            >
              Add a passkey
            </Button>
          </Box>
        </Stack>
      </CardContent>
      <NameDialog
        open={adding}
        title="Add a passkey"
        intro="Name it after the device or key that will hold it. Your browser then asks you to confirm with your fingerprint, face, screen lock or security key."
        action="Continue"
        initialName=""
        onName={add}
        onClose={() => setAdding(false)}
      />
      <NameDialog
        key={renaming?.id ?? 'none'}
        open={Boolean(renaming)}
        title="Rename passkey"
        intro="The name only helps you tell your passkeys apart."
        action="Save"
        initialName={renaming?.name ?? ''}
        onName={async (name) => {
          await trpc.passkeys.rename.mutate({ id: renaming!.id, name });
          notify('Passkey renamed', { type: 'success' });
          await refresh();
        }}
        onClose={() => setRenaming(undefined)}
      />
      <Confirm
        isOpen={Boolean(removing)}
        loading={remove.isPending}
        title={`Remove “${removing?.name ?? ''}”?`}
        content="It will no longer sign you in to Candor. The passkey itself stays on your device until you delete it there."
        confirm="Remove passkey"
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(undefined)}
      />
    </Card>
  );
}
