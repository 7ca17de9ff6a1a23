import { type Em, Membership, Passkey, TENANT_FILTER, TotpFactor } from '@candor/db';
import type { TSecondFactorKind } from '@candor/schemas';
import { AppError } from '../../trpc/app-error.js';

export interface FactorsOfUser {
  secondFactors: TSecondFactorKind[];
  passkeys: number;
}

const NONE: FactorsOfUser = { secondFactors: [], passkeys: 0 };

/**
 * The second factors each user has set up, in two queries for any number of
 * users (the members list shows them per row). A TOTP factor counts once
 * confirmed; a passkey counts as soon as it is registered.
 */
export async function factorsOfUsers(em: Em, userIds: string[]): Promise<(userId: string) => FactorsOfUser> {
  if (userIds.length === 0) return () => NONE;
  const [totps, passkeys] = await Promise.all([
    em.find(TotpFactor, { user: { $in: userIds }, confirmedAt: { $ne: null } }, { fields: ['user'] }),
    em.find(Passkey, { user: { $in: userIds } }, { fields: ['user'] }),
  ]);
  const withTotp = new Set(totps.map((t) => t.user.id));
  const passkeyCount = new Map<string, number>();
  for (const passkey of passkeys)
    passkeyCount.set(passkey.user.id, (passkeyCount.get(passkey.user.id) ?? 0) + 1);
  return (userId) => {
    const count = passkeyCount.get(userId) ?? 0;
    const secondFactors: TSecondFactorKind[] = [];
    if (withTotp.has(userId)) secondFactors.push('totp');
    if (count > 0) secondFactors.push('passkey');
    return { secondFactors, passkeys: count };
  };
}

/**
 * Refuses to take away a user's last second factor (`othersLeft` is how many
 * they keep besides the one going) while any organisation they are active in
 * requires one: they would be sent straight back to enrolment, and a lost
 * phone is what recovery codes and an admin's help are for.
 */
export async function keepARequiredFactor(em: Em, userId: string, othersLeft: number): Promise<void> {
  if (othersLeft > 0) return;
  const requiring = await em.count(
    Membership,
    { user: userId, status: 'active', tenant: { requireSecondFactor: true } },
    { filters: { [TENANT_FILTER]: false } },
  );
  if (requiring > 0) {
    throw new AppError(
      'CONFLICT',
      'Your organisation requires a second factor: set up another one before removing this one',
    );
  }
}
