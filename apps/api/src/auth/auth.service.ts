import { type Em, Membership, PasswordToken, TENANT_FILTER, User } from '@candor/db';
import { hashPassword, verifyPassword } from '@candor/db/password';
import {
  PERMISSIONS,
  roleCan,
  type TMe,
  type TMembershipSummary,
  type TPermission,
  type TSetPasswordInput,
  type TSignInInput,
  type TSignInMethod,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import { assertStrongPassword, userInputsOf } from './password-policy.js';
import { recordPasswordReset } from './password-reset.js';
import { hashToken } from './token-hash.js';

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;
const INVALID_CREDENTIALS = 'Email or password is not correct';

// Verifying against a real hash when the user does not exist keeps the
// response time the same, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that never matches');
  return decoyHash;
}

export async function activeMemberships(em: Em, userId: string) {
  return em.find(
    Membership,
    { user: userId, status: 'active' },
    { ...ALL_TENANTS, populate: ['tenant'], orderBy: { tenant: { name: 'asc' } } },
  );
}

export async function buildMe(
  em: Em,
  userId: string,
  tenantId: string,
  signedInWith: TSignInMethod,
): Promise<TMe> {
  const user = await em.findOneOrFail(User, userId);
  const all = await activeMemberships(em, userId);
  // A single sign-on session belongs to the organisation whose provider opened it (see ownAccountProcedure).
  const memberships = signedInWith === 'single_sign_on' ? all.filter((m) => m.tenant.id === tenantId) : all;
  const current = memberships.find((m) => m.tenant.id === tenantId);
  if (!current) throw new AppError('FORBIDDEN', 'You are no longer a member of this organisation');
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    tenant: { id: current.tenant.id, slug: current.tenant.slug, name: current.tenant.name },
    role: current.role,
    permissions: (Object.keys(PERMISSIONS) as TPermission[]).filter((p) => roleCan(current.role, p)),
    memberships: memberships.map((m) => ({
      tenantId: m.tenant.id,
      tenantSlug: m.tenant.slug,
      tenantName: m.tenant.name,
      role: m.role,
    })),
    secondFactorRequired: current.tenant.requireSecondFactor && signedInWith === 'password',
    signedInWith,
  };
}

/** Checks the password and picks the tenant to sign in to (the one asked for, or the first). */
export async function checkCredentials(
  em: Em,
  input: TSignInInput,
  requestId: string,
): Promise<{ userId: string; tenantId: string }> {
  const user = await em.findOne(User, { email: input.email });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoy()), input.password);
  if (!user?.passwordHash || !valid) throw new AppError('UNAUTHORIZED', INVALID_CREDENTIALS);
  const memberships = await activeMemberships(em, user.id);
  const chosen = input.tenantSlug
    ? memberships.find((m) => m.tenant.slug === input.tenantSlug)
    : memberships[0];
  if (!chosen) throw new AppError('UNAUTHORIZED', INVALID_CREDENTIALS);
  user.lastSignInAt = new Date();
  recordAudit(
    em,
    { userId: user.id, tenantId: chosen.tenant.id, requestId },
    {
      action: 'auth.sign_in',
      targetType: 'User',
      targetId: user.id,
    },
  );
  await em.flush();
  return { userId: user.id, tenantId: chosen.tenant.id };
}

export async function assertCanSwitch(em: Em, userId: string, tenantId: string): Promise<void> {
  const membership = await em.findOne(
    Membership,
    { user: userId, tenant: tenantId, status: 'active' },
    ALL_TENANTS,
  );
  if (!membership) throw new AppError('FORBIDDEN', 'You are not a member of that organisation');
}

const LINK_NOT_VALID = 'This link has expired or was already used; ask for a new one';

/** Refuses a link: as a bad input on the public page, as "no such invitation" to a signed-in user. */
function linkNotValid(code: 'BAD_REQUEST' | 'NOT_FOUND'): AppError {
  return new AppError(code, LINK_NOT_VALID, { token: ['Expired or already used'] });
}

/** The unused, unexpired token behind an emailed link. */
async function redeemableToken(tx: Em, raw: string, code: 'BAD_REQUEST' | 'NOT_FOUND' = 'BAD_REQUEST') {
  const token = await tx.findOne(PasswordToken, { tokenHash: hashToken(raw) }, { populate: ['user'] });
  if (!token || token.usedAt || token.expiresAt < new Date()) throw linkNotValid(code);
  return token;
}

/**
 * Makes the invitation an invite link was sent for active, audited. A link
 * from before invitations were recorded on the token accepts every pending
 * invitation of the person, as such links always did.
 */
async function acceptInvitationOf(
  tx: Em,
  token: Awaited<ReturnType<typeof redeemableToken>>,
  requestId: string,
) {
  const invited = await tx.find(
    Membership,
    token.membership
      ? { id: token.membership.id, status: 'invited' }
      : { user: token.user, status: 'invited' },
    { ...ALL_TENANTS, populate: ['tenant'] },
  );
  for (const membership of invited) {
    membership.status = 'active';
    recordAudit(
      tx,
      { userId: token.user.id, tenantId: membership.tenant.id, requestId },
      {
        action: 'user.accept_invite',
        targetType: 'User',
        targetId: token.user.id,
      },
    );
  }
  return invited;
}

/**
 * Redeems an emailed link: an invitation of someone new to Candor (sets their
 * password and accepts the invitation) or a password reset. The link works
 * once, the password must be hard to guess for this person, and afterwards
 * every session of the user ends (`endSessions`), so whoever knew the old
 * password is signed out. Someone who already has a password accepts an
 * invitation by signing in instead (acceptInvitation): an invitation link
 * alone does not replace their password.
 */
export async function setPasswordWithToken(
  em: Em,
  input: TSetPasswordInput,
  requestId: string,
  endSessions: (userId: string) => Promise<void>,
): Promise<void> {
  const userId = await em.transactional(async (tx) => {
    const token = await redeemableToken(tx, input.token);
    if (token.purpose === 'invite' && token.user.passwordHash) {
      throw new AppError(
        'BAD_REQUEST',
        'You already have a Candor account: sign in with it to accept this invitation',
      );
    }
    await assertStrongPassword(input.password, await userInputsOf(tx, token.user.id));
    // Claimed by a conditional update, so of two requests racing with one link only one gets through.
    const claimed = await tx.nativeUpdate(
      PasswordToken,
      { id: token.id, usedAt: null },
      { usedAt: new Date() },
    );
    if (claimed !== 1) throw linkNotValid('BAD_REQUEST');
    token.user.passwordHash = await hashPassword(input.password);
    if (token.purpose === 'invite') await acceptInvitationOf(tx, token, requestId);
    else await recordPasswordReset(tx, { userId: token.user.id, usedTokenId: token.id }, requestId);
    await tx.flush();
    return token.user.id;
  });
  await endSessions(userId);
}

/**
 * Accepts an invitation as the signed-in user, with the link's token: the
 * membership becomes active and the link is used up. A link for someone
 * else gets the same refusal as an expired one (NOT_FOUND).
 */
export async function acceptInvitation(
  em: Em,
  userId: string,
  rawToken: string,
  requestId: string,
): Promise<TMembershipSummary> {
  return em.transactional(async (tx) => {
    const token = await redeemableToken(tx, rawToken, 'NOT_FOUND');
    if (token.purpose !== 'invite' || token.user.id !== userId) throw linkNotValid('NOT_FOUND');
    token.usedAt = new Date();
    const [accepted] = await acceptInvitationOf(tx, token, requestId);
    if (!accepted) throw new AppError('NOT_FOUND', 'This invitation was withdrawn', { token: ['Withdrawn'] });
    await tx.flush();
    return {
      tenantId: accepted.tenant.id,
      tenantSlug: accepted.tenant.slug,
      tenantName: accepted.tenant.name,
      role: accepted.role,
    };
  });
}
