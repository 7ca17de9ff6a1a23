import { CssBaseline } from '@mui/material';
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentProps, type ReactNode, Suspense, useState } from 'react';
import {
  AdminContext,
  type AdminProps,
  type AuthProvider,
  CoreAdminUI,
  type DataProvider,
  defaultI18nProvider,
  LoadingPage,
  localStorageStore,
  type RaThemeOptions,
  useNotificationContext,
} from 'react-admin';
import { lazyView } from './lazyView';

const load = () => import('./reactAdminViews');
const AccessDenied = lazyView(load, 'AccessDenied');
const AuthCallback = lazyView(load, 'AuthCallback');
const AuthenticationError = lazyView(load, 'AuthenticationError');
const ErrorPage = lazyView(load, 'ErrorPage');
const Notification = lazyView(load, 'Notification');
const NotFound = lazyView(load, 'NotFound');

const store = localStorageStore();

/** A rarely shown view, fetched when it is shown; nothing in its place for the moment that takes. */
function whenShown<P extends object>(View: (props: P) => ReactNode) {
  return (props: P) => (
    <Suspense fallback={null}>
      <View {...props} />
    </Suspense>
  );
}

const LazyAccessDenied = whenShown(AccessDenied);
const LazyAuthCallback = whenShown(AuthCallback);
const LazyAuthenticationError = whenShown(AuthenticationError);
const LazyErrorPage = whenShown(ErrorPage as (props: ComponentProps<typeof ErrorPage>) => ReactNode);
// react-admin's own default, typed for its own props (CoreAdminRoutes renders it without any).
const LazyNotFound = whenShown(NotFound) as AdminProps['catchAll'];

/**
 * The snackbar that shows react-admin's notifications, loaded with the first
 * one. The notifications wait in react-admin's context until it is there, and
 * it stays once loaded.
 */
function NotificationOnDemand() {
  const { notifications } = useNotificationContext();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length > 0) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <Notification />
    </Suspense>
  ) : null;
}

type CandorAdminProps = {
  authProvider: AuthProvider;
  dataProvider: DataProvider;
  queryClient: QueryClient;
  theme: RaThemeOptions;
  title: string;
  loginPage: AdminProps['loginPage'];
  dashboard: AdminProps['dashboard'];
  layout: AdminProps['layout'];
  children: AdminProps['children'];
};

/**
 * react-admin's <Admin>, put together from the same parts (AdminContext,
 * CoreAdminUI, CssBaseline, a notification snackbar) with the same defaults,
 * except that its fallback views load when shown. <Admin> imports its
 * default layout, login form, error and not-found pages whether or not they
 * are used, which made them part of the sign-in page's download.
 */
export function CandorAdmin({
  authProvider,
  dataProvider,
  queryClient,
  theme,
  title,
  loginPage,
  dashboard,
  layout,
  children,
}: CandorAdminProps) {
  return (
    <AdminContext
      authProvider={authProvider}
      dataProvider={dataProvider}
      queryClient={queryClient}
      i18nProvider={defaultI18nProvider}
      store={store}
      theme={theme}
    >
      <CssBaseline enableColorScheme>
        <CoreAdminUI
          // react-admin's telemetry call fails on closed networks and reports usage we do not want to send.
          disableTelemetry
          requireAuth
          title={title}
          loginPage={loginPage}
          dashboard={dashboard}
          layout={layout}
          loading={LoadingPage}
          catchAll={LazyNotFound}
          error={LazyErrorPage}
          accessDenied={LazyAccessDenied}
          authenticationError={LazyAuthenticationError}
          authCallbackPage={LazyAuthCallback}
        >
          {children}
        </CoreAdminUI>
        <NotificationOnDemand />
      </CssBaseline>
    </AdminContext>
  );
}
