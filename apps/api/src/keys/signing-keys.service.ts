import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { type Em, TenantSigningKey } from '@candor/db';
import { type PublicJwk, privateKeyFromDer } from './jws.js';
import { unwrapSecret, wrapSecret } from './master-key.js';

/**
 * Parsed private keys by key id. Parsing a PKCS#8 key costs about a
 * millisecond, once per application otherwise; the id is the key pair's
 * thumbprint, so an id always names the same key (a master-key rotation
 * rewraps it, but does not change it). Kept to a few hundred tenants' keys.
 */
const parsedKeys = new Map<string, KeyObject>();
const MAX_PARSED_KEYS = 500;

function parsedKey(kid: string, masterKey: Buffer, wrapped: string): KeyObject {
  const cached = parsedKeys.get(kid);
  if (cached) return cached;
  const key = privateKeyFromDer(unwrapSecret(masterKey, wrapped));
  if (parsedKeys.size >= MAX_PARSED_KEYS) parsedKeys.delete(parsedKeys.keys().next().value as string);
  parsedKeys.set(kid, key);
  return key;
}

/**
 * The tenant's receipt-signing key, made on first use. Retired keys stay
 * published so receipts signed with them can still be verified.
 */
export async function activeSigningKey(
  em: Em,
  tenantId: string,
  masterKey: Buffer,
): Promise<{ kid: string; privateKey: KeyObject }> {
  const existing = await em.findOne(
    TenantSigningKey,
    { tenant: tenantId, retiredAt: null },
    { orderBy: { createdAt: 'asc' } },
  );
  if (existing)
    return { kid: existing.id, privateKey: parsedKey(existing.id, masterKey, existing.privateKeyWrapped) };
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  // The RFC 7638 thumbprint as key id: stable, and says nothing about the tenant.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest('base64url');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  em.create(TenantSigningKey, {
    id: kid,
    tenant: tenantId,
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: jwk.x as string,
      y: jwk.y as string,
      kid,
      alg: 'ES256',
      use: 'sig',
    },
    privateKeyWrapped: wrapSecret(masterKey, der),
  });
  return { kid, privateKey };
}

/** Every public key of the tenant (the set published as `jwks.json`). */
export async function publicSigningKeys(em: Em): Promise<PublicJwk[]> {
  const rows = await em.find(TenantSigningKey, {}, { orderBy: { createdAt: 'asc' } });
  return rows.map((row) => row.publicJwk as PublicJwk);
}
