import type { TJobListItem } from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import { Box, Stack, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveDatagrid } from '../../components/ResponsiveDatagrid';
import { JobStatusField } from '../../components/StatusChips';
import { JOB_STATUS_CHOICES, locationLabel } from '../../lib/labels';
import { DepartmentInput } from './DepartmentInput';

const jobFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search job titles" />,
  <SelectInput key="status" source="status" label="Status" choices={JOB_STATUS_CHOICES} alwaysOn />,
  <DepartmentInput key="department" source="department" label="Department" />,
];

function JobListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton label="New job" icon={<AddIcon />} />
    </TopToolbar>
  );
}

// `label` and `sortable` are read by <Datagrid> for the column header.
function LocationField(_props: { label?: string; sortable?: boolean }) {
  const job = useRecordContext<TJobListItem>();
  return job ? <span>{locationLabel(job)}</span> : null;
}

function ApplicationsField(_props: { label?: string; sortable?: boolean }) {
  const job = useRecordContext<TJobListItem>();
  if (!job) return null;
  const { active, total } = job.applicationCounts;
  return (
    <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      <strong>{active}</strong> active{' '}
      <Typography component="span" variant="body2" color="text.secondary">
        / {total} total
      </Typography>
    </Box>
  );
}

function NoJobsYet() {
  return (
    <EmptyState
      title="No jobs yet"
      hint="Create a job, add its hiring team and publish it to the careers site."
      action={<CreateButton label="New job" icon={<AddIcon />} variant="contained" />}
    />
  );
}

/** A job on a phone: title, where, status and applications. */
function JobCard() {
  const job = useRecordContext<TJobListItem>();
  if (!job) return null;
  return (
    <Stack spacing={0.5}>
      <Typography sx={{ fontWeight: 600 }}>{job.title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {job.department} · {locationLabel(job)}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <JobStatusField source="status" />
        <ApplicationsField />
      </Stack>
    </Stack>
  );
}

export function JobList() {
  return (
    <>
      <PageHeading aboveList>Jobs</PageHeading>
      <List
        title="Jobs"
        sort={{ field: 'createdAt', order: 'DESC' }}
        filters={jobFilters}
        actions={<JobListActions />}
        empty={<NoJobsYet />}
        exporter={false}
      >
        <ResponsiveDatagrid card={<JobCard />} linkType="show">
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="title" label="Title" sx={{ fontWeight: 600 }} />
            <TextField source="department" label="Department" />
            <LocationField label="Location" sortable={false} />
            <JobStatusField source="status" label="Status" />
            <ApplicationsField label="Applications" sortable={false} />
            <DateField source="createdAt" label="Created" />
          </Datagrid>
        </ResponsiveDatagrid>
      </List>
    </>
  );
}
