import type { TPermission } from '@candor/schemas';
import { ROLE_LABELS } from '@candor/schemas/labels';
import { Box, Card, CardContent, Link, Skeleton, Stack, Typography } from '@mui/material';
import { Suspense } from 'react';
import { Loading, usePermissions } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { type CandorPermissions, hasPermission } from '../access';
import { PageTitle } from '../layout/PageTitle';
import { lazyView } from '../lazyView';
import { useMe } from '../providers/authProvider';

// The panels (and the queries behind them) load after the shell: the first-load budget.
const DashboardPanels = lazyView(() => import('./dashboard/DashboardPanels'), 'DashboardPanels');

type Shortcut = { label: string; to: string; permission: TPermission };

const SHORTCUTS: Shortcut[] = [
  { label: 'Jobs', to: '/jobs', permission: 'jobs.read' },
  { label: 'New job', to: '/jobs/create', permission: 'jobs.manage' },
  { label: 'Candidates', to: '/candidates', permission: 'candidates.read' },
  { label: 'Add candidate', to: '/candidates/create', permission: 'candidates.manage' },
  { label: 'Applications', to: '/applications', permission: 'applications.read' },
  { label: 'Users', to: '/users', permission: 'users.read' },
  { label: 'Invite user', to: '/users/create', permission: 'users.manage' },
  { label: 'Audit log', to: '/audit', permission: 'audit.read' },
  { label: 'Settings', to: '/settings', permission: 'settings.manage' },
];

/** What the panels show while their code and data arrive: cards of the same size. */
function PanelsSkeleton() {
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', mt: 2 }}
    >
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} variant="rounded" height={160} />
      ))}
    </Box>
  );
}

/** The signed-in start page: a greeting, shortcuts, and "my work" for the caller's role. */
export function Dashboard() {
  const { me, isPending } = useMe();
  const { permissions } = usePermissions<CandorPermissions>();
  if (isPending || !me) return <Loading />;

  const shortcuts = SHORTCUTS.filter((shortcut) => hasPermission(permissions, shortcut.permission));
  return (
    <Box sx={{ mt: 2 }}>
      <PageTitle title="Dashboard" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Welcome, {me.name}
          </Typography>
          <Typography variant="body1">
            You are signed in to <strong>{me.tenant.name}</strong> as {ROLE_LABELS[me.role]}.
          </Typography>
          {shortcuts.length > 0 ? (
            <nav aria-label="Shortcuts">
              <Stack direction="row" spacing={2} sx={{ mt: 1.5, flexWrap: 'wrap' }} useFlexGap>
                {shortcuts.map((shortcut) => (
                  <Link key={shortcut.to} component={RouterLink} to={shortcut.to} variant="body2">
                    {shortcut.label}
                  </Link>
                ))}
              </Stack>
            </nav>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
              Nothing in the backoffice is open to your role yet; ask an owner or admin for access.
            </Typography>
          )}
        </CardContent>
      </Card>
      <Suspense fallback={<PanelsSkeleton />}>
        <DashboardPanels />
      </Suspense>
    </Box>
  );
}
