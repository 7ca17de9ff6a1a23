import { z } from 'zod';
import { ZRole } from './roles.js';
import { ZTenant } from './tenant.js';

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Enter a valid email address'))
  .transform((email) => email.toLowerCase());

// A small deny-list of passwords that show up first in every breach corpus.
const COMMON_PASSWORDS = new Set([
  'password1234',
  '123456789012',
  'qwertyuiopas',
  'passwordpassword',
  'letmein12345',
  'iloveyou1234',
  'administrator',
  'changeme1234',
]);

/** Password policy: long rather than complicated (NIST SP 800-63B). */
export const ZPassword = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(256, 'Use at most 256 characters')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'This password is too common')
  .refine((p) => new Set(p).size >= 5, 'Use more different characters');

export const ZSignInInput = z.object({
  tenantSlug: z.string().trim().min(1).max(40).optional(),
  email: ZEmail,
  password: z.string().min(1, 'Enter your password').max(256),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZSetPasswordInput = z.object({
  token: z.string().min(20).max(200),
  password: ZPassword,
});
export type TSetPasswordInput = z.infer<typeof ZSetPasswordInput>;

export const ZSwitchTenantInput = z.object({ tenantId: z.uuid() });

/** The emailed invitation link's token, to accept the invitation as the signed-in user. */
export const ZAcceptInvitationInput = z.object({ token: z.string().min(20).max(200) });

export const ZMembershipSummary = z.object({
  tenantId: z.uuid(),
  tenantSlug: z.string(),
  tenantName: z.string(),
  role: ZRole,
});
export type TMembershipSummary = z.infer<typeof ZMembershipSummary>;

export const ZMe = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  tenant: ZTenant.pick({ id: true, slug: true, name: true }),
  role: ZRole,
  permissions: z.array(z.string()),
  memberships: z.array(ZMembershipSummary),
});
export type TMe = z.infer<typeof ZMe>;
