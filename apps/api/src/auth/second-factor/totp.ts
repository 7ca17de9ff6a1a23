import { createHmac, randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import QRCode from 'qrcode';

/** RFC 6238 as every authenticator app reads it by default: SHA-1, 30-second steps, 6 digits. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** 160 bits, the HMAC-SHA-1 block the RFC recommends. */
const SECRET_BYTES = 20;
const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function newTotpSecret(): Uint8Array {
  return new Uint8Array(randomBytes(SECRET_BYTES));
}

/** The secret as a person types it into an app that cannot scan. */
export function secretAsText(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret);
}

/** The `otpauth://` URI and its QR code (an SVG string the backoffice shows as is). */
export async function enrolmentUri(secret: Uint8Array, issuer: string, account: string) {
  const uri = createTOTPKeyURI(issuer, account, secret, PERIOD_SECONDS, DIGITS);
  return { uri, qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
}

export function stepAt(now: number): number {
  return Math.floor(now / 1000 / PERIOD_SECONDS);
}

/**
 * The time step `code` belongs to, within one step either side of now (a
 * phone clock a little off, a code typed as it turned over), and only if it
 * is newer than `lastUsedStep`: a code, once accepted, never works again.
 * Null when the code does not match.
 */
export function acceptedStep(
  secret: Uint8Array,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | null {
  const current = stepAt(now);
  for (const step of [current - 1, current, current + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (verifyHOTP(secret, BigInt(step), DIGITS, code)) return step;
  }
  return null;
}

/** Ten codes of 50 random bits each, shown as `abcde-fghij`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 256 is a multiple of 32, so taking each byte modulo 32 is unbiased.
    const chars = [...randomBytes(10)].map((byte) => BASE32[byte % 32]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/**
 * Recovery codes are stored as a keyed hash (under the hash key, bound to the
 * user): they carry 50 random bits, so a slow password hash would add nothing
 * but a cost on every try, and a stolen table cannot be tested offline
 * without the key. `code` is the normalized form (ZRecoveryCode).
 */
export function recoveryCodeHash(hashKey: Buffer, userId: string, code: string): string {
  const key = createHmac('sha256', hashKey).update('candor/recovery-code/v1').digest();
  return createHmac('sha256', key)
    .update(`${userId}\n${code.replace(/-/g, '')}`)
    .digest('hex');
}
