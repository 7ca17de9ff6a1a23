import { Stack } from '@mui/material';
import { Title } from 'react-admin';
import { ChangePasswordSection } from './ChangePasswordSection';
import { PasskeysSection } from './PasskeysSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactor } from './TwoFactor';

/** The signed-in user's own account (password, passkeys, second factor, sessions), reached from the account menu. */
export function AccountPage() {
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="Your account" />
      <ChangePasswordSection />
      <TwoFactor />
      <PasskeysSection />
      <SessionsSection />
    </Stack>
  );
}
