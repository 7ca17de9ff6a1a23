import { z } from 'zod';

/**
 * Passkeys (WebAuthn). The options go to @simplewebauthn/browser as they
 * are; the browser's answers come back as RegistrationResponseJSON and
 * AuthenticationResponseJSON, checked here for shape and size only (the API
 * verifies them with @simplewebauthn/server). Field sizes are generous
 * bounds: a credential id is at most 1,023 bytes, a post-quantum public key
 * a few kilobytes.
 */
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'Not base64url');

const ZCredentialId = base64url(1400).min(1);
const ZTransports = z.array(z.string().max(32)).max(10);
const ZAttachment = z.enum(['platform', 'cross-platform']);
const ZUserVerification = z.enum(['required', 'preferred', 'discouraged']);

/** Extension outputs the API reads: none, so only credProps is kept and everything else dropped. */
const ZClientExtensionResults = z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() });

export const ZRegistrationResponse = z.object({
  id: ZCredentialId,
  rawId: ZCredentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32_768),
    authenticatorData: base64url(16_384).optional(),
    transports: ZTransports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(16_384).optional(),
  }),
  authenticatorAttachment: ZAttachment.optional(),
  clientExtensionResults: ZClientExtensionResults,
});
export type TRegistrationResponse = z.infer<typeof ZRegistrationResponse>;

export const ZAuthenticationResponse = z.object({
  id: ZCredentialId,
  rawId: ZCredentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(16_384),
    signature: base64url(16_384),
    userHandle: base64url(256).optional(),
  }),
  authenticatorAttachment: ZAttachment.optional(),
  clientExtensionResults: ZClientExtensionResults,
});
export type TAuthenticationResponse = z.infer<typeof ZAuthenticationResponse>;

const ZCredentialDescriptor = z.object({
  id: z.string(),
  type: z.literal('public-key'),
  transports: z.array(z.string()).optional(),
});

/** What navigator.credentials.create() needs (PublicKeyCredentialCreationOptionsJSON). */
export const ZPasskeyRegistrationOptions = z.object({
  rp: z.object({ id: z.string().optional(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
  timeout: z.number().optional(),
  excludeCredentials: z.array(ZCredentialDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: ZAttachment.optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: ZUserVerification.optional(),
    })
    .optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
});
export type TPasskeyRegistrationOptions = z.infer<typeof ZPasskeyRegistrationOptions>;

/** What navigator.credentials.get() needs (PublicKeyCredentialRequestOptionsJSON). */
export const ZPasskeyAuthenticationOptions = z.object({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(ZCredentialDescriptor).optional(),
  userVerification: ZUserVerification.optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
});
export type TPasskeyAuthenticationOptions = z.infer<typeof ZPasskeyAuthenticationOptions>;

/** What a person calls a passkey, to tell theirs apart on the Account page. */
export const ZPasskeyName = z
  .string()
  .trim()
  .min(1, 'Give the passkey a name, like "MacBook Touch ID"')
  .max(60, 'At most 60 characters');

export const ZPasskeyRegisterInput = z.object({ name: ZPasskeyName, response: ZRegistrationResponse });
export type TPasskeyRegisterInput = z.infer<typeof ZPasskeyRegisterInput>;

export const ZPasskeyIdInput = z.object({ id: z.uuid('Not a passkey') });
export const ZPasskeyRenameInput = z.object({ id: z.uuid('Not a passkey'), name: ZPasskeyName });

/** One of the signed-in user's passkeys, as the Account page lists it. */
export const ZPasskeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  /** Synced between the person's devices (a passkey manager) rather than bound to one authenticator. */
  synced: z.boolean(),
});
export type TPasskeySummary = z.infer<typeof ZPasskeySummary>;

/** Passwordless sign-in: the passkey says who; `tenantSlug` picks the organisation as the password sign-in does. */
export const ZPasskeySignInInput = z.object({
  response: ZAuthenticationResponse,
  tenantSlug: z.string().trim().min(1).max(40).optional(),
});
export type TPasskeySignInInput = z.infer<typeof ZPasskeySignInInput>;
