import { REQUEST_TYPE_LABELS, type TPrivacyRequest } from '@candor/schemas';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Divider,
  Grid,
  IconButton,
  Link,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Title, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { DetailPage } from '../../components/DetailPage';
import { Section } from '../../components/Section';
import { dateTimeLabel, dayLabel } from '../../lib/dates';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useTeamDirectory } from '../jobs/useTeamDirectory';
import { AgentProof } from './AgentProof';
import {
  actionLabel,
  channelLabel,
  isOpen,
  JURISDICTION_CHOICES,
  JURISDICTION_LABELS,
  requestReference,
  VERIFICATION_LABELS,
  verificationStep,
} from './labels';
import { RefereeData } from './RefereeData';
import { RequestActionButtons } from './RequestActionButtons';
import { DeadlineChip, RequestStatusChip } from './RequestChips';
import { RequestDialog } from './RequestDialog';
import { RequestNotes } from './RequestNotes';

/**
 * When the request arrived: the portal records the moment; staff enter only
 * the day a letter, call or email came in, so only that day is shown for those.
 */
function receivedLabel(request: Pick<TPrivacyRequest, 'channel' | 'receivedAt' | 'receivedOn'>): string {
  return request.channel === 'portal' ? dateTimeLabel(request.receivedAt) : dayLabel(request.receivedOn);
}

/** "Verified (portal email code, 6 Dec 2026, 07:10)": the state, and how and when it was reached. */
function identityLabel(request: TPrivacyRequest): string {
  const step = verificationStep(request);
  const state = VERIFICATION_LABELS[request.verification];
  return step ? `${state} (${step.how}, ${dateTimeLabel(step.at)})` : state;
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
      <Typography component="dt" variant="body2" color="text.secondary" sx={{ width: 170, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick} sx={{ ml: 0.5, my: -0.5 }}>
        <EditOutlinedIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}

function JurisdictionAndAssignee({ request }: { request: TPrivacyRequest }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const directory = useTeamDirectory();
  const [open, setOpen] = useState<'jurisdiction' | 'assign' | null>(null);
  const admins = (directory.data ?? []).filter(
    (person) => person.role === 'owner' || person.role === 'admin',
  );
  const close = () => setOpen(null);
  return (
    <>
      <Meta label="Jurisdiction">
        {JURISDICTION_LABELS[request.jurisdiction]}
        {isOpen(request.status) && (
          <EditButton label="Change jurisdiction" onClick={() => setOpen('jurisdiction')} />
        )}
      </Meta>
      <Meta label="Assignee">
        {request.assignee?.name ?? 'Nobody yet'}
        <EditButton label="Assign to an admin" onClick={() => setOpen('assign')} />
      </Meta>
      <RequestDialog
        open={open === 'jurisdiction'}
        title="Change the jurisdiction"
        description="The deadlines follow the jurisdiction's rules; they are recomputed from the day the request arrived."
        fields={[
          {
            name: 'jurisdiction',
            label: 'Jurisdiction',
            required: true,
            choices: JURISDICTION_CHOICES,
            initial: request.jurisdiction,
          },
        ]}
        submitLabel="Change"
        onClose={close}
        onSubmit={(values) =>
          dataProvider
            .setRequestJurisdiction({
              id: request.id,
              jurisdiction: values.jurisdiction as TPrivacyRequest['jurisdiction'],
            })
            .then(() => {
              notify('Jurisdiction changed; the deadlines were recomputed', { type: 'success' });
              refresh();
            })
        }
      />
      <RequestDialog
        open={open === 'assign'}
        title="Assign the request"
        description="Only owners and admins handle privacy requests."
        fields={[
          {
            name: 'assigneeId',
            label: 'Assignee',
            choices: [
              { id: 'none', name: 'Nobody' },
              ...admins.map((person) => ({ id: person.id, name: `${person.name} (${person.email})` })),
            ],
            initial: request.assignee?.id ?? 'none',
          },
        ]}
        submitLabel="Assign"
        onClose={close}
        onSubmit={(values) =>
          dataProvider
            .assignRequest({
              id: request.id,
              assigneeId: values.assigneeId && values.assigneeId !== 'none' ? values.assigneeId : null,
            })
            .then(() => {
              notify('Assignee saved', { type: 'success' });
              refresh();
            })
        }
      />
    </>
  );
}

function PrivacyRequestBody() {
  const request = useRecordContext<TPrivacyRequest>();
  if (!request) return null;
  const reference = requestReference(request.id);
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={`Request ${reference}`} />
      <Card>
        <CardContent>
          <Stack
            direction="row"
            spacing={1.5}
            sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}
            useFlexGap
          >
            <Typography variant="h5" component="h1">
              {REQUEST_TYPE_LABELS[request.type]} · {reference}
            </Typography>
            <RequestStatusChip status={request.status} />
            <DeadlineChip request={request} />
          </Stack>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            From {request.requesterName || request.requesterEmail || 'a requester whose data was erased'},
            received {receivedLabel(request)} by {channelLabel(request.channel).toLowerCase()}.
          </Typography>
          {request.lastError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              The last attempt failed ({request.lastError}); nothing was changed and the request is still
              open. Try again, or contact support if it keeps failing.
            </Alert>
          )}
          <RequestActionButtons request={request} />
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack spacing={2}>
            <Section title="Request">
              <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.75 }}>
                <Meta label="Requester">{request.requesterName ?? '—'}</Meta>
                <Meta label="Email">{request.requesterEmail || '— (erased)'}</Meta>
                <Meta label="Candidate">
                  {request.candidateId ? (
                    <Link component={RouterLink} to={`/candidates/${request.candidateId}/show`}>
                      Open the candidate
                    </Link>
                  ) : (
                    'No candidate has this email'
                  )}
                </Meta>
                <Meta label="Channel">{channelLabel(request.channel)}</Meta>
                <Meta label="Country">{request.country ?? '—'}</Meta>
                <Meta label="Identity">{identityLabel(request)}</Meta>
                <JurisdictionAndAssignee request={request} />
              </Box>
              <Divider sx={{ my: 2 }} />
              <Typography variant="subtitle2" component="h3" gutterBottom>
                Details from the requester
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {request.details || 'None given.'}
              </Typography>
              {(request.answer || request.refusalReason) && (
                <>
                  <Divider sx={{ my: 2 }} />
                  <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.75 }}>
                    {request.completedAt && <Meta label="Closed">{dateTimeLabel(request.completedAt)}</Meta>}
                    {request.refusalReason && <Meta label="Legal reason">{request.refusalReason}</Meta>}
                    {request.answer && (
                      <Meta label="Answer sent">
                        <Box component="span" sx={{ whiteSpace: 'pre-wrap' }}>
                          {request.answer}
                        </Box>
                      </Meta>
                    )}
                  </Box>
                </>
              )}
            </Section>
            {request.agentName && (
              <Section title="Authorized agent">
                <AgentProof request={request} />
              </Section>
            )}
            {['access', 'portability', 'erasure'].includes(request.type) && (
              <Section title="As a referee">
                <RefereeData request={request} />
              </Section>
            )}
            <Section title="Notes">
              <RequestNotes request={request} />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Stack spacing={2}>
            <Section title="Deadlines">
              <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.75 }}>
                <Meta label="Answer due">{dayLabel(request.dueOn)}</Meta>
                <Meta label="Receipt">
                  {request.acknowledgedAt
                    ? `Sent ${dateTimeLabel(request.acknowledgedAt)}`
                    : request.acknowledgeBy
                      ? `Due by ${dayLabel(request.acknowledgeBy)} (California: 10 business days)`
                      : 'Not sent'}
                </Meta>
                <Meta label="Latest extension">{dayLabel(request.maxExtendedDueOn)}</Meta>
                {request.extendedAt && (
                  <>
                    <Meta label="Extended">{dateTimeLabel(request.extendedAt)}</Meta>
                    <Meta label="Why">{request.extensionReason ?? '—'}</Meta>
                  </>
                )}
              </Box>
            </Section>
            <Section title="History">
              {request.actions.length === 0 ? (
                <Typography color="text.secondary">Nothing done yet.</Typography>
              ) : (
                <Stack component="ol" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }}>
                  {[...request.actions].reverse().map((action) => (
                    <Box component="li" key={`${action.at}-${action.action}`}>
                      <Typography variant="body2">
                        <strong>{actionLabel(action.action)}</strong>
                        {action.detail ? ` · ${action.detail}` : ''}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {dateTimeLabel(action.at)}
                      </Typography>
                    </Box>
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid>
      </Grid>
      <Box>
        <Button component={RouterLink} to="/privacy-requests">
          Back to the queue
        </Button>
      </Box>
    </Stack>
  );
}

export function PrivacyRequestShow() {
  return (
    <DetailPage what="request" listPath="/privacy-requests" listLabel="Back to the queue">
      <PrivacyRequestBody />
    </DetailPage>
  );
}
