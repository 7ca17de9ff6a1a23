import type { TCandidateListItem } from '@candor/schemas';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveDatagrid } from '../../components/ResponsiveDatagrid';
import { SOURCE_CHOICES } from '../../lib/labels';
import { RestrictedChip } from './Restriction';
import { NotToldChip, SendNoticeToListedButton } from './SourcedNotice';
import { SourceField } from './SourceField';

const candidateFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="source" source="source" label="Source" choices={SOURCE_CHOICES} />,
  <BooleanInput
    key="possibleDuplicates"
    source="possibleDuplicates"
    label="Possible duplicates only"
    defaultValue
  />,
  <BooleanInput
    key="notTold"
    source="notTold"
    label="Not yet told where their data came from"
    defaultValue
  />,
];

function CandidateListActions() {
  return (
    <TopToolbar>
      <SendNoticeToListedButton />
      <FilterButton />
      <CreateButton label="Add candidate" icon={<PersonAddIcon />} />
    </TopToolbar>
  );
}

/** A candidate on a phone: name, email, applications and last activity. */
function CandidateCard() {
  const candidate = useRecordContext<TCandidateListItem>();
  if (!candidate) return null;
  return (
    <Stack spacing={0.5}>
      <NameField />
      <Typography variant="body2" color="text.secondary">
        {candidate.applicationCount} application{candidate.applicationCount === 1 ? '' : 's'} · last activity{' '}
        <DateField source="lastActivityAt" />
      </Typography>
    </Stack>
  );
}

export function DuplicateBadge() {
  return <Chip size="small" color="warning" variant="outlined" label="Possible duplicate" />;
}

// `label` and `sortable` are read by <Datagrid> for the column header.
function NameField(_props: { label?: string; sortable?: boolean; source?: string }) {
  const candidate = useRecordContext<TCandidateListItem>();
  if (!candidate) return null;
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {candidate.name}
        </Typography>
        {candidate.hasPossibleDuplicates && <DuplicateBadge />}
        {candidate.restrictedAt && <RestrictedChip restrictedAt={candidate.restrictedAt} />}
        <NotToldChip notice={candidate.sourcedNotice} />
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {candidate.email}
      </Typography>
    </Box>
  );
}

function NoCandidatesYet() {
  return (
    <EmptyState
      title="No candidates yet"
      hint="People who apply on the careers site appear here; add people you source yourself."
      action={<CreateButton label="Add candidate" icon={<PersonAddIcon />} variant="contained" />}
    />
  );
}

export function CandidateList() {
  return (
    <>
      <PageHeading aboveList>Candidates</PageHeading>
      <List
        title="Candidates"
        sort={{ field: 'lastActivityAt', order: 'DESC' }}
        filters={candidateFilters}
        actions={<CandidateListActions />}
        empty={<NoCandidatesYet />}
        // People's data stays in the app: no CSV export.
        exporter={false}
      >
        <ResponsiveDatagrid card={<CandidateCard />} linkType="show">
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <NameField source="name" label="Candidate" />
            <SourceField label="Source" sortable={false} />
            <NumberField source="applicationCount" label="Applications" sortable={false} />
            <DateField source="lastActivityAt" label="Last activity" />
            <DateField source="createdAt" label="Added" />
          </Datagrid>
        </ResponsiveDatagrid>
      </List>
    </>
  );
}
