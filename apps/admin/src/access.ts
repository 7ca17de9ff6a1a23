import type { TPermission, TRole } from '@candor/schemas';

/** What `authProvider.getPermissions` resolves to, and what `<Admin>` children receive. */
/** `role` is undefined when nobody is signed in (public pages such as set-password still render). */
export type CandorPermissions = { role: TRole | undefined; permissions: readonly string[] };

export function hasPermission(granted: CandorPermissions | undefined, permission: TPermission): boolean {
  return granted?.permissions.includes(permission) ?? false;
}

type ResourceAccess = { read: TPermission; manage?: TPermission };

/**
 * Which permission opens which resource. The menu, the resource registration
 * and `canAccess` all read this table, so they cannot disagree. The order is
 * the menu's order.
 */
export const RESOURCE_ACCESS = {
  jobs: { read: 'jobs.read', manage: 'jobs.manage' },
  candidates: { read: 'candidates.read', manage: 'candidates.manage' },
  // Recruiters' only: the pool spans every job, and hiring managers see only theirs.
  'talent-pool': { read: 'candidates.manage' },
  applications: { read: 'applications.read', manage: 'applications.manage' },
  outbox: { read: 'outbox.read' },
  users: { read: 'users.read', manage: 'users.manage' },
  audit: { read: 'audit.read' },
  'privacy-requests': { read: 'requests.manage', manage: 'requests.manage' },
} as const satisfies Record<string, ResourceAccess>;

export type ResourceName = keyof typeof RESOURCE_ACCESS;

export const RESOURCE_NAMES = Object.keys(RESOURCE_ACCESS) as ResourceName[];

/** Pages that are no resource, each behind one permission; listed in the menu after the resources. */
export const PAGE_ACCESS = {
  settings: 'settings.manage',
  privacy: 'settings.manage',
  branding: 'settings.manage',
  diversity: 'diversity.manage',
  reports: 'reports.read',
  security: 'sso.manage',
  search: 'candidates.read',
} as const satisfies Record<string, TPermission>;

function isResourceName(name: string): name is ResourceName {
  return Object.hasOwn(RESOURCE_ACCESS, name);
}

const READ_ACTIONS = new Set(['list', 'show', 'export']);
const MANAGE_ACTIONS = new Set(['create', 'edit']);

/** react-admin asks per resource and action; nothing can be deleted from the backoffice. */
export function permissionFor(resource: string, action: string): TPermission | undefined {
  if (!isResourceName(resource)) return undefined;
  const access: ResourceAccess = RESOURCE_ACCESS[resource];
  if (READ_ACTIONS.has(action)) return access.read;
  if (MANAGE_ACTIONS.has(action)) return access.manage;
  return undefined;
}
