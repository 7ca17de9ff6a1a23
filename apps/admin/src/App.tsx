import { type ReactNode, Suspense } from 'react';
import { CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router';
import {
  type CandorPermissions,
  hasPermission,
  PAGE_ACCESS,
  RESOURCE_ACCESS,
  RESOURCE_NAMES,
} from './access';
import { CandorAdmin } from './CandorAdmin';
import { lazyView } from './lazyView';
import { LoginPage } from './pages/LoginPage';
import { authProvider } from './providers/authProvider';
import { lazyDataProvider } from './providers/lazyDataProvider';
import { queryClient } from './queryClient';
import { RESOURCES } from './resources';
import { theme } from './theme';

// Only the sign-in page loads up front; the layout and the dashboard load together once signed in
// (layout/signedIn), every page below when first opened.
const AppLayout = lazyView(() => import('./layout/signedIn'), 'AppLayout');
const Dashboard = lazyView(() => import('./layout/signedIn'), 'Dashboard');
const SearchPage = lazyView(() => import('./pages/search/SearchPage'), 'SearchPage');
const AccountPage = lazyView(() => import('./pages/account/AccountPage'), 'AccountPage');
const NotificationsPage = lazyView(
  () => import('./pages/notifications/NotificationsPage'),
  'NotificationsPage',
);
const BrandingPage = lazyView(() => import('./pages/branding/BrandingPage'), 'BrandingPage');
const PrivacyPage = lazyView(() => import('./pages/privacy/PrivacyPage'), 'PrivacyPage');
const DiversityPage = lazyView(() => import('./pages/diversity/DiversityPage'), 'DiversityPage');
const ReportsPage = lazyView(() => import('./pages/reports/ReportsPage'), 'ReportsPage');
const RetentionPage = lazyView(() => import('./pages/retention/RetentionPage'), 'RetentionPage');
const ForgotPasswordPage = lazyView(() => import('./pages/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyView(() => import('./pages/ResetPasswordPage'), 'ResetPasswordPage');
const SetPasswordPage = lazyView(() => import('./pages/SetPasswordPage'), 'SetPasswordPage');
const SecurityPage = lazyView(() => import('./pages/security/SecurityPage'), 'SecurityPage');
const SettingsPage = lazyView(() => import('./pages/settings/SettingsPage'), 'SettingsPage');

/** The menu, app bar and second-factor gate load after signing in, not with the sign-in page. */
function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Loading />}>
      <AppLayout>{children}</AppLayout>
    </Suspense>
  );
}

/** The signed-out pages have no Layout, so no Layout Suspense: they get their own, with the same spinner. */
function SignedOut({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function App() {
  return (
    <CandorAdmin
      title="Candor"
      authProvider={authProvider}
      queryClient={queryClient}
      dataProvider={lazyDataProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      layout={SignedInLayout}
      theme={theme}
    >
      {/* Outside the permissions function: reachable signed out, from the sign-in page and emailed links. */}
      <CustomRoutes noLayout>
        <Route
          path="/set-password"
          element={
            <SignedOut>
              <SetPasswordPage />
            </SignedOut>
          }
        />
        <Route
          path="/forgot-password"
          element={
            <SignedOut>
              <ForgotPasswordPage />
            </SignedOut>
          }
        />
        <Route
          path="/reset-password"
          element={
            <SignedOut>
              <ResetPasswordPage />
            </SignedOut>
          }
        />
      </CustomRoutes>
      {(permissions: CandorPermissions) => (
        <>
          {/* Every signed-in user's own account (sessions): no permission needed. */}
          <CustomRoutes>
            <Route path="/account" element={<AccountPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
          </CustomRoutes>
          {hasPermission(permissions, PAGE_ACCESS.search) && (
            <CustomRoutes>
              <Route path="/search" element={<SearchPage />} />
            </CustomRoutes>
          )}
          {RESOURCE_NAMES.filter((name) => hasPermission(permissions, RESOURCE_ACCESS[name].read)).map(
            (name) => (
              <Resource key={name} name={name} {...RESOURCES[name]} />
            ),
          )}
          {hasPermission(permissions, PAGE_ACCESS.settings) && (
            <CustomRoutes>
              {/* The settings page routes its sub-pages (API keys, webhooks, background jobs) itself. */}
              <Route path="/settings/*" element={<SettingsPage />} />
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
          {hasPermission(permissions, PAGE_ACCESS.reports) && (
            <CustomRoutes>
              <Route path="/reports" element={<ReportsPage />} />
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
    </CandorAdmin>
  );
}
