import { Stack } from '@mui/material';
import { Title } from 'react-admin';
import { PageHeading } from '../../components/PageHeading';
import { RequireSecondFactorSection } from './RequireSecondFactorSection';
import { SingleSignOnSection } from './SingleSignOnSection';

/** "Sign-in & security": how the organisation's members sign in; the owner's page. */
export function SecurityPage() {
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="Sign-in & security" />
      <PageHeading>Sign-in &amp; security</PageHeading>
      <RequireSecondFactorSection />
      <SingleSignOnSection />
    </Stack>
  );
}
