import { Stack, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { ApplyFormSection } from './ApplyFormSettings';
import { NoticeSection } from './NoticeEditor';
import { RecordOfProcessingSection } from './RecordOfProcessing';

/** The tenant's privacy notice and the apply form's consent settings, for owners and admins (settings.manage). */
export function PrivacyPage() {
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 1200 }}>
      <Title title="Privacy" />
      <Typography variant="h5" component="h1">
        Privacy
      </Typography>
      <NoticeSection />
      <ApplyFormSection />
      <RecordOfProcessingSection />
    </Stack>
  );
}
