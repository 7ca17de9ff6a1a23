import { Alert, Button, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { Loading, useLogout } from 'react-admin';
import { PageTitle } from '../../layout/PageTitle';
import { lazyView } from '../../lazyView';
import { forgetMe, useMe } from '../../providers/authProvider';

// Only members who must still set up a second factor see these: they load then, not with every first page (issue 16).
const PasskeysSection = lazyView(() => import('../account/PasskeysSection'), 'PasskeysSection');
const TwoFactor = lazyView(() => import('../account/TwoFactor'), 'TwoFactor');

/**
 * Stands in for every page while the tenant requires a second factor and this
 * session has none: the member sets one up here and goes on. It stays open
 * until the member has seen their recovery codes, even once the API already
 * counts them as enrolled.
 */
export function SecondFactorGate({ children }: { children: ReactNode }) {
  const { me } = useMe();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const [enrolling, setEnrolling] = useState(false);
  useEffect(() => {
    if (me?.secondFactorRequired) setEnrolling(true);
  }, [me?.secondFactorRequired]);

  if (!me?.secondFactorRequired && !enrolling) return <>{children}</>;
  const done = () => {
    forgetMe();
    setEnrolling(false);
    void queryClient.invalidateQueries({ queryKey: ['auth'] });
  };
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 760 }}>
      <PageTitle title="Set up a second factor" />
      <Alert severity="info">
        <Typography variant="body2">
          {me?.tenant.name ?? 'Your organisation'} asks everyone to sign in with a second factor. Add a
          passkey (your device's fingerprint, face or PIN) or set up an authenticator app to go on; it takes a
          minute.
        </Typography>
      </Alert>
      <Suspense fallback={<Loading />}>
        <PasskeysSection onAdded={done} />
        <TwoFactor onEnrolled={done} />
      </Suspense>
      <Stack direction="row">
        <Button onClick={() => logout()}>Sign out</Button>
      </Stack>
    </Stack>
  );
}
