import { z } from 'zod';
import { SINGLE_SIGN_ON_ERRORS } from './labels.js';
import { ZTenantSlug } from './tenant.js';

export { isSingleSignOnError, SINGLE_SIGN_ON_ERRORS } from './labels.js';

/**
 * Staff single sign-on with a company's OpenID Provider (issue 15): one
 * connection per tenant, managed by an owner.
 */

/** A domain as the person types it ("@Acme.com " works), kept lowercased. */
export const ZEmailDomain = z
  .string()
  .max(253)
  .transform((text) => text.trim().replace(/^@/, '').toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'Enter a domain such as example.com',
      ),
  );

/** Roles a first sign-in may grant without an invitation; never owner. */
export const JIT_ROLES = ['admin', 'recruiter', 'hiring_manager'] as const;
export const ZJitRole = z.enum(JIT_ROLES);
export type TJitRole = z.infer<typeof ZJitRole>;

export const ZSingleSignOnConnection = z.object({
  /** The provider's name on the sign-in button: "Sign in with Okta". */
  providerName: z.string(),
  issuerUrl: z.string(),
  clientId: z.string(),
  /** The secret itself never leaves the server; this says whether one is kept. */
  clientSecretSet: z.boolean(),
  allowedDomains: z.array(z.string()),
  /** The role a first sign-in without an invitation gets; null = only existing members sign in. */
  jitRole: ZJitRole.nullable(),
  enabled: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type TSingleSignOnConnection = z.infer<typeof ZSingleSignOnConnection>;

/**
 * The owner's view: the connection (null before one is saved), the redirect
 * URI to register at the provider, and the organisation's own sign-in link
 * (which shows "Sign in with <provider>" at once) to hand to members.
 */
export const ZSingleSignOnSettings = z.object({
  connection: ZSingleSignOnConnection.nullable(),
  redirectUri: z.string(),
  signInLink: z.string(),
});
export type TSingleSignOnSettings = z.infer<typeof ZSingleSignOnSettings>;

export const ZSaveSingleSignOnInput = z.object({
  providerName: z.string().trim().min(1, 'Name the provider, e.g. Okta').max(40),
  issuerUrl: z
    .string()
    .trim()
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter the issuer URL, e.g. https://example.okta.com' })),
  clientId: z.string().trim().min(1, 'Enter the client ID from the provider').max(255),
  /** Empty or absent on an update keeps the secret already kept. */
  clientSecret: z.string().max(1000).optional(),
  allowedDomains: z.array(ZEmailDomain).min(1, 'Allow at least one email domain').max(20),
  jitRole: ZJitRole.nullable(),
  enabled: z.boolean(),
});
export type TSaveSingleSignOnInput = z.input<typeof ZSaveSingleSignOnInput>;

/** The sign-in page's question for `/#/login?org=<slug>`: which button to show, if any. */
export const ZSingleSignOnOfInput = z.object({ org: ZTenantSlug });
export const ZSingleSignOnButton = z.object({ providerName: z.string() }).nullable();
export type TSingleSignOnButton = z.infer<typeof ZSingleSignOnButton>;

/** Why a single sign-on did not sign in (labels.ts lists the codes). */
export const ZSingleSignOnError = z.enum(SINGLE_SIGN_ON_ERRORS);
export type TSingleSignOnError = z.infer<typeof ZSingleSignOnError>;
