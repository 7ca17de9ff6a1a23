import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert } from '@mui/material';
import { useState } from 'react';
import { Link, useLocation } from 'react-admin';
import { forgetMe } from '../providers/authProvider';
import { AuthCard } from './password/AuthCard';
import { NewPasswordForm } from './password/NewPasswordForm';

/**
 * Where a password reset email lands: `#/reset-password?token=...`.
 * Rendered without layout and without a session. Setting the password signs
 * the person out everywhere, this browser included.
 */
export function ResetPasswordPage() {
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [done, setDone] = useState(false);

  return (
    <AuthCard icon={<LockResetIcon />} title="Choose a new password">
      {done ? (
        <Alert severity="success" role="status">
          Your password is changed and you are signed out everywhere. <Link to="/login">Sign in</Link> with
          your new password.
        </Alert>
      ) : !token ? (
        <Alert severity="error" role="alert">
          This link is incomplete; open it again from your email, or{' '}
          <Link to="/forgot-password">ask for a new one</Link>.
        </Alert>
      ) : (
        <NewPasswordForm
          token={token}
          title="Choose a new password"
          submitLabel="Change password"
          linkNotValid="This link has expired or was already used. Ask for a new one with “Forgot password?” on the sign-in page."
          onDone={() => {
            forgetMe();
            setDone(true);
          }}
        />
      )}
    </AuthCard>
  );
}
