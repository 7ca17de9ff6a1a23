import PersonAddIcon from '@mui/icons-material/PersonAdd';
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
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { type CandorPermissions, hasPermission } from '../../access';
import { PageHeading } from '../../components/PageHeading';
import { PersonAvatar } from '../../components/PersonAvatar';
import { ResponsiveDatagrid } from '../../components/ResponsiveDatagrid';
import { ROLE_CHOICES, STATUS_CHOICES } from './choices';
import { RoleChip, SecondFactorField, StatusChip } from './UserChips';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="role" source="role" label="Role" choices={ROLE_CHOICES} />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} />,
];

function UserListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton label="Invite user" icon={<PersonAddIcon />} />
    </TopToolbar>
  );
}

function NoUsersYet() {
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" component="p" gutterBottom>
        No users yet
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        Invite your colleagues; they get an email to choose their password.
      </Typography>
      <CreateButton label="Invite user" icon={<PersonAddIcon />} variant="contained" />
    </Box>
  );
}

// `label` and `source` are read by <Datagrid> for the column header and sorting.
function UserNameField(_props: { source: string; label: string }) {
  const user = useRecordContext<{ name: string }>();
  if (!user) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <PersonAvatar name={user.name} />
      <span>{user.name}</span>
    </Stack>
  );
}

/** A user on a phone: name, email, role and status. */
function UserCard() {
  return (
    <Stack spacing={0.5}>
      <TextField source="name" sx={{ fontWeight: 600, display: 'block' }} />
      <TextField source="email" variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }} />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <RoleChip source="role" />
        <StatusChip source="status" />
      </Stack>
    </Stack>
  );
}

export function UserList() {
  const { permissions } = usePermissions<CandorPermissions>();
  const canManage = hasPermission(permissions, 'users.manage');
  return (
    <>
      <PageHeading aboveList>Users</PageHeading>
      <List
        title="Users"
        sort={{ field: 'createdAt', order: 'DESC' }}
        filters={userFilters}
        actions={<UserListActions />}
        empty={<NoUsersYet />}
        // People's data stays in the app: no CSV export.
        exporter={false}
      >
        <ResponsiveDatagrid card={<UserCard />} linkType={canManage ? 'edit' : false}>
          <Datagrid rowClick={canManage ? 'edit' : false} bulkActionButtons={false}>
            <UserNameField source="name" label="Name" />
            <TextField source="email" label="Email" />
            <RoleChip source="role" label="Role" />
            <StatusChip source="status" label="Status" />
            <DateField
              source="lastSignInAt"
              label="Last sign-in"
              showTime
              emptyText="Never"
              sortable={false}
            />
            <SecondFactorField label="Second factor" />
            <DateField source="createdAt" label="Created" showTime />
          </Datagrid>
        </ResponsiveDatagrid>
      </List>
    </>
  );
}
