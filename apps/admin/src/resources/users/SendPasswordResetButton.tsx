import { PASSWORD_RESET_VALID_MINUTES, type TTenantUser } from '@candor/schemas';
import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext } from 'react-admin';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

/**
 * Emails an active member a link to choose a new password (for someone who
 * cannot sign in and cannot get the "Forgot password?" email through).
 * The admin never sees the link.
 */
export function SendPasswordResetButton() {
  const user = useRecordContext<TTenantUser>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  if (user?.status !== 'active') return null;

  const send = async () => {
    setSending(true);
    try {
      await trpc.users.sendPasswordReset.mutate({ id: user.id });
      notify(`A password reset link is on its way to ${user.email}`, { type: 'success' });
      setOpen(false);
    } catch (error) {
      notify(toHttpError(error).message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Button label="Send password reset" onClick={() => setOpen(true)} disabled={sending}>
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={sending}
        title={`Send ${user.name} a password reset link?`}
        content={`Candor emails ${user.email} a link to choose a new password; it works once, within ${PASSWORD_RESET_VALID_MINUTES} minutes. Their current password and sessions keep working until they use it.`}
        confirm="Send link"
        onConfirm={send}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
