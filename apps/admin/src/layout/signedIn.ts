/**
 * What a signed-in visit needs before its page: the layout (menu, app bar,
 * second-factor gate) and the dashboard, in one chunk that loads after
 * signing in. One chunk rather than two: the libraries they share would
 * otherwise be split into more, smaller files that compress worse (issue
 * 16's first-load budget); the dashboard is a few KB for deep links to pay.
 */
export { Dashboard } from '../pages/Dashboard';
export { AppLayout } from './AppLayout';
