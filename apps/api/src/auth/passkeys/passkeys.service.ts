import { type Em, Passkey, User } from '@candor/db';
import type {
  TAuthenticationResponse,
  TPasskeyAuthenticationOptions,
  TPasskeyRegisterInput,
  TPasskeyRegistrationOptions,
  TPasskeySummary,
} from '@candor/schemas';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { recordAudit } from '../../audit/audit.service.js';
import { AppError } from '../../trpc/app-error.js';
import type { FactorActor } from '../factor-actor.js';
import { CHALLENGE_MS, type ChallengeScope, claimChallenge, rememberChallenge } from './challenges.js';
import type { RelyingParty, RelyingPartyDeps } from './relying-party.js';

/** Plenty for every laptop, phone and security key a person has, and a bound on what one account can store. */
const MAX_PASSKEYS_PER_USER = 20;

/** The WebAuthn user handle: the user's id, which is no personal data, so an authenticator holds nothing more. */
function userHandleOf(userId: string): string {
  return Buffer.from(userId, 'utf8').toString('base64url');
}

function summaryOf(row: {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt?: Date | null;
  deviceType: string;
}): TPasskeySummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    synced: row.deviceType === 'multiDevice',
  };
}

/** Why @simplewebauthn refused a response (an origin, a counter ...): no personal data, useful to an operator. */
function logRefusal(deps: RelyingPartyDeps, ceremony: string, error: unknown): void {
  deps.logger.info('passkey response refused', {
    ceremony,
    reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
  });
}

export async function hasPasskey(em: Em, userId: string): Promise<boolean> {
  return (await em.count(Passkey, { user: userId })) > 0;
}

export async function listPasskeys(em: Em, userId: string): Promise<TPasskeySummary[]> {
  const rows = await em.find(Passkey, { user: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return rows.map(summaryOf);
}

/**
 * Options for navigator.credentials.create(): a discoverable credential
 * (so it can sign in without an email) with user verification (a
 * fingerprint, face or PIN), not one of the user's passkeys already.
 */
export async function registrationOptions(
  em: Em,
  rp: RelyingParty,
  userId: string,
): Promise<TPasskeyRegistrationOptions> {
  const user = await em.findOneOrFail(User, userId);
  const existing = await em.find(Passkey, { user: userId });
  if (existing.length >= MAX_PASSKEYS_PER_USER) {
    throw new AppError(
      'BAD_REQUEST',
      `You have ${MAX_PASSKEYS_PER_USER} passkeys; remove one you no longer use first`,
    );
  }
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new Uint8Array(Buffer.from(userId, 'utf8')),
    timeout: CHALLENGE_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await rememberChallenge(em, options.challenge, { purpose: 'register', userId });
  return options as TPasskeyRegistrationOptions;
}

/** Verifies the browser's answer to registrationOptions and keeps the new passkey under the name the person gave it. */
export async function registerPasskey(
  em: Em,
  deps: RelyingPartyDeps,
  rp: RelyingParty,
  actor: FactorActor,
  input: TPasskeyRegisterInput,
): Promise<TPasskeySummary> {
  const notVerified = () =>
    new AppError('BAD_REQUEST', 'Your passkey could not be verified; try adding it again', {
      response: ['Not verified, or the request expired'],
    });
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      // Checked for shape by ZRegistrationResponse; the library checks everything else.
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: (challenge) =>
        claimChallenge(em, challenge, { purpose: 'register', userId: actor.userId }),
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (error) {
    logRefusal(deps, 'register', error);
    throw notVerified();
  }
  if (!verification.verified) throw notVerified();
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  if (await em.count(Passkey, { credentialId: credential.id })) {
    throw new AppError('CONFLICT', 'This passkey is already registered', {
      response: ['Already registered'],
    });
  }
  const passkey = em.create(Passkey, {
    user: em.getReference(User, actor.userId),
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: (input.response.response.transports ?? credential.transports ?? []).slice(0, 10),
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
    name: input.name,
    lastUsedAt: null,
  });
  recordAudit(em, actor, { action: 'auth.passkey_add', targetType: 'User', targetId: actor.userId });
  await em.flush();
  return summaryOf(passkey);
}

function passkeyGone(): AppError {
  return new AppError('NOT_FOUND', 'This passkey was already removed', { id: ['Not one of your passkeys'] });
}

/** Renames one of the actor's own passkeys; someone else's is "not found", like one that does not exist. */
export async function renamePasskey(em: Em, actor: FactorActor, id: string, name: string): Promise<void> {
  if ((await em.nativeUpdate(Passkey, { id, user: actor.userId }, { name })) !== 1) throw passkeyGone();
  recordAudit(em, actor, { action: 'auth.passkey_rename', targetType: 'User', targetId: actor.userId });
  await em.flush();
}

/** Removes one of the actor's own passkeys; it signs in nowhere from then on. */
export async function removePasskey(em: Em, actor: FactorActor, id: string): Promise<void> {
  if ((await em.nativeDelete(Passkey, { id, user: actor.userId })) !== 1) throw passkeyGone();
  recordAudit(em, actor, { action: 'auth.passkey_remove', targetType: 'User', targetId: actor.userId });
  await em.flush();
}

/** Options for a passwordless sign-in: no allowCredentials, so the browser offers whichever passkey the person has here. */
export async function signInOptions(em: Em, rp: RelyingParty): Promise<TPasskeyAuthenticationOptions> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'required',
    timeout: CHALLENGE_MS,
  });
  await rememberChallenge(em, options.challenge, { purpose: 'sign_in' });
  return options as TPasskeyAuthenticationOptions;
}

/** Options for the second step of one pending sign-in: only that user's passkeys will do. */
export async function secondFactorOptions(
  em: Em,
  rp: RelyingParty,
  pending: { id: string; userId: string },
): Promise<TPasskeyAuthenticationOptions> {
  const passkeys = await em.find(Passkey, { user: pending.userId });
  if (passkeys.length === 0)
    throw new AppError('BAD_REQUEST', 'You have no passkey; use another way to sign in');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'required',
    timeout: CHALLENGE_MS,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
  await rememberChallenge(em, options.challenge, {
    purpose: 'second_factor',
    userId: pending.userId,
    pendingSignInId: pending.id,
  });
  return options as TPasskeyAuthenticationOptions;
}

/**
 * Checks a passkey's signature over a challenge issued for `scope`: the
 * passkey must exist (and be the scope's user's), the challenge unused and
 * unexpired, the origin and RP ID ours, the user verified and the counter
 * ahead of the stored one. Records the new counter and the time of use.
 * Null for anything wrong, so callers answer every failure alike.
 */
export async function verifyPasskeyAssertion(
  em: Em,
  deps: RelyingPartyDeps,
  rp: RelyingParty,
  response: TAuthenticationResponse,
  scope: Exclude<ChallengeScope, { purpose: 'register' }>,
): Promise<{ userId: string; passkeyId: string } | null> {
  const passkey = await em.findOne(Passkey, { credentialId: response.id });
  if (!passkey) return null;
  const userId = passkey.user.id;
  if (scope.purpose === 'second_factor' && userId !== scope.userId) return null;
  if (response.response.userHandle && response.response.userHandle !== userHandleOf(userId)) return null;
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      // Checked for shape by ZAuthenticationResponse; the library checks everything else.
      response: response as AuthenticationResponseJSON,
      expectedChallenge: (challenge) => claimChallenge(em, challenge, scope),
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
  } catch (error) {
    logRefusal(deps, scope.purpose, error);
    return null;
  }
  if (!verification.verified) return null;
  // Conditional on the counter read above: of two racing uses (a clone), only one moves it on.
  const moved = await em.nativeUpdate(
    Passkey,
    { id: passkey.id, counter: passkey.counter },
    {
      counter: verification.authenticationInfo.newCounter,
      backedUp: verification.authenticationInfo.credentialBackedUp,
      lastUsedAt: new Date(),
    },
  );
  return moved === 1 ? { userId, passkeyId: passkey.id } : null;
}
