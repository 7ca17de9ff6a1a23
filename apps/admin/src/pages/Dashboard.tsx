import { ROLE_LABELS } from '@candor/schemas/labels';
import { Box, Card, CardContent, Skeleton, Typography } from '@mui/material';
import { Suspense } from 'react';
import { Loading, usePermissions } from 'react-admin';
import { type CandorPermissions, hasPermission } from '../access';
import { PageTitle } from '../layout/PageTitle';
import { lazyView } from '../lazyView';
import { useMe } from '../providers/authProvider';

// The panels (and the queries behind them) load after the shell: the first-load budget.
const DashboardPanels = lazyView(() => import('./dashboard/DashboardPanels'), 'DashboardPanels');

/** The signed-in start page: a greeting and "my work" for the caller's role. */
export function Dashboard() {
  const { me, isPending } = useMe();
  const { permissions } = usePermissions<CandorPermissions>();
  if (isPending || !me) return <Loading />;

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
          {!hasPermission(permissions, 'tenant.read') && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
              Nothing in the backoffice is open to your role yet; ask an owner or admin for access.
            </Typography>
          )}
        </CardContent>
      </Card>
      <Suspense fallback={<Skeleton variant="rounded" height={160} sx={{ mt: 3 }} />}>
        <DashboardPanels />
      </Suspense>
    </Box>
  );
}
