import { type Em, Membership, PasswordToken, TENANT_FILTER, User } from '@candor/db';
import { PASSWORD_RESET_VALID_MINUTES } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { passwordResetEmail } from '../mail/templates.js';
import { hashToken, newToken } from './token-hash.js';

export const RESET_VALID_MINUTES = PASSWORD_RESET_VALID_MINUTES;

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;

/** The backoffice page a reset link opens. */
function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/#/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * A new single-use reset link for the user, stored only as a hash. The
 * user's earlier unused reset links stop working: only the newest email counts.
 */
export async function issueResetLink(tx: Em, userId: string, publicUrl: string): Promise<string> {
  const now = new Date();
  await tx.nativeUpdate(
    PasswordToken,
    { user: userId, purpose: 'reset', usedAt: null, expiresAt: { $gt: now } },
    { expiresAt: now },
  );
  const token = newToken();
  tx.create(PasswordToken, {
    tokenHash: hashToken(token),
    user: tx.getReference(User, userId),
    purpose: 'reset',
    membership: null,
    expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000),
  });
  return resetLink(publicUrl, token);
}

/**
 * "Forgot password?": emails a reset link when the address belongs to a
 * staff account that is active in at least one organisation, and does
 * nothing otherwise. The caller answers the same either way, so the page
 * does not tell who has an account.
 */
export async function requestPasswordReset(em: Em, email: string, publicUrl: string): Promise<void> {
  await em.transactional(async (tx) => {
    const user = await tx.findOne(User, { email });
    if (!user || !(await tx.count(Membership, { user, status: 'active' }, ALL_TENANTS))) return;
    const link = await issueResetLink(tx, user.id, publicUrl);
    enqueueEmail(tx, {
      tenantId: null,
      to: user.email,
      ...passwordResetEmail({ link, validMinutes: RESET_VALID_MINUTES }),
    });
  });
}

/**
 * After a reset link was used: the user's other reset links stop working,
 * and each organisation they are active in has the reset in its audit log.
 */
export async function recordPasswordReset(
  tx: Em,
  { userId, usedTokenId }: { userId: string; usedTokenId: string },
  requestId: string,
): Promise<void> {
  const now = new Date();
  await tx.nativeUpdate(
    PasswordToken,
    { id: { $ne: usedTokenId }, user: userId, purpose: 'reset', usedAt: null, expiresAt: { $gt: now } },
    { expiresAt: now },
  );
  const memberships = await tx.find(Membership, { user: userId, status: 'active' }, ALL_TENANTS);
  for (const membership of memberships) {
    recordAudit(
      tx,
      { userId, tenantId: membership.tenant.id, requestId },
      {
        action: 'auth.password_reset',
        targetType: 'User',
        targetId: userId,
      },
    );
  }
}
