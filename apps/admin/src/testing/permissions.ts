import type { TMe } from '@candor/schemas';
import type { CandorPermissions } from '../access';

/** What `usePermissions` gives a page for this member. */
export function permissionsOf(me: TMe): CandorPermissions {
  return { role: me.role, permissions: me.permissions };
}
