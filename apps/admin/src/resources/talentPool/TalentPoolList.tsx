import type { TTalentPoolMember } from '@candor/schemas';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  TopToolbar,
  useListContext,
  useRecordContext,
} from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveDatagrid } from '../../components/ResponsiveDatagrid';
import { plural } from '../../lib/plural';
import { AddFromPoolDialog } from './AddFromPoolDialog';
import { JobAlertDialog } from './JobAlertDialog';

const poolFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  // Clear of the search box: MUI pulls a switch's label 11 px to the left, onto the field before it.
  <BooleanInput key="jobAlerts" source="jobAlerts" label="Want job alerts" alwaysOn sx={{ ml: 1 }} />,
];

// `label` and `sortable` are read by <Datagrid> for the column header.
function MemberField(_props: { label?: string; sortable?: boolean; source?: string }) {
  const member = useRecordContext<TTalentPoolMember>();
  if (!member) return null;
  return (
    <Box>
      <Typography
        component={RouterLink}
        to={`/candidates/${member.id}/show`}
        variant="body2"
        sx={{ fontWeight: 600, color: 'inherit' }}
      >
        {member.name}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {member.email}
      </Typography>
    </Box>
  );
}

function JobAlertsField(_props: { label?: string; sortable?: boolean }) {
  const member = useRecordContext<TTalentPoolMember>();
  if (!member) return null;
  return member.jobAlerts ? (
    <Chip size="small" color="success" variant="outlined" label="Job alerts" />
  ) : (
    <Typography variant="body2" color="text.secondary">
      No
    </Typography>
  );
}

/** A member on a phone-wide screen: who, their last job and whether they want job alerts. */
function MemberCard() {
  const member = useRecordContext<TTalentPoolMember>();
  if (!member) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <MemberField />
      <Typography variant="body2" color="text.secondary">
        {member.latestJobTitle ?? 'No application'} · joined <DateField source="joinedAt" />
      </Typography>
      {/* Without the table's column header, a bare "No" would not say what it answers. */}
      {member.jobAlerts ? (
        <JobAlertsField />
      ) : (
        <Typography variant="body2" color="text.secondary">
          No job alerts
        </Typography>
      )}
    </Stack>
  );
}

function SendJobAlertButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="Send a job alert" onClick={() => setOpen(true)}>
        <CampaignOutlinedIcon />
      </Button>
      <JobAlertDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function AddToJobButton() {
  const { selectedIds } = useListContext();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        label={`Add ${plural(selectedIds.length, 'person', 'people')} to a job`}
        onClick={() => setOpen(true)}
      >
        <PlaylistAddIcon />
      </Button>
      <AddFromPoolDialog open={open} onClose={() => setOpen(false)} candidateIds={selectedIds.map(String)} />
    </>
  );
}

function EmptyPool() {
  return (
    <EmptyState
      title="Nobody is in the talent pool yet"
      hint="Applicants who tick “keep my profile for future roles” on the apply form join it; they stay as long as the retention policy lets their consent last."
    />
  );
}

/**
 * Candidates who asked to be kept for future roles. Only live consents are
 * listed: withdrawn, ended (past the retention policy's term), restricted
 * or erased people are not, so nobody is contacted on a consent that is gone.
 */
export function TalentPoolList() {
  return (
    <>
      <PageHeading aboveList>Talent pool</PageHeading>
      <List
        title="Talent pool"
        sort={{ field: 'joinedAt', order: 'DESC' }}
        filters={poolFilters}
        actions={
          <TopToolbar>
            <SendJobAlertButton />
          </TopToolbar>
        }
        empty={<EmptyPool />}
        // People's data stays in the app: no CSV export.
        exporter={false}
      >
        {/* On a phone: cards, each linking to the candidate (no selection there: adding to a job is a desk task). */}
        <ResponsiveDatagrid card={<MemberCard />} linkType={false}>
          <Datagrid rowClick={false} bulkActionButtons={<AddToJobButton />}>
            <MemberField source="name" label="Candidate" />
            <FunctionField<TTalentPoolMember>
              label="Last applied to"
              sortable={false}
              render={(member) => member.latestJobTitle ?? '—'}
            />
            <DateField source="joinedAt" label="Joined" />
            <FunctionField<TTalentPoolMember>
              label="Consent ends"
              sortable={false}
              render={(member) =>
                member.endsOn
                  ? new Date(`${member.endsOn}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC' })
                  : 'When withdrawn'
              }
            />
            <JobAlertsField label="Job alerts" sortable={false} />
          </Datagrid>
        </ResponsiveDatagrid>
      </List>
    </>
  );
}
