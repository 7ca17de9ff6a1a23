import * as oidc from 'openid-client';
import { AppError } from '../../trpc/app-error.js';

/**
 * The company's OpenID Provider as openid-client sees it, learnt from its
 * discovery document (`<issuer>/.well-known/openid-configuration`).
 */
export interface ProviderLocation {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

const DISCOVERY_TIMEOUT_SECONDS = 5;
/** Discovery documents and keys change rarely; a cached configuration saves a round trip per sign-in. */
const CACHE_MS = 10 * 60_000;

/**
 * Plain http is for a provider on this machine in development and tests
 * only: with an https APP_ORIGIN (production) every issuer must be https,
 * and with http it must still be a loopback address.
 */
export function insecureIssuerAllowed(issuerUrl: URL, publicUrl: string): boolean {
  if (issuerUrl.protocol === 'https:') return false;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuerUrl.hostname);
  return loopback && publicUrl.startsWith('http://');
}

/** Why a discovery failed, as a field error the owner can act on. */
function discoveryError(error: unknown, issuerUrl: string): AppError {
  const code = (error as { code?: unknown }).code;
  const message =
    code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED'
      ? 'The provider names itself with another issuer URL; copy the issuer exactly as the provider shows it'
      : typeof code === 'string' && code.startsWith('OAUTH_')
        ? `No OpenID Connect discovery document at ${issuerUrl}/.well-known/openid-configuration`
        : 'Candor could not reach this address; check the issuer URL';
  return new AppError('BAD_REQUEST', 'The identity provider could not be used', { issuerUrl: [message] });
}

async function discover(location: ProviderLocation, publicUrl: string): Promise<oidc.Configuration> {
  const issuer = new URL(location.issuerUrl);
  if (issuer.protocol !== 'https:' && !insecureIssuerAllowed(issuer, publicUrl)) {
    throw new AppError('BAD_REQUEST', 'The identity provider could not be used', {
      issuerUrl: ['Use the https:// address of the provider'],
    });
  }
  const execute = issuer.protocol === 'https:' ? [] : [oidc.allowInsecureRequests];
  try {
    // First with the spec's default client authentication (HTTP Basic); a provider that
    // does not offer it (some accept only a form post) gets the secret in the form.
    const basic = await oidc.discovery(
      issuer,
      location.clientId,
      undefined,
      oidc.ClientSecretBasic(location.clientSecret),
      {
        execute,
        timeout: DISCOVERY_TIMEOUT_SECONDS,
      },
    );
    const methods = basic.serverMetadata().token_endpoint_auth_methods_supported;
    if (!methods || methods.includes('client_secret_basic') || !methods.includes('client_secret_post'))
      return basic;
    return new oidc.Configuration(
      basic.serverMetadata(),
      location.clientId,
      undefined,
      oidc.ClientSecretPost(location.clientSecret),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw discoveryError(error, location.issuerUrl);
  }
}

const cache = new Map<string, { config: Promise<oidc.Configuration>; until: number }>();

/**
 * The provider's configuration for a connection, discovered at most every
 * ten minutes per version of the connection (`version` changes when the
 * owner saves it). Throws AppError with an `issuerUrl` field error.
 */
export async function providerConfig(
  location: ProviderLocation & { version: string },
  publicUrl: string,
): Promise<oidc.Configuration> {
  const key = `${location.version}|${location.issuerUrl}|${location.clientId}`;
  const cached = cache.get(key);
  if (cached && cached.until > Date.now()) return cached.config;
  const config = discover(location, publicUrl);
  cache.set(key, { config, until: Date.now() + CACHE_MS });
  // A failed discovery is not kept: the next sign-in tries again.
  config.catch(() => cache.delete(key));
  return config;
}

/** Checks an issuer for the owner's form, without the cache. */
export async function checkIssuer(location: ProviderLocation, publicUrl: string): Promise<void> {
  const config = await discover(location, publicUrl);
  if (!config.serverMetadata().authorization_endpoint || !config.serverMetadata().token_endpoint) {
    throw new AppError('BAD_REQUEST', 'The identity provider could not be used', {
      issuerUrl: ['This provider does not offer the authorization code flow'],
    });
  }
}
