import { type Em, OidcConnection, TENANT_FILTER, Tenant } from '@candor/db';
import type {
  TSaveSingleSignOnInput,
  TSingleSignOnButton,
  TSingleSignOnConnection,
  TSingleSignOnSettings,
} from '@candor/schemas';
import { ZSaveSingleSignOnInput } from '@candor/schemas';
import { recordAudit } from '../../audit/audit.service.js';
import { unwrapSecret, wrapSecret } from '../../keys/master-key.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { checkIssuer, type ProviderLocation } from './provider-config.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } } as const;

type Connection = NonNullable<Awaited<ReturnType<typeof connectionOf>>>;

/** The redirect URI the owner registers at the provider; the callback route answers there. */
export function redirectUriOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/auth/oidc/callback`;
}

export async function connectionOf(em: Em, tenantId: string) {
  return em.findOne(OidcConnection, { tenant: tenantId }, ANY_TENANT);
}

function toDto(connection: Connection): TSingleSignOnConnection {
  return {
    providerName: connection.providerName,
    issuerUrl: connection.issuerUrl,
    clientId: connection.clientId,
    clientSecretSet: connection.clientSecretWrapped.length > 0,
    allowedDomains: connection.allowedDomains,
    jitRole: connection.jitRole ?? null,
    enabled: connection.enabled,
    updatedAt: connection.updatedAt.toISOString(),
  };
}

export async function singleSignOnSettings(
  em: Em,
  actor: Actor,
  publicUrl: string,
): Promise<TSingleSignOnSettings> {
  const connection = await connectionOf(em, actor.tenantId);
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  return {
    connection: connection ? toDto(connection) : null,
    redirectUri: redirectUriOf(publicUrl),
    signInLink: `${publicUrl.replace(/\/$/, '')}/admin/#/login?org=${tenant.slug}`,
  };
}

/** Where and how Candor signs in at the tenant's provider, the secret unsealed. */
export function locationOf(
  connection: Connection,
  masterKey: Buffer,
): ProviderLocation & { version: string } {
  return {
    issuerUrl: connection.issuerUrl,
    clientId: connection.clientId,
    clientSecret: unwrapSecret(masterKey, connection.clientSecretWrapped).toString('utf8'),
    version: `${connection.id}:${connection.updatedAt.getTime()}`,
  };
}

/**
 * Saves the tenant's connection after checking, server-side, that the issuer
 * publishes an OpenID Connect discovery document (a field error otherwise).
 * An empty secret on an update keeps the sealed one.
 */
export async function saveSingleSignOn(
  em: Em,
  deps: { masterKey: Buffer; publicUrl: string },
  actor: Actor,
  raw: TSaveSingleSignOnInput,
): Promise<TSingleSignOnSettings> {
  const input = ZSaveSingleSignOnInput.parse(raw);
  const existing = await connectionOf(em, actor.tenantId);
  const issuerUrl = input.issuerUrl.replace(/\/$/, '');
  const newSecret = input.clientSecret?.trim() ? input.clientSecret.trim() : null;
  if (!existing && !newSecret) {
    throw new AppError('BAD_REQUEST', 'Some fields are not valid', {
      clientSecret: ['Enter the client secret from the provider'],
    });
  }
  const clientSecret =
    newSecret ?? unwrapSecret(deps.masterKey, existing!.clientSecretWrapped).toString('utf8');
  await checkIssuer({ issuerUrl, clientId: input.clientId, clientSecret }, deps.publicUrl);

  const values = {
    providerName: input.providerName,
    issuerUrl,
    clientId: input.clientId,
    allowedDomains: [...new Set(input.allowedDomains)],
    jitRole: input.jitRole,
    enabled: input.enabled,
    ...(newSecret ? { clientSecretWrapped: wrapSecret(deps.masterKey, Buffer.from(newSecret, 'utf8')) } : {}),
  };
  if (existing) {
    em.assign(existing, { ...values, updatedAt: new Date() });
  } else {
    em.create(OidcConnection, {
      tenant: em.getReference(Tenant, actor.tenantId),
      clientSecretWrapped: '',
      ...values,
    });
  }
  recordAudit(em, actor, {
    action: existing ? 'sso.update' : 'sso.create',
    targetType: 'OidcConnection',
    targetId: actor.tenantId,
  });
  await em.flush();
  return singleSignOnSettings(em, actor, deps.publicUrl);
}

export async function removeSingleSignOn(
  em: Em,
  actor: Actor,
  publicUrl: string,
): Promise<TSingleSignOnSettings> {
  const existing = await connectionOf(em, actor.tenantId);
  if (!existing) throw new AppError('NOT_FOUND', 'Single sign-on is not set up');
  em.remove(existing);
  recordAudit(em, actor, { action: 'sso.remove', targetType: 'OidcConnection', targetId: actor.tenantId });
  await em.flush();
  return singleSignOnSettings(em, actor, publicUrl);
}

/** The button for `/#/login?org=<slug>`: null alike for an unknown organisation and one without single sign-on. */
export async function singleSignOnButtonOf(em: Em, slug: string): Promise<TSingleSignOnButton> {
  const connection = await em.findOne(OidcConnection, { tenant: { slug }, enabled: true }, ANY_TENANT);
  return connection ? { providerName: connection.providerName } : null;
}

export type TenantChoice =
  | { kind: 'found'; connection: Connection }
  | { kind: 'none' }
  | { kind: 'ambiguous' };

/** The enabled connection of the organisation `slug`, for the start route. */
export async function connectionForSlug(em: Em, slug: string): Promise<TenantChoice> {
  const connection = await em.findOne(OidcConnection, { tenant: { slug }, enabled: true }, ANY_TENANT);
  return connection ? { kind: 'found', connection } : { kind: 'none' };
}

/**
 * The organisation a work address signs in to, by its domain: the one
 * enabled connection allowing it. Only the domain decides (never whether the
 * person has an account), so the answer tells nothing about the person; an
 * unknown domain and a known one without single sign-on get the same. Two
 * organisations allowing one domain (a shared mail provider, say) cannot be
 * told apart from an address: their members use the organisation's link.
 * Connections are few (one per tenant) and read whole; a table of domains
 * would index them if that changes.
 */
export async function connectionForEmail(em: Em, email: string): Promise<TenantChoice> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const enabled = await em.find(OidcConnection, { enabled: true }, ANY_TENANT);
  const matching = enabled.filter((connection) => connection.allowedDomains.includes(domain));
  if (matching.length === 0) return { kind: 'none' };
  if (matching.length > 1) return { kind: 'ambiguous' };
  return { kind: 'found', connection: matching[0]! };
}
