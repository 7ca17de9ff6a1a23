import { type Em, RecoveryCode, TotpFactor, User } from '@candor/db';
import type {
  TCompleteSignInInput,
  TSecondFactorMethod,
  TTotpEnrolment,
  TTwoFactorStatus,
} from '@candor/schemas';
import { recordAudit } from '../../audit/audit.service.js';
import { unwrapSecret, wrapSecret } from '../../keys/master-key.js';
import { AppError } from '../../trpc/app-error.js';
import type { FactorActor } from '../factor-actor.js';
import { hasPasskey, verifyPasskeyAssertion } from '../passkeys/passkeys.service.js';
import { type RelyingPartyDeps, relyingPartyOf } from '../passkeys/relying-party.js';
import {
  acceptedStep,
  enrolmentUri,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  secretAsText,
} from './totp.js';

/** The keys second factors need: the master key seals TOTP secrets, the hash key keys recovery-code hashes. */
export interface FactorKeys {
  masterKey: Buffer;
  hashKey: Buffer;
}

const ISSUER = 'Candor';

/** A wrong or already used code, said the same way for either, with the field to correct. */
export function wrongCode(): AppError {
  return new AppError('BAD_REQUEST', 'That code is not right', {
    code: ['Not right, or already used; try the next code'],
  });
}

/** A passkey answer that did not verify (another account's passkey, a used or expired challenge ...). */
export function passkeyNotAccepted(): AppError {
  return new AppError('BAD_REQUEST', 'That passkey was not accepted; try again or use another way', {
    response: ['Not accepted'],
  });
}

async function confirmedTotp(em: Em, userId: string) {
  return em.findOne(TotpFactor, { user: userId, confirmedAt: { $ne: null } });
}

/** The second factors a user has set up, strongest first; empty when a password alone signs them in. */
export async function secondFactorMethods(em: Em, userId: string): Promise<TSecondFactorMethod[]> {
  const methods: TSecondFactorMethod[] = [];
  if (await hasPasskey(em, userId)) methods.push('passkey');
  if (await confirmedTotp(em, userId)) methods.push('totp', 'recovery_code');
  return methods;
}

export async function twoFactorStatus(em: Em, userId: string): Promise<TTwoFactorStatus> {
  const totp = (await confirmedTotp(em, userId)) !== null;
  const recoveryCodesLeft = totp ? await em.count(RecoveryCode, { user: userId, usedAt: null }) : 0;
  return { totp, recoveryCodesLeft };
}

/**
 * Starts (or restarts) enrolment: a new secret, sealed, waiting for a first
 * code. The secret leaves the server only here, for the person to scan.
 */
export async function startTotpEnrolment(em: Em, keys: FactorKeys, userId: string): Promise<TTotpEnrolment> {
  if (await confirmedTotp(em, userId)) {
    throw new AppError(
      'CONFLICT',
      'Two-factor authentication is already on; turn it off first to set it up again',
    );
  }
  const user = await em.findOneOrFail(User, userId);
  const secret = newTotpSecret();
  const secretWrapped = wrapSecret(keys.masterKey, Buffer.from(secret));
  const pending = await em.findOne(TotpFactor, { user: userId });
  if (pending) {
    pending.secretWrapped = secretWrapped;
    pending.lastUsedStep = null;
  } else em.create(TotpFactor, { user, secretWrapped, confirmedAt: null, lastUsedStep: null });
  await em.flush();
  return { secret: secretAsText(secret), ...(await enrolmentUri(secret, ISSUER, user.email)) };
}

/**
 * Records a correct code as used, in one conditional update: of two requests
 * racing with the same code only one gets through. False for a wrong or used code.
 */
async function spendTotpCode(
  em: Em,
  keys: FactorKeys,
  factor: { id: string; secretWrapped: string; lastUsedStep?: number | null },
  code: string,
) {
  const secret = new Uint8Array(unwrapSecret(keys.masterKey, factor.secretWrapped));
  const lastUsedStep = factor.lastUsedStep ?? null;
  const step = acceptedStep(secret, code, lastUsedStep);
  if (step === null) return false;
  const claimed = await em.nativeUpdate(
    TotpFactor,
    { id: factor.id, lastUsedStep: lastUsedStep === null ? null : { $lt: step } },
    { lastUsedStep: step },
  );
  return claimed === 1;
}

/** Turns TOTP on with a first correct code; returns ten recovery codes, shown this once. */
export async function confirmTotpEnrolment(
  em: Em,
  keys: FactorKeys,
  actor: FactorActor,
  code: string,
): Promise<string[]> {
  return em.transactional(async (tx) => {
    const factor = await tx.findOne(TotpFactor, { user: actor.userId, confirmedAt: null });
    if (!factor)
      throw new AppError('BAD_REQUEST', 'Start setting up two-factor authentication first', {
        code: ['No set-up in progress'],
      });
    if (!(await spendTotpCode(tx, keys, factor, code))) throw wrongCode();
    await tx.nativeUpdate(TotpFactor, { id: factor.id }, { confirmedAt: new Date() });
    await tx.nativeDelete(RecoveryCode, { user: actor.userId });
    const codes = newRecoveryCodes();
    for (const recovery of codes) {
      tx.create(RecoveryCode, {
        user: actor.userId,
        codeHash: recoveryCodeHash(keys.hashKey, actor.userId, recovery),
        usedAt: null,
      });
    }
    recordAudit(tx, actor, { action: 'auth.totp_enable', targetType: 'User', targetId: actor.userId });
    await tx.flush();
    return codes;
  });
}

/** Turns TOTP off; only with a fresh code from the app, so a borrowed session alone cannot. */
export async function disableTotp(em: Em, keys: FactorKeys, actor: FactorActor, code: string): Promise<void> {
  await em.transactional(async (tx) => {
    const factor = await confirmedTotp(tx, actor.userId);
    if (!factor)
      throw new AppError('BAD_REQUEST', 'Two-factor authentication is not on', { code: ['Not on'] });
    if (!(await spendTotpCode(tx, keys, factor, code))) throw wrongCode();
    await tx.nativeDelete(RecoveryCode, { user: actor.userId });
    await tx.nativeDelete(TotpFactor, { id: factor.id });
    recordAudit(tx, actor, { action: 'auth.totp_disable', targetType: 'User', targetId: actor.userId });
    await tx.flush();
  });
}

/** Checks the second factor of a sign-in, spending the code (or the passkey challenge); false when it is wrong or used. */
export async function verifySecondFactor(
  em: Em,
  deps: FactorKeys & RelyingPartyDeps,
  pending: { id: string; userId: string },
  input: TCompleteSignInInput,
): Promise<boolean> {
  const { userId } = pending;
  switch (input.method) {
    case 'totp': {
      const factor = await confirmedTotp(em, userId);
      return factor !== null && spendTotpCode(em, deps, factor, input.code);
    }
    case 'recovery_code': {
      const codeHash = recoveryCodeHash(deps.hashKey, userId, input.code);
      return (
        (await em.nativeUpdate(
          RecoveryCode,
          { user: userId, codeHash, usedAt: null },
          { usedAt: new Date() },
        )) === 1
      );
    }
    case 'passkey': {
      const scope = { purpose: 'second_factor', userId, pendingSignInId: pending.id } as const;
      return (await verifyPasskeyAssertion(em, deps, relyingPartyOf(deps), input.response, scope)) !== null;
    }
  }
}
