import { type Em, WebAuthnChallenge } from '@candor/db';
import { hashToken } from '../token-hash.js';

/** Long enough to find the security key, short enough that an unused challenge is soon worth nothing. */
export const CHALLENGE_MS = 5 * 60_000;

/**
 * Whose ceremony a challenge belongs to: registering a passkey (the signed-in
 * user), a passwordless sign-in (nobody yet: the passkey says who) or the
 * second step of one pending sign-in.
 */
export type ChallengeScope =
  | { purpose: 'register'; userId: string }
  | { purpose: 'sign_in' }
  | { purpose: 'second_factor'; userId: string; pendingSignInId: string };

function rowOf(scope: ChallengeScope) {
  return {
    purpose: scope.purpose,
    user: scope.purpose === 'sign_in' ? null : scope.userId,
    pendingSignInId: scope.purpose === 'second_factor' ? scope.pendingSignInId : null,
  };
}

/**
 * Remembers the challenge of options just made (the base64url string the
 * browser will sign and send back in clientDataJSON), by its hash, for a
 * few minutes. Expired ones of anyone go as a new one comes.
 */
export async function rememberChallenge(em: Em, challenge: string, scope: ChallengeScope): Promise<void> {
  const now = new Date();
  await em.nativeDelete(WebAuthnChallenge, { expiresAt: { $lt: now } });
  await em.insert(WebAuthnChallenge, {
    id: hashToken(challenge),
    ...rowOf(scope),
    expiresAt: new Date(now.getTime() + CHALLENGE_MS),
    createdAt: now,
  });
}

/**
 * Uses up the challenge a response carries, if it was issued for this scope
 * and has not expired. One conditional delete: of two requests with the same
 * response only one gets it, and a response is never accepted twice.
 */
export async function claimChallenge(em: Em, challenge: string, scope: ChallengeScope): Promise<boolean> {
  const claimed = await em.nativeDelete(WebAuthnChallenge, {
    id: hashToken(challenge),
    ...rowOf(scope),
    expiresAt: { $gt: new Date() },
  });
  return claimed === 1;
}
