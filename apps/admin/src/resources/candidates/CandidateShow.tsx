import {
  SOURCE_LABELS,
  type TApplicationStatus,
  type TCandidate,
  type TDuplicateHint,
} from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import CallMergeIcon from '@mui/icons-material/CallMerge';
import EditIcon from '@mui/icons-material/Edit';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import LinkIcon from '@mui/icons-material/Link';
import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import PhoneOutlinedIcon from '@mui/icons-material/PhoneOutlined';
import PlaceOutlinedIcon from '@mui/icons-material/PlaceOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Link,
  List,
  ListItem,
  ListItemText,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { type ReactNode, Suspense, useState } from 'react';
import { EditButton, Title, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { type CandorPermissions, hasPermission } from '../../access';
import { DetailPage } from '../../components/DetailPage';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { ApplicationStatusChip } from '../../components/StatusChips';
import { lazyView } from '../../lazyView';
import { dateLabel } from '../../lib/dates';
import { APPLICATION_STATUS_LABELS } from '../../lib/labels';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { CandidateMessages } from '../messages/CandidateMessages';
import { ThreadPanel } from '../messages/ThreadPanel';
import { RequestDialog } from '../privacyRequests/RequestDialog';
import { AddToJobDialog } from './AddToJobDialog';
import { DuplicateBadge } from './CandidateList';
import { ConsentHistory } from './ConsentHistory';
import { Disclosures } from './Disclosures';
import { Files } from './Files';
import { LegalHolds } from './LegalHolds';
import { MergeDialog } from './MergeDialog';
import { RestrictionBanner, WhileRestricted } from './Restriction';
import { SourcedNoticeBanner } from './SourcedNotice';

// The profile form is loaded with the page's first visit to it, not with the candidate page itself.
const Profile = lazyView(() => import('./Profile'), 'Profile');

const REASON_LABELS: Record<TDuplicateHint['reasons'][number], string> = {
  same_phone: 'same phone number',
  similar_name: 'same name',
};

function isApplicationStatus(status: string): status is TApplicationStatus {
  return Object.hasOwn(APPLICATION_STATUS_LABELS, status);
}

function ContactLine({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Box aria-hidden sx={{ display: 'flex', color: 'text.secondary' }}>
        {icon}
      </Box>
      <Box sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</Box>
    </Stack>
  );
}

function CandidateHeader({
  candidate,
  canManage,
  onRestrict,
}: {
  candidate: TCandidate;
  canManage: boolean;
  /** Set for those who may restrict processing, while it is not restricted. */
  onRestrict?: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const restricted = candidate.restrictedAt !== null;
  const addToJob = (
    <Button
      variant="contained"
      size="small"
      startIcon={<AddIcon />}
      onClick={() => setAdding(true)}
      disabled={restricted}
    >
      Add to job
    </Button>
  );
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="h5" component="h1">
              {candidate.name}
            </Typography>
            {candidate.possibleDuplicates.length > 0 && <DuplicateBadge />}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {SOURCE_LABELS[candidate.source]} · added {dateLabel(candidate.createdAt)} · last activity{' '}
            {dateLabel(candidate.lastActivityAt)}
          </Typography>
          {(canManage || onRestrict) && (
            <Stack
              direction="row"
              spacing={1}
              useFlexGap
              sx={{ mt: 2, flexWrap: 'wrap', alignItems: 'center' }}
            >
              {canManage &&
                (restricted ? (
                  <>
                    <WhileRestricted>{addToJob}</WhileRestricted>
                    <WhileRestricted>
                      <Button variant="outlined" size="small" startIcon={<EditIcon />} disabled>
                        Edit
                      </Button>
                    </WhileRestricted>
                  </>
                ) : (
                  <>
                    {addToJob}
                    <EditButton variant="outlined" />
                  </>
                ))}
              {onRestrict && (
                <Button
                  size="small"
                  color="inherit"
                  startIcon={<LockOutlinedIcon />}
                  onClick={onRestrict}
                  sx={{ color: 'text.secondary' }}
                >
                  Restrict processing
                </Button>
              )}
            </Stack>
          )}
        </Box>
        <Stack spacing={1} sx={{ minWidth: 260 }}>
          <ContactLine icon={<EmailOutlinedIcon fontSize="small" />}>
            <Link href={`mailto:${candidate.email}`}>{candidate.email}</Link>
          </ContactLine>
          <ContactLine icon={<PhoneOutlinedIcon fontSize="small" />}>
            {candidate.phone ? (
              <Link href={`tel:${candidate.phone}`}>{candidate.phone}</Link>
            ) : (
              <Typography color="text.secondary">No phone number</Typography>
            )}
          </ContactLine>
          <ContactLine icon={<PlaceOutlinedIcon fontSize="small" />}>
            {candidate.location ?? <Typography color="text.secondary">No location</Typography>}
          </ContactLine>
          {candidate.links.map((link) => (
            <ContactLine key={link} icon={<LinkIcon fontSize="small" />}>
              <Link href={link} target="_blank" rel="noopener noreferrer">
                {link.replace(/^https?:\/\/(www\.)?/, '')}
              </Link>
            </ContactLine>
          ))}
        </Stack>
      </CardContent>
      <AddToJobDialog candidate={candidate} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

function Applications({ candidate }: { candidate: TCandidate }) {
  if (candidate.applications.length === 0) {
    return <Typography color="text.secondary">No applications you can see.</Typography>;
  }
  return (
    <Table size="small" aria-label={`Applications of ${candidate.name}`}>
      <TableHead>
        <TableRow>
          <TableCell>Job</TableCell>
          <TableCell>Stage</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Applied</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {candidate.applications.map((application) => (
          <TableRow key={application.id} hover>
            <TableCell>
              <Link
                component={RouterLink}
                to={`/applications/${application.id}/show`}
                sx={{ fontWeight: 600 }}
              >
                {application.jobTitle}
              </Link>
            </TableCell>
            <TableCell>{application.stageName}</TableCell>
            <TableCell>
              {isApplicationStatus(application.status) ? (
                <ApplicationStatusChip status={application.status} />
              ) : (
                application.status
              )}
            </TableCell>
            <TableCell>{dateLabel(application.appliedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Duplicates({ candidate, canManage }: { candidate: TCandidate; canManage: boolean }) {
  const [merging, setMerging] = useState<TDuplicateHint | null>(null);
  return (
    <>
      <Alert severity="warning" variant="outlined" sx={{ mb: 1 }}>
        These records may be the same person. Check the details; merge them to keep one record with all
        applications.
      </Alert>
      <List disablePadding>
        {candidate.possibleDuplicates.map((duplicate) => (
          <ListItem
            key={duplicate.id}
            divider
            secondaryAction={
              canManage ? (
                <Button
                  size="small"
                  variant="outlined"
                  startIcon={<CallMergeIcon />}
                  onClick={() => setMerging(duplicate)}
                  aria-label={`Merge with ${duplicate.name}`}
                >
                  Merge…
                </Button>
              ) : undefined
            }
            sx={{ pr: canManage ? 14 : 2 }}
          >
            <ListItemText
              primary={
                <Link component={RouterLink} to={`/candidates/${duplicate.id}/show`}>
                  {duplicate.name}
                </Link>
              }
              secondary={`${duplicate.email} · ${duplicate.reasons.map((reason) => REASON_LABELS[reason]).join(', ')}`}
            />
          </ListItem>
        ))}
      </List>
      <MergeDialog candidate={candidate} duplicate={merging} onClose={() => setMerging(null)} />
    </>
  );
}

/** The admin's confirmations to restrict processing (a request by phone or letter) or to lift it. */
function RestrictionDialogs({
  candidate,
  open,
  onClose,
}: {
  candidate: TCandidate;
  open: 'restrict' | 'lift' | null;
  onClose: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const done = (message: string) => {
    notify(message, { type: 'success' });
    refresh();
  };
  return (
    <>
      <RequestDialog
        open={open === 'restrict'}
        title={`Restrict processing of ${candidate.name}’s data?`}
        description={
          <>
            For a restriction the candidate asked for by phone, letter or email (GDPR Art. 18). Their data is
            then kept but not used: no stage moves, emails, notes, scorecards, interviews or offers, and
            recruiters and hiring managers no longer find them. {candidate.name} is emailed a confirmation at{' '}
            {candidate.email}.
          </>
        }
        submitLabel="Restrict processing"
        color="warning"
        onClose={onClose}
        onSubmit={() =>
          dataProvider
            .restrictCandidate(candidate.id)
            .then(() => done(`Processing restricted; ${candidate.name} is emailed a confirmation`))
        }
      />
      <RequestDialog
        open={open === 'lift'}
        title="Lift the restriction?"
        description={
          <>
            {candidate.name} will be emailed at {candidate.email} that the restriction is lifted and their
            data will be processed again, with a link to their privacy portal: the GDPR requires telling them
            before lifting it. Lift it only once the reason for the restriction no longer applies.
          </>
        }
        submitLabel="Email and lift restriction"
        onClose={onClose}
        onSubmit={() =>
          dataProvider
            .liftCandidateRestriction(candidate.id)
            .then(() =>
              done(`Restriction lifted; ${candidate.name} is emailed that their data is processed again`),
            )
        }
      />
    </>
  );
}

function CandidateBody() {
  const candidate = useRecordContext<TCandidate>();
  const { permissions } = usePermissions<CandorPermissions>();
  const [restriction, setRestriction] = useState<'restrict' | 'lift' | null>(null);
  if (!candidate) return null;
  const restricted = candidate.restrictedAt !== null;
  const canManage = hasPermission(permissions, 'candidates.manage');
  const canManageHolds = hasPermission(permissions, 'holds.manage');
  // Owners and admins, who answer privacy requests, restrict processing and lift it.
  const canManageRestriction = hasPermission(permissions, 'requests.manage');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={candidate.name} />
      {candidate.restrictedAt && (
        <RestrictionBanner
          restrictedAt={candidate.restrictedAt}
          action={
            canManageRestriction ? (
              <Button
                color="inherit"
                variant="outlined"
                size="small"
                startIcon={<LockOpenOutlinedIcon />}
                onClick={() => setRestriction('lift')}
                sx={{ whiteSpace: 'nowrap' }}
              >
                Lift restriction
              </Button>
            ) : undefined
          }
        />
      )}
      <SourcedNoticeBanner candidate={candidate} canSend={canManage} />
      <CandidateHeader
        candidate={candidate}
        canManage={canManage}
        onRestrict={canManageRestriction && !restricted ? () => setRestriction('restrict') : undefined}
      />
      <RestrictionDialogs candidate={candidate} open={restriction} onClose={() => setRestriction(null)} />
      <Stack spacing={2} sx={{ mb: 2 }}>
        {candidate.possibleDuplicates.length > 0 && (
          <Section variant="outlined" title="Possible duplicates">
            <Duplicates candidate={candidate} canManage={canManage} />
          </Section>
        )}
        <Section variant="outlined" title="Profile">
          <Suspense fallback={<LoadingBlock label="Loading the profile" height={80} />}>
            <Profile candidateId={candidate.id} canEdit={canManage && !restricted} />
          </Suspense>
        </Section>
        <Section variant="outlined" title={`Applications (${candidate.applications.length})`}>
          <Applications candidate={candidate} />
        </Section>
        <ThreadPanel
          candidateId={candidate.id}
          action={
            hasPermission(permissions, 'applications.manage') && (
              <CandidateMessages
                candidateId={candidate.id}
                applicationId={null}
                name={candidate.name}
                restricted={restricted}
              />
            )
          }
        />
        <Section variant="outlined" title="Files">
          <Files candidate={candidate} canManage={canManage && !restricted} />
        </Section>
        <Section variant="outlined" title="Consent history">
          <ConsentHistory candidateId={candidate.id} candidateName={candidate.name} />
        </Section>
        {canManage && (
          <Section variant="outlined" title="Who received their data">
            <Disclosures candidate={candidate} canRecord={!restricted} />
          </Section>
        )}
        {canManageHolds && (
          <Section variant="outlined" title="Legal holds">
            <LegalHolds candidate={candidate} />
          </Section>
        )}
      </Stack>
    </Box>
  );
}

export function CandidateShow() {
  return (
    <DetailPage what="candidate" listPath="/candidates" listLabel="Back to candidates">
      <CandidateBody />
    </DetailPage>
  );
}
