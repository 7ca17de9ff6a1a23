import { candidateLabel, SOURCE_LABELS, type TApplication } from '@candor/schemas';
import BlockIcon from '@mui/icons-material/Block';
import EditNoteIcon from '@mui/icons-material/EditNote';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import PhoneOutlinedIcon from '@mui/icons-material/PhoneOutlined';
import UndoIcon from '@mui/icons-material/Undo';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { Alert, Box, Button, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Confirm, Title, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { type CandorPermissions, hasPermission } from '../../access';
import { DetailPage } from '../../components/DetailPage';
import { LoadingBlock } from '../../components/LoadingBlock';
import { MoveMenu, type StageRef } from '../../components/MoveMenu';
import { RejectDialog } from '../../components/RejectDialog';
import { Section } from '../../components/Section';
import { ApplicationStatusChip } from '../../components/StatusChips';
import { lazyView } from '../../lazyView';
import { ageLabel, dateLabel, dateTimeLabel } from '../../lib/dates';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { useHiringSettings } from '../../providers/useHiringSettings';
import { RestrictionBanner, WhileRestricted } from '../candidates/Restriction';
import { CandidateMessages } from '../messages/CandidateMessages';
import { ThreadPanel } from '../messages/ThreadPanel';
import { Answers } from './Answers';
import { Documents } from './Documents';
import { FromApplicant, hasApplicantDetails } from './FromApplicant';
import { Feedback } from './feedback/Feedback';
import { HrExport } from './HrExport';
import { Interviews } from './Interviews';
import { Notes } from './Notes';
import { Offer } from './offer/Offer';
import { References } from './References';
import { StageHistory } from './StageHistory';
import { TagsEditor } from './TagsEditor';
import { WithdrawDialog } from './WithdrawDialog';

/** Loaded with its panel: background checks are rare and their code need not weigh on every application page. */
const BackgroundChecks = lazyView(() => import('./BackgroundChecks'), 'BackgroundChecks');

// Loaded when someone opens it: corrections are rare.
const CorrectDialog = lazyView(() => import('./CorrectDialog'), 'CorrectDialog');
const ApplicationAssessments = lazyView(
  () => import('../assessments/ApplicationAssessments'),
  'ApplicationAssessments',
);

/** `decideOnly`: a hiring manager whose tenant lets them advance or reject on their jobs gets those two actions, nothing else. */
function ApplicationActions({ application, decideOnly }: { application: TApplication; decideOnly: boolean }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [rejecting, setRejecting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const name = candidateLabel(application.candidate);
  const move = useMutation({
    mutationFn: (stage: StageRef) =>
      dataProvider.moveApplications({ ids: [application.id], stageId: stage.id }),
    onSuccess: (result, stage) => {
      const moved = `${name} moved to ${stage.name}${result.rejectionEmailsWithdrawn > 0 ? '; the rejection email waiting to go out will not be sent' : ''}`;
      notify(result.updated > 0 ? moved : `${name} was not moved`, {
        type: result.updated > 0 ? 'success' : 'warning',
      });
      refresh();
    },
    onError: (error: Error) => notify(`Could not move ${name}: ${error.message}`, { type: 'error' }),
  });
  const active = application.status === 'active';
  // Restricted (Art. 18): no stage moves or rejections; recording a withdrawal stays possible.
  const restricted = application.candidate.restrictedAt !== null;
  const moveMenu = (
    <MoveMenu
      stages={application.jobStages}
      currentStageId={application.stage.id}
      label={`Move ${name} to another stage`}
      disabled={move.isPending || restricted}
      onPick={(stage) => (stage.kind === 'rejected' ? setRejecting(true) : move.mutate(stage))}
    />
  );
  const reject = (
    <Button
      size="small"
      variant="outlined"
      color="error"
      startIcon={<BlockIcon />}
      onClick={() => setRejecting(true)}
      disabled={restricted}
    >
      Reject
    </Button>
  );
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {application.status !== 'withdrawn' &&
        (restricted ? <WhileRestricted>{moveMenu}</WhileRestricted> : moveMenu)}
      {application.status === 'hired' && !decideOnly && <HrExport application={application} />}
      {active && (
        <>
          {restricted ? <WhileRestricted>{reject}</WhileRestricted> : reject}
          {!decideOnly && (
            <Button
              size="small"
              variant="outlined"
              color="inherit"
              startIcon={<UndoIcon />}
              onClick={() => setWithdrawing(true)}
            >
              Withdraw
            </Button>
          )}
        </>
      )}
      <RejectDialog
        open={rejecting}
        subject={name}
        onClose={() => setRejecting(false)}
        onSubmit={async (values) => {
          const result = await dataProvider.rejectApplications({ ids: [application.id], ...values });
          notify(
            result.updated > 0
              ? `${name} rejected`
              : `${name} was not rejected: the application is not active`,
            {
              type: result.updated > 0 ? 'success' : 'warning',
            },
          );
          refresh();
        }}
      />
      <WithdrawDialog
        open={withdrawing}
        candidateName={name}
        onClose={() => setWithdrawing(false)}
        onSubmit={async (note) => {
          await dataProvider.withdrawApplication({ id: application.id, note });
          notify(`${name} marked as withdrawn`, { type: 'success' });
          refresh();
        }}
      />
    </Stack>
  );
}

function ApplicationHeader({
  application,
  canManage,
  canDecide,
}: {
  application: TApplication;
  canManage: boolean;
  canDecide: boolean;
}) {
  const { candidate } = application;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 280 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="h5" component="h1">
              {candidateLabel(candidate)}
            </Typography>
            <ApplicationStatusChip status={application.status} />
          </Stack>
          <Typography variant="body1" sx={{ mt: 0.5 }}>
            Applied for{' '}
            <Link component={RouterLink} to={`/jobs/${application.job.id}/show`}>
              {application.job.title}
            </Link>{' '}
            <Typography component="span" color="text.secondary">
              {dateLabel(application.appliedAt)} ({ageLabel(application.appliedAt)}) ·{' '}
              {SOURCE_LABELS[application.source]}
            </Typography>
          </Typography>
          {!candidate.blind && (
            <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
              <Link
                href={`mailto:${candidate.email}`}
                sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
              >
                <EmailOutlinedIcon fontSize="small" aria-hidden />
                {candidate.email}
              </Link>
              {candidate.phone && (
                <Link
                  href={`tel:${candidate.phone}`}
                  sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
                >
                  <PhoneOutlinedIcon fontSize="small" aria-hidden />
                  {candidate.phone}
                </Link>
              )}
              <Link component={RouterLink} to={`/candidates/${candidate.id}/show`}>
                Candidate profile
              </Link>
            </Stack>
          )}
        </Box>
        <Box sx={{ minWidth: 220 }}>
          <Typography variant="overline" component="p" color="text.secondary">
            Current stage
          </Typography>
          <Chip label={application.stage.name} color="primary" variant="outlined" sx={{ mb: 1 }} />
          {(canManage || canDecide) && (
            <ApplicationActions application={application} decideOnly={!canManage} />
          )}
        </Box>
      </CardContent>
    </Card>
  );
}

/**
 * Blind review as each side sees it: the reviewer is told the identity is
 * hidden; a recruiter sees that it is, and can reveal it (for good, audited).
 */
function BlindReviewBanner({ application, canManage }: { application: TApplication; canManage: boolean }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const reveal = useMutation({
    mutationFn: () => dataProvider.revealApplicationIdentity(application.id),
    onSuccess: () => {
      setConfirming(false);
      notify('Identity revealed to the hiring managers', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(`Could not reveal the identity: ${error.message}`, { type: 'error' }),
  });
  const { candidate, blindReview } = application;
  if (candidate.blind) {
    return (
      <Alert severity="info" icon={<VisibilityOffOutlinedIcon />} sx={{ mb: 2 }}>
        Blind review: the candidate’s identity is hidden at this stage. Judge the application on its answers,
        documents and interviews.
      </Alert>
    );
  }
  if (blindReview.revealed) {
    const { at, by } = blindReview.revealed;
    return (
      <Alert severity="info" variant="outlined" icon={<VisibilityOutlinedIcon />} sx={{ mb: 2 }}>
        Identity revealed to reviewers{by ? ` by ${by.name}` : ''} on {dateTimeLabel(at)}.
      </Alert>
    );
  }
  if (!canManage || !blindReview.stageIsBlind) return null;
  return (
    <>
      <Alert
        severity="info"
        icon={<VisibilityOffOutlinedIcon />}
        sx={{ mb: 2 }}
        action={
          <Button
            color="inherit"
            variant="outlined"
            size="small"
            startIcon={<VisibilityOutlinedIcon />}
            onClick={() => setConfirming(true)}
            sx={{ whiteSpace: 'nowrap' }}
          >
            Reveal identity
          </Button>
        }
      >
        Hiring managers review this application blind at this stage: they do not see {candidate.name}’s name,
        contact details or files.
      </Alert>
      <Confirm
        isOpen={confirming}
        loading={reveal.isPending}
        title={`Reveal ${candidate.name}’s identity?`}
        content="The hiring managers on this job will see the candidate’s name, contact details and files for this application, in every stage. This cannot be undone, and it is recorded in the audit log."
        confirm="Reveal identity"
        cancel="Keep it blind"
        confirmColor="warning"
        onConfirm={() => reveal.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}

function ApplicationTitle() {
  const application = useRecordContext<TApplication>();
  return (
    <span>
      {application ? `${candidateLabel(application.candidate)} · ${application.job.title}` : 'Application'}
    </span>
  );
}

function ApplicationBody() {
  const application = useRecordContext<TApplication>();
  const { permissions } = usePermissions<CandorPermissions>();
  const { data: hiringSettings } = useHiringSettings();
  const [correcting, setCorrecting] = useState(false);
  if (!application) return null;
  const restricted = application.candidate.restrictedAt !== null;
  const canManage = hasPermission(permissions, 'applications.manage');
  // A hiring manager may move and reject on their jobs when the tenant allows it (the API checks their seat).
  const canDecide =
    !canManage &&
    hasPermission(permissions, 'applications.decide') &&
    hiringSettings?.managersMayDecide === true;
  const canNote = hasPermission(permissions, 'applications.note') && !restricted;
  // Rectification of what the applicant wrote: recruiters and admins, never under blind review.
  const canCorrect =
    hasPermission(permissions, 'candidates.manage') && !restricted && !application.candidate.blind;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={<ApplicationTitle />} />
      {application.candidate.restrictedAt && (
        <RestrictionBanner
          restrictedAt={application.candidate.restrictedAt}
          action={
            <Button
              component={RouterLink}
              to={`/candidates/${application.candidate.id}/show`}
              color="inherit"
              variant="outlined"
              size="small"
              sx={{ whiteSpace: 'nowrap' }}
            >
              Manage restriction
            </Button>
          }
        />
      )}
      <ApplicationHeader application={application} canManage={canManage} canDecide={canDecide} />
      <BlindReviewBanner application={application} canManage={canManage} />
      {application.rejection && (
        <Alert severity="error" variant="outlined" sx={{ mb: 2 }}>
          Rejected {dateTimeLabel(application.rejection.at)}
          {application.rejection.by ? ` by ${application.rejection.by.name}` : ''}:{' '}
          {application.rejection.reasonLabel}
          {application.rejection.note ? ` — “${application.rejection.note}”` : ''}
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(280px, 2fr)' },
        }}
      >
        <Stack spacing={2}>
          <Section variant="outlined" title="Interviews">
            <Interviews
              application={application}
              canManage={hasPermission(permissions, 'interviews.manage')}
            />
          </Section>
          <Section variant="outlined" title="Feedback">
            <Feedback application={application} />
          </Section>
          <Section variant="outlined" title="Notes">
            <Notes application={application} canNote={canNote} />
          </Section>
          {hasApplicantDetails(application) && (
            <Section variant="outlined" title="From the applicant">
              <FromApplicant application={application} />
            </Section>
          )}
          <Section variant="outlined" title="Answers">
            <Answers answers={application.answers} />
            {canCorrect && (
              <Button
                variant="outlined"
                size="small"
                startIcon={<EditNoteIcon />}
                onClick={() => setCorrecting(true)}
                sx={{ mt: 1 }}
              >
                Correct what the applicant sent
              </Button>
            )}
            {correcting && (
              <Suspense fallback={null}>
                <CorrectDialog application={application} open onClose={() => setCorrecting(false)} />
              </Suspense>
            )}
          </Section>
        </Stack>
        <Stack spacing={2}>
          {!application.candidate.blind && (
            <ThreadPanel
              applicationId={application.id}
              action={
                canManage && (
                  <CandidateMessages
                    candidateId={application.candidate.id}
                    applicationId={application.id}
                    name={application.candidate.name}
                    restricted={restricted}
                  />
                )
              }
            />
          )}
          <Section variant="outlined" title="Offer">
            <Offer application={application} permissions={permissions} />
          </Section>
          <Section variant="outlined" title="References">
            <References application={application} canManage={canManage} />
          </Section>
          <Section variant="outlined" title="Assessments">
            <Suspense fallback={<LoadingBlock label="Loading assessments" height={80} />}>
              <ApplicationAssessments
                applicationId={application.id}
                canManage={canManage}
                canScore={hasPermission(permissions, 'scorecards.submit')}
                restricted={restricted}
              />
            </Suspense>
          </Section>
          <Section variant="outlined" title="Background check">
            <Suspense fallback={<LoadingBlock label="Loading background checks" height={48} />}>
              <BackgroundChecks
                application={application}
                canManage={hasPermission(permissions, 'offers.manage')}
              />
            </Suspense>
          </Section>
          <Section variant="outlined" title="Documents">
            <Documents applicationId={application.id} />
          </Section>
          <Section variant="outlined" title="Tags">
            {/* Keyed by the saved tags, so a refresh restarts the editor from the server's version. */}
            <TagsEditor
              key={application.tags.join()}
              application={application}
              canManage={canManage && !restricted}
            />
          </Section>
          <Section variant="outlined" title="Stage history">
            <StageHistory history={application.stageHistory} />
          </Section>
        </Stack>
      </Box>
    </Box>
  );
}

export function ApplicationShow() {
  return (
    <DetailPage what="application" listPath="/applications" listLabel="Back to applications">
      <ApplicationBody />
    </DetailPage>
  );
}
