import { Stack, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { ApplyFormSection } from './ApplyFormSettings';
import { NoticeSection } from './NoticeEditor';
import { ProcessingSection } from './ProcessingSettings';
import { RecordOfProcessingSection } from './RecordOfProcessing';

/** The tenant's privacy notice, the apply form's consent settings and the record of processing, for owners and admins (settings.manage). */
export function PrivacyPage() {
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 1200 }}>
      <Title title="Privacy" />
      <Typography variant="h5" component="h1">
        Privacy
      </Typography>
      <NoticeSection />
      <ApplyFormSection />
      <ProcessingSection />
      <RecordOfProcessingSection />
    </Stack>
  );
}
