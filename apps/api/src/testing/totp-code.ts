import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';

/**
 * What an authenticator app shows for `secret` (base32, as enrolment hands it
 * out), `stepsAhead` 30-second steps from now; the server accepts one step
 * either way. For the API's tests and the browser tests alike.
 */
export function totpCodeFor(secret: string, stepsAhead = 0): string {
  const step = Math.floor(Date.now() / 30_000) + stepsAhead;
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
}
