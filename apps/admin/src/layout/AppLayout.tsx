import { Box } from '@mui/material';
import { type ErrorInfo, type ReactNode, Suspense, useState } from 'react';
import { Loading, Sidebar, SkipNavigationButton } from 'react-admin';
import { ErrorBoundary } from 'react-error-boundary';
import { UnsavedChangesGuard } from '../components/UnsavedChanges';
import { lazyView } from '../lazyView';
import { SecondFactorGate } from '../pages/security/SecondFactorGate';
import { CandorAppBar } from './CandorAppBar';
import { RoleMenu } from './RoleMenu';

// react-admin's error page, fetched if a page fails.
const ErrorPage = lazyView(() => import('../reactAdminViews'), 'ErrorPage');

/**
 * react-admin's <Layout> (app bar, sidebar menu, content with its error
 * boundary and Suspense), put together from the same parts with the same
 * class names and styles. Not <Layout> itself: it imports its default menu
 * (with an English inflection library) and its error page (with MUI's text
 * field and select) even when given others, which every signed-in page would
 * download (issue 16's first-load budget). Nor its preferences inspector:
 * nothing in Candor opens it (no InspectorButton).
 *
 * react-admin sizes the layout to its widest content (min-width:
 * fit-content); the pipeline board is wider than any screen and scrolls
 * sideways on its own, so the layout must not grow: min-width 0 throughout.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const [errorInfo, setErrorInfo] = useState<ErrorInfo>();
  return (
    <Box
      className="layout RaLayout-root"
      sx={(theme) => ({
        display: 'flex',
        flexDirection: 'column',
        zIndex: 1,
        minHeight: '100vh',
        backgroundColor: theme.palette.background.default,
        position: 'relative',
        minWidth: 0,
        width: '100%',
        '& .RaLayout-appFrame': {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          minWidth: 0,
          marginTop: theme.spacing(6),
          [theme.breakpoints.down('sm')]: { marginTop: theme.spacing(7) },
        },
        '& .RaLayout-contentWithSidebar': {
          display: 'flex',
          flexGrow: 1,
          minWidth: 0,
          transition: theme.transitions.create('margin', {
            easing: theme.transitions.easing.easeOut,
            duration: theme.transitions.duration.enteringScreen,
          }),
        },
        '& .RaLayout-content': {
          backgroundColor: theme.palette.background.default,
          zIndex: 2,
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          flexBasis: 0,
          minWidth: 0,
          padding: 0,
          [theme.breakpoints.up('xs')]: { paddingRight: theme.spacing(1), paddingLeft: theme.spacing(1) },
        },
      })}
    >
      <SkipNavigationButton />
      <UnsavedChangesGuard />
      <div className="RaLayout-appFrame">
        <CandorAppBar />
        <main className="RaLayout-contentWithSidebar">
          <Sidebar>
            <RoleMenu />
          </Sidebar>
          <div id="main-content" className="RaLayout-content">
            <ErrorBoundary
              onError={(_error, info) => setErrorInfo(info)}
              fallbackRender={({ error, resetErrorBoundary }) => (
                <Suspense fallback={null}>
                  <ErrorPage error={error} errorInfo={errorInfo} resetErrorBoundary={resetErrorBoundary} />
                </Suspense>
              )}
            >
              <Suspense fallback={<Loading />}>
                <SecondFactorGate>{children}</SecondFactorGate>
              </Suspense>
            </ErrorBoundary>
          </div>
        </main>
      </div>
    </Box>
  );
}
