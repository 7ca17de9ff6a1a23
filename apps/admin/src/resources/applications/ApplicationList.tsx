import { candidateLabel, type TApplicationListItem } from '@candor/schemas';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateField,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { type CandorPermissions, hasPermission } from '../../access';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveDatagrid } from '../../components/ResponsiveDatagrid';
import { ApplicationStatusField } from '../../components/StatusChips';
import { APPLICATION_STATUS_CHOICES, SOURCE_CHOICES } from '../../lib/labels';
import { RestrictedChip } from '../candidates/Restriction';
import { ApplicationBulkActions } from './BulkActions';
import { StageFilterInput } from './StageFilterInput';

const applicationFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search candidate name or email" />,
  <ReferenceInput
    key="jobId"
    source="jobId"
    reference="jobs"
    sort={{ field: 'title', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput
      label="Job"
      optionText="title"
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: 260 }}
    />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Status" choices={APPLICATION_STATUS_CHOICES} alwaysOn />,
  <StageFilterInput key="stageId" source="stageId" label="Stage" />,
  <TextInput key="tag" source="tag" label="Tag" />,
  <SelectInput key="source" source="source" label="Source" choices={SOURCE_CHOICES} />,
  <DateInput key="appliedFrom" source="appliedFrom" label="Applied from" />,
  <DateInput key="appliedTo" source="appliedTo" label="Applied until" />,
];

function ApplicationListActions() {
  return (
    <TopToolbar>
      <FilterButton />
    </TopToolbar>
  );
}

// `label` and `sortable` are read by <Datagrid> for the column header.
function CandidateField(_props: { label?: string; sortable?: boolean }) {
  const application = useRecordContext<TApplicationListItem>();
  if (!application) return null;
  const { candidate } = application;
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {candidateLabel(candidate)}
        </Typography>
        {candidate.restrictedAt && <RestrictedChip restrictedAt={candidate.restrictedAt} />}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {candidate.blind ? 'Blind review: identity hidden' : candidate.email}
      </Typography>
    </Box>
  );
}

function TagsField(_props: { label?: string; sortable?: boolean }) {
  const application = useRecordContext<TApplicationListItem>();
  if (!application || application.tags.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {application.tags.map((tag) => (
        <Chip key={tag} size="small" variant="outlined" label={tag} />
      ))}
    </Stack>
  );
}

function NoApplicationsYet() {
  return (
    <EmptyState
      title="No applications yet"
      hint="Applications arrive from the careers site once a job is published; you can also add candidates to a job yourself."
    />
  );
}

/** An application on a phone: candidate, job, stage and status. */
function ApplicationCard() {
  const application = useRecordContext<TApplicationListItem>();
  if (!application) return null;
  return (
    <Stack spacing={0.5}>
      <CandidateField />
      <Typography variant="body2">
        {application.job.title} · {application.stage.name}
      </Typography>
      <Box>
        <ApplicationStatusField />
      </Box>
    </Stack>
  );
}

export function ApplicationList() {
  const { permissions } = usePermissions<CandorPermissions>();
  const canManage = hasPermission(permissions, 'applications.manage');
  return (
    <>
      <PageHeading aboveList>Applications</PageHeading>
      <List
        title="Applications"
        sort={{ field: 'appliedAt', order: 'DESC' }}
        filters={applicationFilters}
        filterDefaultValues={{ status: 'active' }}
        actions={<ApplicationListActions />}
        empty={<NoApplicationsYet />}
        exporter={false}
      >
        <ResponsiveDatagrid card={<ApplicationCard />} linkType="show">
          <Datagrid rowClick="show" bulkActionButtons={canManage ? <ApplicationBulkActions /> : false}>
            <CandidateField label="Candidate" sortable={false} />
            <TextField source="job.title" label="Job" sortable={false} />
            <TextField source="stage.name" label="Stage" sortable={false} />
            <ApplicationStatusField label="Status" sortable={false} />
            <TagsField label="Tags" sortable={false} />
            <DateField source="appliedAt" label="Applied" />
            <DateField source="lastActivityAt" label="Last activity" />
          </Datagrid>
        </ResponsiveDatagrid>
      </List>
    </>
  );
}
