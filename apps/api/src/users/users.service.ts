import {
  containsPattern,
  type Em,
  type InferEntity,
  likeIgnoringCase,
  Membership,
  PasswordToken,
  Tenant,
  User,
} from '@candor/db';
import {
  canAssignRole,
  type TDirectoryEntry,
  type TTenantUser,
  type TUserInviteInput,
  type TUserUpdateInput,
  type ZUserListParams,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { issueResetLink, RESET_VALID_MINUTES } from '../auth/password-reset.js';
import { type FactorsOfUser, factorsOfUsers } from '../auth/sign-in-rules/member-factors.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import { enqueueEmail } from '../mail/outbox.js';
import { inviteEmail, passwordResetEmail } from '../mail/templates.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type MembershipRow = InferEntity<typeof Membership>;
type UserRow = InferEntity<typeof User>;

export const INVITE_VALID_DAYS = 7;

/**
 * A member as the tenant's admins see them. Until an invitation is accepted
 * the person is shown by the address they were invited at only: their name
 * and last sign-in would tell whether the address already had a Candor account.
 */
export function toTenantUser(m: MembershipRow, factorsOf: (userId: string) => FactorsOfUser): TTenantUser {
  const invited = m.status === 'invited';
  return {
    id: m.user.id,
    email: m.user.email,
    name: invited ? m.user.email : m.user.name,
    role: m.role,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    lastSignInAt: invited ? null : (m.user.lastSignInAt?.toISOString() ?? null),
    secondFactors: invited ? [] : factorsOf(m.user.id).secondFactors,
  };
}

const SORT_PATHS = {
  createdAt: 'createdAt',
  role: 'role',
  status: 'status',
  email: 'user.email',
  name: 'user.name',
} as const;

export async function listUsers(em: Em, actor: Actor, params: z.output<typeof ZUserListParams>) {
  const { page, perPage } = params.pagination;
  const { q, role, status } = params.filter;
  const needle = q ? likeIgnoringCase(em, containsPattern(q)) : undefined;
  const sortPath = SORT_PATHS[params.sort.field];
  const orderBy = sortPath.startsWith('user.')
    ? { user: { [sortPath.slice(5)]: params.sort.order } }
    : { [sortPath]: params.sort.order };
  const [rows, total] = await em.findAndCount(
    Membership,
    {
      tenant: actor.tenantId,
      ...(role ? { role } : {}),
      ...(status ? { status } : {}),
      // An invited member's name is not theirs to show yet (see toTenantUser), so not to match either.
      ...(needle
        ? { $or: [{ user: { email: needle } }, { status: { $ne: 'invited' }, user: { name: needle } }] }
        : {}),
    },
    { populate: ['user'], orderBy: [orderBy, { id: 'asc' }], limit: perPage, offset: (page - 1) * perPage },
  );
  recordAudit(em, actor, { action: 'user.list', targetType: 'User' });
  await em.flush();
  const factorsOf = await factorsOfUsers(
    em,
    rows.map((m) => m.user.id),
  );
  return { data: rows.map((m) => toTenantUser(m, factorsOf)), total };
}

async function membershipOf(em: Em, actor: Actor, userId: string): Promise<MembershipRow> {
  const membership = await em.findOne(
    Membership,
    { tenant: actor.tenantId, user: userId },
    { populate: ['user'] },
  );
  if (!membership) throw new AppError('NOT_FOUND', 'No such user in this organisation');
  return membership;
}

export async function getUser(em: Em, actor: Actor, userId: string): Promise<TTenantUser> {
  const membership = await membershipOf(em, actor, userId);
  recordAudit(em, actor, { action: 'user.read', targetType: 'User', targetId: userId });
  await em.flush();
  return toTenantUser(membership, await factorsOfUsers(em, [userId]));
}

/**
 * A single-use link, stored hashed and valid for INVITE_VALID_DAYS, with
 * which an invited person chooses a password (or, with one already, accepts)
 * and becomes an active member.
 */
export function issueInviteLink(tx: Em, user: UserRow, membership: MembershipRow, publicUrl: string): string {
  const token = newToken();
  tx.create(PasswordToken, {
    tokenHash: hashToken(token),
    user,
    membership,
    purpose: 'invite',
    expiresAt: new Date(Date.now() + INVITE_VALID_DAYS * 86_400_000),
  });
  return `${publicUrl}/admin/#/set-password?token=${encodeURIComponent(token)}`;
}

/**
 * Invites someone by email. Everyone invited gets the same: a membership
 * that stays "invited" (no access to the tenant) until they accept, and one
 * email with a single-use link, stored hashed, valid for a week. A new person
 * chooses a password with it; someone who already uses Candor signs in and
 * accepts. The inviter's answer is the same either way, so inviting does not
 * tell whether an address has an account.
 */
export async function inviteUser(em: Em, actor: Actor, input: TUserInviteInput, publicUrl: string) {
  if (!canAssignRole(actor.role, input.role)) {
    throw new AppError('FORBIDDEN', 'Only an owner can invite another owner');
  }
  return em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
    const inviter = await tx.findOneOrFail(User, actor.userId);
    let user = await tx.findOne(User, { email: input.email });
    if (user && (await tx.findOne(Membership, { tenant: actor.tenantId, user }))) {
      throw new AppError('CONFLICT', 'This person is already a member', { email: ['Already a member'] });
    }
    user ??= tx.create(User, { email: input.email, name: input.name, passwordHash: null });
    const membership = tx.create(Membership, { tenant, user, role: input.role, status: 'invited' });
    enqueueEmail(tx, {
      tenantId: tenant.id,
      to: user.email,
      ...inviteEmail({
        tenantName: tenant.name,
        inviterName: inviter.name,
        link: issueInviteLink(tx, user, membership, publicUrl),
        validDays: INVITE_VALID_DAYS,
      }),
    });
    recordAudit(tx, actor, { action: 'user.invite', targetType: 'User', targetId: user.id });
    await tx.flush();
    return toTenantUser(membership, await factorsOfUsers(tx, [user.id]));
  });
}

export async function updateUser(
  em: Em,
  actor: Actor,
  input: TUserUpdateInput,
  revokeSessions: (userId: string, tenantId: string) => Promise<void>,
) {
  const result = await em.transactional(async (tx) => {
    const membership = await membershipOf(tx, actor, input.id);
    if (input.id === actor.userId) {
      throw new AppError('FORBIDDEN', 'You cannot change your own role or status; ask another admin');
    }
    if (membership.role === 'owner' && actor.role !== 'owner') {
      throw new AppError('FORBIDDEN', 'Only an owner can change another owner');
    }
    if (input.role && !canAssignRole(actor.role, input.role)) {
      throw new AppError('FORBIDDEN', 'Only an owner can make someone an owner', { role: ['Not allowed'] });
    }
    if (input.status && membership.status === 'invited' && input.status === 'active') {
      throw new AppError('BAD_REQUEST', 'An invited user becomes active by accepting the invitation', {
        status: ['Still invited'],
      });
    }
    const before = { role: membership.role, status: membership.status };
    if (input.role) membership.role = input.role;
    if (input.status) membership.status = input.status;
    if (input.role && input.role !== before.role) {
      recordAudit(tx, actor, { action: 'user.role_change', targetType: 'User', targetId: input.id });
    }
    if (input.status && input.status !== before.status) {
      recordAudit(tx, actor, {
        action: `user.${input.status === 'active' ? 'reactivate' : 'deactivate'}`,
        targetType: 'User',
        targetId: input.id,
      });
    }
    await tx.flush();
    const factorsOf = await factorsOfUsers(tx, [input.id]);
    return {
      dto: toTenantUser(membership, factorsOf),
      deactivated: input.status === 'deactivated' && before.status !== 'deactivated',
    };
  });
  if (result.deactivated) await revokeSessions(input.id, actor.tenantId);
  return result.dto;
}

/**
 * An admin sends a member a password reset link (to the member's own
 * address, like "Forgot password?"; the admin never sees the link). Their
 * password and sessions stay until they use it. Only for active members: an
 * invited one chooses a password with their invitation, a deactivated one
 * cannot sign in.
 */
export async function sendPasswordReset(
  em: Em,
  actor: Actor,
  userId: string,
  publicUrl: string,
): Promise<void> {
  await em.transactional(async (tx) => {
    const membership = await membershipOf(tx, actor, userId);
    if (membership.status !== 'active') {
      throw new AppError(
        'BAD_REQUEST',
        membership.status === 'invited'
          ? 'They have not accepted their invitation yet: its email has the link to choose a password'
          : 'This member is deactivated; reactivate them first',
      );
    }
    const [tenant, admin] = await Promise.all([
      tx.findOneOrFail(Tenant, actor.tenantId),
      tx.findOneOrFail(User, actor.userId),
    ]);
    const link = await issueResetLink(tx, userId, publicUrl);
    enqueueEmail(tx, {
      tenantId: tenant.id,
      to: membership.user.email,
      ...passwordResetEmail({
        link,
        validMinutes: RESET_VALID_MINUTES,
        sentBy: { adminName: admin.name, tenantName: tenant.name },
      }),
    });
    recordAudit(tx, actor, { action: 'user.send_password_reset', targetType: 'User', targetId: userId });
    await tx.flush();
  });
}

/** Active members of the tenant, by name: who can join a hiring team or interview. */
export async function directory(em: Em, actor: Actor): Promise<TDirectoryEntry[]> {
  const rows = await em.find(
    Membership,
    { tenant: actor.tenantId, status: 'active' },
    { populate: ['user'], orderBy: { user: { name: 'asc' } } },
  );
  return rows.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, role: m.role }));
}
