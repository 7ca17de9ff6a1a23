import type { TPermission } from '@candor/schemas';
import { ROLE_LABELS } from '@candor/schemas/labels';
import AddIcon from '@mui/icons-material/Add';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import HistoryIcon from '@mui/icons-material/History';
import PeopleIcon from '@mui/icons-material/People';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import WorkOutlineIcon from '@mui/icons-material/WorkOutlineOutlined';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { Button, Loading, usePermissions } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { type CandorPermissions, hasPermission } from '../access';
import { PageTitle } from '../layout/PageTitle';
import { useMe } from '../providers/authProvider';
import { RequestCountsCard } from '../resources/privacyRequests/RequestCountsCard';

type Shortcut = { label: string; to: string; icon: ReactElement; permission: TPermission };

const SHORTCUTS: Shortcut[] = [
  { label: 'Jobs', to: '/jobs', icon: <WorkOutlineIcon />, permission: 'jobs.read' },
  { label: 'New job', to: '/jobs/create', icon: <AddIcon />, permission: 'jobs.manage' },
  { label: 'Candidates', to: '/candidates', icon: <PeopleAltOutlinedIcon />, permission: 'candidates.read' },
  {
    label: 'Add candidate',
    to: '/candidates/create',
    icon: <PersonAddIcon />,
    permission: 'candidates.manage',
  },
  {
    label: 'Applications',
    to: '/applications',
    icon: <AssignmentIndOutlinedIcon />,
    permission: 'applications.read',
  },
  { label: 'Users', to: '/users', icon: <PeopleIcon />, permission: 'users.read' },
  { label: 'Invite user', to: '/users/create', icon: <PersonAddIcon />, permission: 'users.manage' },
  { label: 'Audit log', to: '/audit', icon: <HistoryIcon />, permission: 'audit.read' },
  { label: 'Settings', to: '/settings', icon: <SettingsOutlinedIcon />, permission: 'settings.manage' },
];

export function Dashboard() {
  const { me, isPending } = useMe();
  const { permissions } = usePermissions<CandorPermissions>();
  if (isPending || !me) return <Loading />;

  const shortcuts = SHORTCUTS.filter((shortcut) => hasPermission(permissions, shortcut.permission));
  return (
    <Card sx={{ mt: 2 }}>
      <PageTitle title="Dashboard" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Welcome, {me.name}
        </Typography>
        <Typography variant="body1">
          You are signed in to <strong>{me.tenant.name}</strong> as {ROLE_LABELS[me.role]}.
        </Typography>
        {shortcuts.length > 0 ? (
          <nav aria-label="Shortcuts">
            <Stack direction="row" spacing={2} sx={{ mt: 3, flexWrap: 'wrap' }} useFlexGap>
              {shortcuts.map((shortcut) => (
                <Button
                  key={shortcut.to}
                  component={RouterLink}
                  to={shortcut.to}
                  label={shortcut.label}
                  variant="outlined"
                >
                  {shortcut.icon}
                </Button>
              ))}
            </Stack>
          </nav>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
            Nothing in the backoffice is open to your role yet; ask an owner or admin for access.
          </Typography>
        )}
        {hasPermission(permissions, 'requests.manage') && <RequestCountsCard />}
      </CardContent>
    </Card>
  );
}
