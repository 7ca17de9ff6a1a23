import { Alert, Skeleton, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { Title } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeading } from '../../components/PageHeading';
import { useMe } from '../../providers/authProvider';
import { CalendarConnectionSection } from './CalendarConnectionSection';
import { CalendarFeedSection } from './CalendarFeedSection';
import { CalendarSection } from './CalendarSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { NotificationsSection } from './NotificationsSection';
import { PasskeysSection } from './PasskeysSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactor } from './TwoFactor';

/** The signed-in user's own account (password, passkeys, second factor, sessions), reached from the account menu. */
export function AccountPage() {
  const { me } = useMe();
  let body: ReactNode;
  if (!me) body = <LoadingBlock label="Loading" height={200} variant="rounded" />;
  else if (me.signedInWith === 'single_sign_on') {
    // The API refuses account changes to a session an organisation's provider opened (ownAccountProcedure);
    // one's time zone and working hours it allows (the calendar feed reaches other organisations: not).
    body = (
      <>
        <CalendarSection />
        <Alert severity="info">
          You signed in through {me.tenant.name}&apos;s single sign-on, which opens this organisation only. To
          change your password, passkeys, two-factor authentication or sessions, sign in with your password or
          a passkey.
        </Alert>
      </>
    );
  } else {
    body = (
      <>
        <CalendarSection />
        <CalendarConnectionSection />
        <CalendarFeedSection />
        <ChangePasswordSection />
        <TwoFactor />
        <PasskeysSection />
        <SessionsSection />
      </>
    );
  }
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="Your account" />
      <PageHeading>Your account</PageHeading>
      {body}
      {/* Tenant settings, not the account's: open to single sign-on sessions too. */}
      {me && <NotificationsSection />}
    </Stack>
  );
}
