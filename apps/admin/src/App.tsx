import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { type CandorPermissions, hasPermission } from './access';
import { AppLayout } from './layout/AppLayout';
import { Dashboard } from './pages/Dashboard';
import { LoginPage } from './pages/LoginPage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { authProvider } from './providers/authProvider';
import { queryClient } from './queryClient';
import { dataProvider } from './providers/dataProvider';
import { audit } from './resources/audit';
import { users } from './resources/users';
import { theme } from './theme';

export function App() {
  return (
    <Admin
      // react-admin's telemetry call fails on closed networks and reports usage we do not want to send.
      disableTelemetry
      requireAuth
      title="Candor"
      authProvider={authProvider}
      queryClient={queryClient}
      dataProvider={dataProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      layout={AppLayout}
      theme={theme}
    >
      {/* Outside the permissions function: reachable signed out, from the invitation email. */}
      <CustomRoutes noLayout>
        <Route path="/set-password" element={<SetPasswordPage />} />
      </CustomRoutes>
      {(permissions: CandorPermissions) => (
        <>
          {hasPermission(permissions, 'users.read') && <Resource name="users" {...users} />}
          {hasPermission(permissions, 'audit.read') && <Resource name="audit" {...audit} />}
        </>
      )}
    </Admin>
  );
}
