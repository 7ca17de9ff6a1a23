import { type Em, Membership, TENANT_FILTER, User } from '@candor/db';
import { hashPassword, verifyPassword } from '@candor/db/password';
import type { TChangePasswordInput } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import { assertStrongPassword, userInputsOf } from './password-policy.js';

/**
 * A signed-in user sets a new password, proving it is them with the current
 * one. The caller then ends the user's other sessions: whoever knew the old
 * password and signed in elsewhere is signed out, this browser stays in.
 */
export async function changePassword(
  em: Em,
  userId: string,
  input: TChangePasswordInput,
  requestId: string,
): Promise<void> {
  await em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(User, userId);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      const message = 'Your current password is not correct';
      throw new AppError('BAD_REQUEST', message, { currentPassword: [message] });
    }
    await assertStrongPassword(input.password, await userInputsOf(tx, userId));
    user.passwordHash = await hashPassword(input.password);
    const memberships = await tx.find(
      Membership,
      { user: userId, status: 'active' },
      { filters: { [TENANT_FILTER]: false } },
    );
    for (const membership of memberships) {
      recordAudit(
        tx,
        { userId, tenantId: membership.tenant.id, requestId },
        {
          action: 'auth.password_change',
          targetType: 'User',
          targetId: userId,
        },
      );
    }
    await tx.flush();
  });
}
