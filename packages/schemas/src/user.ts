import { z } from 'zod';
import { ZEmail } from './auth.js';
import { listParams, listResult } from './list.js';
import { ZRole } from './roles.js';
import { ZSecondFactorKind } from './sign-in-rules.js';

export const ZPersonName = z.string().trim().min(1, 'Enter a name').max(120);

export const MEMBERSHIP_STATUSES = ['invited', 'active', 'deactivated'] as const;
export const ZMembershipStatus = z.enum(MEMBERSHIP_STATUSES);
export type TMembershipStatus = z.infer<typeof ZMembershipStatus>;

/** A user as seen by the admins of one tenant: the user plus their membership there. */
export const ZTenantUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  status: ZMembershipStatus,
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
  /** The second factors they have set up; empty for an invited member (it would tell whether the address has an account). */
  secondFactors: z.array(ZSecondFactorKind),
});
export type TTenantUser = z.infer<typeof ZTenantUser>;

export const ZUserListParams = listParams(
  ['createdAt', 'email', 'name', 'role', 'status'] as const,
  z.object({
    q: z.string().trim().max(120).optional(),
    role: ZRole.optional(),
    status: ZMembershipStatus.optional(),
  }),
);
export type TUserListParams = z.input<typeof ZUserListParams>;
export const ZUserListResult = listResult(ZTenantUser);

export const ZUserInviteInput = z.object({ email: ZEmail, name: ZPersonName, role: ZRole });
export type TUserInviteInput = z.infer<typeof ZUserInviteInput>;

export const ZUserUpdateInput = z.object({
  id: z.uuid(),
  role: ZRole.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
});
export type TUserUpdateInput = z.infer<typeof ZUserUpdateInput>;

/** Colleagues a recruiter can put on a hiring team or invite to interview: active members only. */
export const ZDirectoryEntry = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: ZRole });
export type TDirectoryEntry = z.infer<typeof ZDirectoryEntry>;
