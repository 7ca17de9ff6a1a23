import { type Em, Membership, TENANT_FILTER, User } from '@candor/db';
import { loadPasswordStrength, passwordUserInputs, weakPasswordMessage } from '@candor/schemas';
import { AppError } from '../trpc/app-error.js';

/**
 * What an attacker aiming at this person would try first: their name, their
 * email and the names of the organisations they belong to (or are invited to).
 */
export async function userInputsOf(em: Em, userId: string): Promise<string[]> {
  const user = await em.findOneOrFail(User, userId);
  const memberships = await em.find(
    Membership,
    { user: userId },
    { populate: ['tenant'], filters: { [TENANT_FILTER]: false } },
  );
  return passwordUserInputs([user.name, user.email, ...memberships.map((m) => m.tenant.name)]);
}

/**
 * Refuses a staff password that zxcvbn finds too easy to guess, with a field
 * error saying why and what to do (the admin's meter gives the same verdict).
 */
export async function assertStrongPassword(password: string, userInputs: readonly string[]): Promise<void> {
  const strength = (await loadPasswordStrength())(password, userInputs);
  if (strength.acceptable) return;
  const message = weakPasswordMessage(strength);
  throw new AppError('BAD_REQUEST', message, { password: [message] });
}
