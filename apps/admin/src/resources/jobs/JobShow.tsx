import {
  candidateLabel,
  EMPLOYMENT_TYPE_LABELS,
  PROFILE_SECTION_LABELS,
  type TApplicationListItem,
  type TJob,
} from '@candor/schemas';
import ViewKanbanOutlinedIcon from '@mui/icons-material/ViewKanbanOutlined';
import { Box, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Suspense } from 'react';
import {
  Button,
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  Pagination,
  ReferenceManyField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { type CandorPermissions, hasPermission } from '../../access';
import { DetailPage } from '../../components/DetailPage';
import { EmptyState } from '../../components/EmptyState';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Markdown } from '../../components/Markdown';
import { ApplicationStatusField, JobStatusChip } from '../../components/StatusChips';
import { lazyView } from '../../lazyView';
import { ageLabel } from '../../lib/dates';
import { HIRING_TEAM_ROLE_LABELS, locationLabel, QUESTION_KIND_LABELS, salaryLabel } from '../../lib/labels';
import { JobStageEditor } from './JobStageEditor';
import { JobStatusActions } from './JobStatusActions';

function useCanManageJobs(): boolean {
  const { permissions } = usePermissions<CandorPermissions>();
  return hasPermission(permissions, 'jobs.manage');
}

export function BoardButton({
  jobId,
  variant = 'outlined',
}: {
  jobId: string;
  variant?: 'outlined' | 'contained';
}) {
  return (
    <Button
      component={RouterLink}
      to={`/jobs/${jobId}/board`}
      label="Open board"
      variant={variant}
      size="small"
    >
      <ViewKanbanOutlinedIcon />
    </Button>
  );
}

function JobShowActions() {
  const job = useRecordContext<TJob>();
  const canManage = useCanManageJobs();
  if (!job) return null;
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      <BoardButton jobId={job.id} />
      {canManage && <JobStatusActions job={job} />}
      {canManage && job.status !== 'archived' && <EditButton variant="outlined" />}
    </TopToolbar>
  );
}

function JobTitle() {
  const job = useRecordContext<TJob>();
  return <span>{job ? job.title : 'Job'}</span>;
}

function JobHeader() {
  const job = useRecordContext<TJob>();
  if (!job) return null;
  const since =
    job.status === 'open' && job.openedAt
      ? `Opened ${ageLabel(job.openedAt)}`
      : `${job.status === 'draft' ? 'Created' : 'Status changed'} ${ageLabel(job.status === 'draft' ? job.createdAt : job.statusChangedAt)}`;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h5" component="h1">
          {job.title}
        </Typography>
        <JobStatusChip status={job.status} />
      </Stack>
      <Typography variant="body1" color="text.secondary" sx={{ mt: 0.5 }}>
        {job.department} · {locationLabel(job)} · {EMPLOYMENT_TYPE_LABELS[job.employmentType]}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {since}
        {job.statusChangedBy && job.status !== 'draft' ? ` by ${job.statusChangedBy.name}` : ''} ·{' '}
        {job.applicationCounts.active} active of {job.applicationCounts.total} applications
      </Typography>
    </Box>
  );
}

function Overview() {
  const job = useRecordContext<TJob>();
  if (!job) return null;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 4,
        gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(260px, 1fr)' },
      }}
    >
      <Box component="section" aria-labelledby="job-description-heading">
        <Typography id="job-description-heading" variant="h6" component="h2" gutterBottom>
          Description
        </Typography>
        <Markdown source={job.descriptionMd} />
      </Box>
      <Stack spacing={3}>
        <Box component="section">
          <Typography variant="h6" component="h2" gutterBottom>
            Salary
          </Typography>
          <Typography>{salaryLabel(job.salary)}</Typography>
        </Box>
        <Box component="section">
          <Typography variant="h6" component="h2">
            Hiring team
          </Typography>
          {job.hiringTeam.length === 0 ? (
            <Typography color="text.secondary">Nobody yet.</Typography>
          ) : (
            <List dense disablePadding>
              {job.hiringTeam.map((member) => (
                <ListItem key={member.userId} disableGutters>
                  <ListItemText
                    primary={member.name}
                    secondary={`${HIRING_TEAM_ROLE_LABELS[member.role]} · ${member.email}`}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Box>
        <Box component="section">
          <Typography variant="h6" component="h2">
            Application questions
          </Typography>
          {job.questions.length === 0 ? (
            <Typography color="text.secondary">None: applicants only send their details.</Typography>
          ) : (
            <List dense disablePadding>
              {job.questions.map((question) => (
                <ListItem key={question.id} disableGutters>
                  <ListItemText
                    primary={question.label}
                    secondary={[
                      QUESTION_KIND_LABELS[question.kind],
                      question.required ? 'required' : 'optional',
                      question.knockoutAnswer ? `knockout: "${question.knockoutAnswer}"` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItem>
              ))}
            </List>
          )}
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {job.profileSections.length === 0
              ? 'No profile sections asked for: the resume is enough.'
              : `Also asks for (optional): ${job.profileSections.map((s) => PROFILE_SECTION_LABELS[s]).join(', ')}.`}
          </Typography>
        </Box>
        <Box component="section">
          <Typography variant="h6" component="h2">
            Scorecard
          </Typography>
          {job.criteria.length === 0 ? (
            <Typography color="text.secondary">No criteria yet.</Typography>
          ) : (
            <Stack direction="row" sx={{ flexWrap: 'wrap', mt: 1 }} useFlexGap spacing={1}>
              {job.criteria.map((criterion) => (
                <Chip
                  key={criterion.id}
                  label={criterion.name}
                  title={criterion.description}
                  variant="outlined"
                />
              ))}
            </Stack>
          )}
        </Box>
      </Stack>
    </Box>
  );
}

function Pipeline() {
  const job = useRecordContext<TJob>();
  const canManage = useCanManageJobs();
  // Keyed by the stages, so a saved pipeline (or a refresh) restarts the editor from the server's version.
  return job ? (
    <JobStageEditor key={job.stages.map((s) => s.id).join()} job={job} canManage={canManage} />
  ) : null;
}

const JobAssessments = lazyView(() => import('../assessments/JobAssessments'), 'JobAssessments');

function Assessments() {
  const job = useRecordContext<TJob>();
  const canManage = useCanManageJobs();
  return job ? (
    <Suspense fallback={<LoadingBlock label="Loading assessments" height={120} />}>
      <JobAssessments jobId={job.id} canManage={canManage} />
    </Suspense>
  ) : null;
}

function JobApplications() {
  const job = useRecordContext<TJob>();
  if (!job) return null;
  return (
    <ReferenceManyField
      reference="applications"
      target="jobId"
      sort={{ field: 'appliedAt', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination />}
      empty={
        <EmptyState
          title="No applications yet"
          hint={
            job.status === 'open'
              ? 'Applications from the careers site appear here.'
              : 'Publish the job to receive applications.'
          }
        />
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<TApplicationListItem>
          label="Candidate"
          sortable={false}
          render={(application) => candidateLabel(application.candidate)}
        />
        <TextField source="stage.name" label="Stage" sortable={false} />
        <ApplicationStatusField label="Status" sortable={false} />
        <DateField source="appliedAt" label="Applied" />
        <DateField source="lastActivityAt" label="Last activity" />
      </Datagrid>
    </ReferenceManyField>
  );
}

export function JobShow() {
  return (
    <DetailPage
      what="job"
      listPath="/jobs"
      listLabel="Back to jobs"
      title={<JobTitle />}
      actions={<JobShowActions />}
    >
      <JobHeader />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Overview">
          <Overview />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Pipeline" path="pipeline">
          <Pipeline />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Applications" path="applications">
          <JobApplications />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Assessments" path="assessments">
          <Assessments />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </DetailPage>
  );
}
