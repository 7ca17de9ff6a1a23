import { z } from 'zod';
import { ROLES } from './labels.js';

export { ROLE_LABELS, ROLES } from './labels.js';
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/**
 * What each role may do. The API's `roleProcedure` and the backoffice menu
 * both read this table, so a role never sees a menu item it cannot use.
 */
export const PERMISSIONS = {
  'users.read': ['owner', 'admin'],
  'users.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'tenant.read': ['owner', 'admin', 'recruiter', 'hiring_manager'],
  'tenant.manage': ['owner', 'admin'],
  // Hiring managers read only jobs (and their applications) whose hiring team they are on.
  'jobs.read': ['owner', 'admin', 'recruiter', 'hiring_manager'],
  'jobs.manage': ['owner', 'admin', 'recruiter'],
  'candidates.read': ['owner', 'admin', 'recruiter', 'hiring_manager'],
  'candidates.manage': ['owner', 'admin', 'recruiter'],
  'applications.read': ['owner', 'admin', 'recruiter', 'hiring_manager'],
  'applications.manage': ['owner', 'admin', 'recruiter'],
  // Moving and rejecting. A hiring manager only where the tenant allows it, on jobs they manage (the service checks).
  'applications.decide': ['owner', 'admin', 'recruiter', 'hiring_manager'],
  'applications.note': ['owner', 'admin', 'recruiter', 'hiring_manager'],
  'interviews.manage': ['owner', 'admin', 'recruiter'],
  // Interviewers submit their own scorecard; the service checks they are on the interview.
  'scorecards.submit': ['owner', 'admin', 'recruiter', 'hiring_manager'],
  'offers.manage': ['owner', 'admin', 'recruiter'],
  'offers.approve': ['owner', 'admin'],
  'settings.manage': ['owner', 'admin'],
  // Webhook subscriptions: where events about candidates go, and with which scopes.
  'webhooks.manage': ['owner', 'admin'],
  'outbox.read': ['owner', 'admin', 'recruiter'],
  // Privacy requests (DSARs): tenant admins answer them; erasure cannot be undone.
  'requests.manage': ['owner', 'admin'],
  'holds.manage': ['owner', 'admin'],
  // The diversity survey's settings and its k-anonymous reports; no role reads one person's answers.
  'diversity.manage': ['owner', 'admin'],
  // Hiring reports (funnel, sources, timings): counts with small groups hidden, no one's identity.
  'reports.read': ['owner', 'admin', 'recruiter'],
  // Who signs in to the organisation and how (single sign-on): the owner's alone.
  'sso.manage': ['owner'],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

/** Roles that see every job of the tenant; the others see only jobs whose hiring team they are on. */
export const SEES_ALL_JOBS: readonly TRole[] = ['owner', 'admin', 'recruiter'];

/**
 * Roles that review blind: in a job's blind-review stages they see
 * applications without the candidate's identity until a recruiter reveals it.
 */
export const REVIEWS_BLIND: readonly TRole[] = ['hiring_manager'];

/** Roles that see every scorecard at once; others only after submitting their own. */
export const SEES_ALL_SCORECARDS: readonly TRole[] = ['owner', 'admin', 'recruiter'];

export function roleCan(role: TRole, permission: TPermission): boolean {
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

/** Only an owner may grant or remove the owner role. */
export function canAssignRole(actor: TRole, target: TRole): boolean {
  if (target === 'owner') return actor === 'owner';
  return actor === 'owner' || actor === 'admin';
}
