import type { TOutboxEmail } from '@candor/schemas';
import { Alert, Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useRecordContext } from 'react-admin';
import { DetailPage } from '../../components/DetailPage';
import { OutboxStatusChip } from '../../components/StatusChips';
import { dateTimeLabel } from '../../lib/dates';
import { emailTemplateLabel } from '../../lib/labels';

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <Typography component="dt" variant="body2" color="text.secondary" sx={{ width: 120, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

function OutboxEmailBody() {
  const email = useRecordContext<TOutboxEmail>();
  if (!email) return null;
  const delivery =
    email.status === 'sent' && email.sentAt
      ? `Sent ${dateTimeLabel(email.sentAt)}`
      : email.status === 'pending'
        ? `Goes out ${dateTimeLabel(email.nextAttemptAt)} or shortly after`
        : `Failed after ${email.attempts} attempt${email.attempts === 1 ? '' : 's'}`;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={email.subject} />
      <CardContent>
        <Stack
          direction="row"
          spacing={1.5}
          sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}
          useFlexGap
        >
          <Typography variant="h5" component="h1">
            {email.subject}
          </Typography>
          <OutboxStatusChip status={email.status} />
        </Stack>
        <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.5 }}>
          <Meta label="To">{email.to}</Meta>
          <Meta label="Template">{emailTemplateLabel(email.template)}</Meta>
          <Meta label="Queued">{dateTimeLabel(email.createdAt)}</Meta>
          <Meta label="Delivery">{delivery}</Meta>
          {email.attempts > 0 && <Meta label="Attempts">{email.attempts}</Meta>}
        </Box>
        {email.lastError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            Last error: {email.lastError}
          </Alert>
        )}
        <Divider sx={{ my: 2 }} />
        <Typography variant="overline" component="h2" color="text.secondary">
          Message
        </Typography>
        <Box
          component="pre"
          sx={{
            m: 0,
            p: 2,
            bgcolor: 'grey.50',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            fontFamily: 'inherit',
            fontSize: '0.95rem',
          }}
        >
          {email.text}
        </Box>
      </CardContent>
    </Card>
  );
}

export function OutboxShow() {
  return (
    <DetailPage what="email" listPath="/outbox" listLabel="Back to the outbox">
      <OutboxEmailBody />
    </DetailPage>
  );
}
