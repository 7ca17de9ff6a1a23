import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import {
  type CandorPermissions,
  hasPermission,
  PAGE_ACCESS,
  RESOURCE_ACCESS,
  RESOURCE_NAMES,
} from './access';
import { AppLayout } from './layout/AppLayout';
import { AccountPage } from './pages/account/AccountPage';
import { Dashboard } from './pages/Dashboard';
import { LoginPage } from './pages/LoginPage';
import { BrandingPage } from './pages/branding/BrandingPage';
import { PrivacyPage } from './pages/privacy/PrivacyPage';
import { DiversityPage } from './pages/diversity/DiversityPage';
import { RetentionPage } from './pages/retention/RetentionPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { SecurityPage } from './pages/security/SecurityPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { queryClient } from './queryClient';
import { RESOURCES } from './resources';
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
      {/* Outside the permissions function: reachable signed out, from the sign-in page and emailed links. */}
      <CustomRoutes noLayout>
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
      </CustomRoutes>
      {(permissions: CandorPermissions) => (
        <>
          {/* Every signed-in user's own account (sessions): no permission needed. */}
          <CustomRoutes>
            <Route path="/account" element={<AccountPage />} />
          </CustomRoutes>
          {RESOURCE_NAMES.filter((name) => hasPermission(permissions, RESOURCE_ACCESS[name].read)).map(
            (name) => (
              <Resource key={name} name={name} {...RESOURCES[name]} />
            ),
          )}
          {hasPermission(permissions, PAGE_ACCESS.settings) && (
            <CustomRoutes>
              <Route path="/settings" element={<SettingsPage />} />
            </CustomRoutes>
          )}
          {hasPermission(permissions, PAGE_ACCESS.privacy) && (
            <CustomRoutes>
              <Route path="/privacy" element={<PrivacyPage />} />
            </CustomRoutes>
          )}
          {/* Retention belongs to the privacy settings: same permission. */}
          {hasPermission(permissions, PAGE_ACCESS.privacy) && (
            <CustomRoutes>
              <Route path="/retention" element={<RetentionPage />} />
            </CustomRoutes>
          )}
          {hasPermission(permissions, PAGE_ACCESS.diversity) && (
            <CustomRoutes>
              <Route path="/diversity" element={<DiversityPage />} />
            </CustomRoutes>
          )}
          {hasPermission(permissions, PAGE_ACCESS.security) && (
            <CustomRoutes>
              <Route path="/security" element={<SecurityPage />} />
            </CustomRoutes>
          )}
          {hasPermission(permissions, PAGE_ACCESS.branding) && (
            <CustomRoutes>
              <Route path="/branding" element={<BrandingPage />} />
            </CustomRoutes>
          )}
        </>
      )}
    </Admin>
  );
}
