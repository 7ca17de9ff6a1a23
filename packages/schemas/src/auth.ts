import { z } from 'zod';
import { ZRole } from './roles.js';
import { ZTenant } from './tenant.js';

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Enter a valid email address'))
  .transform((email) => email.toLowerCase());

/**
 * Password policy: long rather than complicated (NIST SP 800-63B). How
 * guessable it is depends on who sets it (their name, email, organisation),
 * so that check is password-strength.ts's, applied where those are known.
 */
export const ZPassword = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(256, 'Use at most 256 characters');

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

/** How long a password reset link works: long enough to reach the mailbox, short enough to be of little use to anyone else. */
export const PASSWORD_RESET_VALID_MINUTES = 30;

/** "Forgot password?": the address to send a reset link to (if it belongs to an active staff account). */
export const ZRequestPasswordResetInput = z.object({ email: ZEmail });
export type TRequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

export const ZSwitchTenantInput = z.object({ tenantId: z.uuid() });

/** The emailed invitation link's token, to accept the invitation as the signed-in user. */
export const ZAcceptInvitationInput = z.object({ token: z.string().min(20).max(200) });

/**
 * How a session was signed in. A tenant that requires a second factor
 * accepts every way but 'password' alone: a passkey verifies the user on
 * the device, and single sign-on leaves factors to the company's provider.
 */
export const SIGN_IN_METHODS = ['password', 'second_factor', 'passkey', 'single_sign_on'] as const;
export const ZSignInMethod = z.enum(SIGN_IN_METHODS);
export type TSignInMethod = z.infer<typeof ZSignInMethod>;

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
  /** The tenant requires a second factor and this session has none: the backoffice shows enrolment only. */
  secondFactorRequired: z.boolean(),
  /** How this session was signed in; a single sign-on session cannot manage the Candor account itself. */
  signedInWith: ZSignInMethod,
});
export type TMe = z.infer<typeof ZMe>;

/**
 * How long a staff session lasts without use (it slides while used); the
 * session cookie's Max-Age is the same, so neither outlives the other.
 */
export const SESSION_LIFETIME_HOURS = 12;

/** One of the signed-in user's sessions, as "Your sessions" lists it. */
export const ZSessionSummary = z.object({
  /** The stored hash of the session's token: identifies it without being usable as a cookie. */
  id: z.string(),
  /** A short label derived from the browser's user agent ("Chrome on Linux"), or null if unknown. */
  device: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type TSessionSummary = z.infer<typeof ZSessionSummary>;

export const ZEndSessionInput = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'Not a session') });

/** A signed-in user changing their own password: the current one proves it is them. */
export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(256),
  password: ZPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
