import { z } from 'zod';
import { ZMe } from './auth.js';
import { ZAuthenticationResponse } from './passkeys.js';

/** A code from an authenticator app: six digits (spaces, as apps show them, are ignored). */
export const ZTotpCode = z
  .string()
  .max(20)
  .transform((code) => code.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'));

/** A recovery code as shown at enrolment (`abcde-fghij`); case and the dash are forgiven. */
export const ZRecoveryCode = z
  .string()
  .max(40)
  .transform((code) => code.replace(/[\s-]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, 'Enter one of your recovery codes, like abcde-fghij'));

/** Ways to pass the second step of a sign-in. */
export const SECOND_FACTOR_METHODS = ['totp', 'recovery_code', 'passkey'] as const;
export const ZSecondFactorMethod = z.enum(SECOND_FACTOR_METHODS);
export type TSecondFactorMethod = z.infer<typeof ZSecondFactorMethod>;

/** The password was right and a second factor is needed: the token stands for this sign-in only, briefly. */
export const ZSecondFactorChallenge = z.object({
  secondFactor: z.object({
    token: z.string(),
    methods: z.array(ZSecondFactorMethod),
    expiresAt: z.iso.datetime(),
  }),
});
export type TSecondFactorChallenge = z.infer<typeof ZSecondFactorChallenge>;

/** What a password sign-in answers: signed in, or one more step. */
export const ZSignInResult = z.union([ZMe, ZSecondFactorChallenge]);
export type TSignInResult = z.infer<typeof ZSignInResult>;

const ZPendingToken = z.string().min(20).max(100);

export const ZCompleteSignInInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), token: ZPendingToken, code: ZTotpCode }),
  z.object({ method: z.literal('recovery_code'), token: ZPendingToken, code: ZRecoveryCode }),
  z.object({ method: z.literal('passkey'), token: ZPendingToken, response: ZAuthenticationResponse }),
]);

/** Asks for passkey options bound to a pending sign-in (the second step). */
export const ZPendingSignInInput = z.object({ token: ZPendingToken });
export type TCompleteSignInInput = z.infer<typeof ZCompleteSignInInput>;

export const ZTwoFactorStatus = z.object({
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TTwoFactorStatus = z.infer<typeof ZTwoFactorStatus>;

/** Shown once when enrolment starts: the secret in text, the otpauth URI and its QR code as SVG. */
export const ZTotpEnrolment = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;

export const ZTotpCodeInput = z.object({ code: ZTotpCode });

/** Shown once, when TOTP is turned on; only their keyed hashes are kept. */
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
