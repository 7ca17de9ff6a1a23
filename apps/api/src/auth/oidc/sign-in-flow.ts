import { type Em, Membership, OidcSignInAttempt, TENANT_FILTER, Tenant, User } from '@candor/db';
import type { TSingleSignOnError } from '@candor/schemas';
import * as oidc from 'openid-client';
import { recordAudit } from '../../audit/audit.service.js';
import { hashToken, newToken } from '../token-hash.js';
import { connectionOf, locationOf, redirectUriOf } from './connection.service.js';
import { providerConfig } from './provider-config.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } } as const;
const ATTEMPT_MINUTES = 10;
const SCOPE = 'openid email profile';

export interface FlowDeps {
  masterKey: Buffer;
  publicUrl: string;
}

/**
 * A single sign-on that does not sign in: `code` goes to the sign-in page
 * (which words it), `reason` to the log. Neither holds personal data nor
 * the provider's own text.
 */
export class SignInRefused extends Error {
  constructor(
    readonly code: TSingleSignOnError,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'SignInRefused';
  }
}

type Connection = NonNullable<Awaited<ReturnType<typeof connectionOf>>>;

/**
 * Starts a sign-in at the tenant's provider: a server-side attempt (the
 * state's hash, nonce, PKCE verifier, ten minutes, once) tied to this
 * browser by `browserSecret`, which the caller puts in an httpOnly cookie.
 * Answers the provider's authorization URL to redirect to.
 */
export async function startSingleSignOn(
  em: Em,
  deps: FlowDeps,
  connection: Connection,
  loginHint?: string,
): Promise<{ authorizationUrl: string; browserSecret: string }> {
  let config: oidc.Configuration;
  try {
    config = await providerConfig(locationOf(connection, deps.masterKey), deps.publicUrl);
  } catch {
    throw new SignInRefused('failed', 'discovery failed');
  }
  // Unfinished attempts of anyone are of no use once expired.
  await em.nativeDelete(OidcSignInAttempt, { expiresAt: { $lt: new Date() } });
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserSecret = newToken();
  em.create(OidcSignInAttempt, {
    id: hashToken(state),
    tenant: em.getReference(Tenant, connection.tenant.id),
    nonce,
    codeVerifier,
    browserHash: hashToken(browserSecret),
    expiresAt: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
    usedAt: null,
  });
  await em.flush();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriOf(deps.publicUrl),
    response_type: 'code',
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { authorizationUrl: url.href, browserSecret };
}

/** The attempt of this callback, claimed once (a conditional update), from the browser that started it. */
async function claimAttempt(em: Em, state: string | undefined, browserSecret: string | undefined) {
  if (!state) throw new SignInRefused('expired', 'callback without state');
  const attempt = await em.findOne(OidcSignInAttempt, { id: hashToken(state) });
  if (!attempt) throw new SignInRefused('expired', 'unknown state');
  // Not claimed on a mismatch: a link started elsewhere must not use up the starter's attempt.
  if (!browserSecret || hashToken(browserSecret) !== attempt.browserHash) {
    throw new SignInRefused('other_browser', 'attempt started in another browser');
  }
  const now = new Date();
  const claimed = await em.nativeUpdate(
    OidcSignInAttempt,
    { id: attempt.id, usedAt: null, expiresAt: { $gt: now } },
    { usedAt: now },
  );
  if (claimed !== 1)
    throw new SignInRefused('expired', attempt.usedAt ? 'state used twice' : 'attempt expired or used');
  return attempt;
}

type Claims = Record<string, unknown>;

/**
 * Whether the provider vouches for the address. `email_verified` is the
 * standard claim; Microsoft Entra ID sends none and instead `xms_edov`
 * (the domain's owner verified the address) when that optional claim is on.
 */
function emailVerified(claims: Claims): boolean {
  return (
    claims.email_verified === true ||
    claims.xms_edov === true ||
    claims.xms_edov === '1' ||
    claims.xms_edov === 1
  );
}

/**
 * The person's claims: the ID token's, completed from the UserInfo endpoint
 * when it leaves out the email (providers such as Okta and oidc-provider put
 * profile claims there when an access token is issued).
 */
async function claimsOf(
  config: oidc.Configuration,
  tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>,
): Promise<Claims> {
  const idClaims = tokens.claims();
  if (!idClaims) throw new SignInRefused('failed', 'no ID token');
  if (typeof idClaims.email === 'string') return idClaims;
  try {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return { ...info, ...idClaims };
  } catch (error) {
    throw new SignInRefused('failed', `userinfo: ${errorCodeOf(error)}`);
  }
}

/** A non-personal name for a failure: openid-client's error code, or the error's class. */
function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code.slice(0, 60);
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * The member signing in: an active member as they are; an invited one
 * accepts the invitation (the provider proved the address, as the invite
 * link would); a deactivated one is refused; someone new to Candor becomes
 * a member with the just-in-time role when the owner set one (a new user
 * without a password); anyone else is refused.
 */
async function memberFor(tx: Em, connection: Connection, claims: Claims, email: string, requestId: string) {
  const tenantId = connection.tenant.id;
  const existing = await tx.findOne(User, { email });
  const membership = existing
    ? await tx.findOne(Membership, { user: existing, tenant: tenantId }, ANY_TENANT)
    : null;
  if (existing && membership?.status === 'active') return existing;
  if (existing && membership?.status === 'invited') {
    membership.status = 'active';
    recordAudit(
      tx,
      { userId: existing.id, tenantId, requestId },
      { action: 'user.accept_invite', targetType: 'User', targetId: existing.id },
    );
    return existing;
  }
  if (membership) throw new SignInRefused('not_a_member', `membership ${membership.status}`);
  if (!connection.jitRole) throw new SignInRefused('not_a_member', 'no membership, just-in-time off');
  // Just-in-time makes members of people new to Candor only. Someone who already has a Candor
  // account (with another organisation) joins by invitation: the allowed domains are the owner's
  // word, not proven, so the provider must not attach an existing account to this organisation.
  if (existing)
    throw new SignInRefused('not_a_member', 'existing account without membership, invitation needed');
  const name =
    typeof claims.name === 'string' && claims.name.trim()
      ? claims.name.trim().slice(0, 120)
      : email.split('@')[0]!;
  const user = tx.create(User, { email, name, passwordHash: null, lastSignInAt: null });
  tx.create(Membership, {
    tenant: tx.getReference(Tenant, tenantId),
    user,
    role: connection.jitRole,
    status: 'active',
  });
  recordAudit(
    tx,
    { userId: user.id, tenantId, requestId },
    {
      action: 'user.jit_provision',
      targetType: 'User',
      targetId: user.id,
    },
  );
  return user;
}

/**
 * The provider's callback: the attempt (known, this browser's, unexpired,
 * unused), the code exchanged with the PKCE verifier (openid-client checks
 * the ID token's issuer, audience, azp, expiry, signature and nonce), a
 * verified address in an allowed domain, then the member. Answers who signs
 * in where; throws SignInRefused otherwise.
 */
export async function finishSingleSignOn(
  em: Em,
  deps: FlowDeps,
  callback: { query: URLSearchParams; browserSecret: string | undefined; requestId: string },
): Promise<{ userId: string; tenantId: string }> {
  const { query } = callback;
  const state = query.get('state') ?? undefined;
  const attempt = await claimAttempt(em, state, callback.browserSecret);
  if (query.has('error'))
    throw new SignInRefused(
      'provider_refused',
      `provider error ${(query.get('error') ?? '').replace(/[^a-z_]/g, '').slice(0, 40)}`,
    );
  const connection = await connectionOf(em, attempt.tenant.id);
  if (!connection?.enabled) throw new SignInRefused('not_available', 'connection removed or disabled');

  let config: oidc.Configuration;
  try {
    config = await providerConfig(locationOf(connection, deps.masterKey), deps.publicUrl);
  } catch {
    throw new SignInRefused('failed', 'discovery failed');
  }
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUriOf(deps.publicUrl)}?${query}`), {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new SignInRefused('failed', `code exchange: ${errorCodeOf(error)}`);
  }
  const claims = await claimsOf(config, tokens);
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email.includes('@')) throw new SignInRefused('email_not_verified', 'no email claim');
  if (!emailVerified(claims)) throw new SignInRefused('email_not_verified', 'email not verified');
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!connection.allowedDomains.includes(domain))
    throw new SignInRefused('domain_not_allowed', 'domain not allowed');

  const tenantId = connection.tenant.id;
  const userId = await em.transactional(async (tx) => {
    const user = await memberFor(tx, connection, claims, email, callback.requestId);
    user.lastSignInAt = new Date();
    recordAudit(
      tx,
      { userId: user.id, tenantId, requestId: callback.requestId },
      {
        action: 'auth.sign_in_oidc',
        targetType: 'User',
        targetId: user.id,
      },
    );
    await tx.flush();
    return user.id;
  });
  return { userId, tenantId };
}
