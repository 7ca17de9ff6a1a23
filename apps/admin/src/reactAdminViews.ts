/**
 * react-admin's own views that Candor keeps but rarely shows (not found,
 * error, access denied, the notification snackbar...). CandorAdmin loads
 * this module when one of them is first needed: importing them up front, as
 * <Admin> does, puts react-admin's whole default layout and login form in the
 * sign-in page's download (issue 16's first-load budget).
 */
export {
  AccessDenied,
  AuthCallback,
  AuthenticationError,
  Error as ErrorPage,
  NotFound,
  Notification,
} from 'react-admin';
