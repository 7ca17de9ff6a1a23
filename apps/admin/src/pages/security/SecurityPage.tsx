import { Stack } from '@mui/material';
import { Title } from 'react-admin';
import { RequireSecondFactorSection } from './RequireSecondFactorSection';
import { SingleSignOnSection } from './SingleSignOnSection';

/** "Sign-in & security": how the organisation's members sign in; the owner's page. */
export function SecurityPage() {
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="Sign-in & security" />
      <RequireSecondFactorSection />
      <SingleSignOnSection />
    </Stack>
  );
}
