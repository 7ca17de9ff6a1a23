import { z } from 'zod';
import { ZRole } from './roles.js';

/** The kinds of second factor a member can have set up (recovery codes come with an authenticator app). */
export const SECOND_FACTOR_KINDS = ['totp', 'passkey'] as const;
export const ZSecondFactorKind = z.enum(SECOND_FACTOR_KINDS);
export type TSecondFactorKind = z.infer<typeof ZSecondFactorKind>;

/** A member of the tenant and the second factors they have, as the owner sees them. */
export const ZMemberFactors = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  secondFactors: z.array(ZSecondFactorKind),
  /** Passkeys sign in on their own, so they count as a second factor; how many the member has. */
  passkeys: z.number().int(),
});
export type TMemberFactors = z.infer<typeof ZMemberFactors>;

/** The tenant's sign-in rule and who meets it (active members only). */
export const ZSignInRules = z.object({
  requireSecondFactor: z.boolean(),
  members: z.array(ZMemberFactors),
});
export type TSignInRules = z.infer<typeof ZSignInRules>;

export const ZRequireSecondFactorInput = z.object({ required: z.boolean() });
export type TRequireSecondFactorInput = z.infer<typeof ZRequireSecondFactorInput>;
