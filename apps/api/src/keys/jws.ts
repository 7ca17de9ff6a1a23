import {
  createPrivateKey,
  createPublicKey,
  type JsonWebKey,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

/** A public key as published in the tenant's `jwks.json`. */
export type PublicJwk = JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' };

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A compact JWS (ES256) over a JSON payload. */
export function signJws(privateKey: KeyObject, kid: string, payload: object): string {
  const head = `${b64(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))}.${b64(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(head), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${head}.${signature.toString('base64url')}`;
}

/** The payload of a compact JWS if one of the keys signed it, else null. */
export function verifyJws(jws: string, keys: readonly PublicJwk[]): unknown | null {
  const [header, payload, signature] = jws.split('.');
  if (!header || !payload || !signature) return null;
  let kid: unknown;
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      alg?: unknown;
      kid?: unknown;
    };
    if (parsed.alg !== 'ES256') return null;
    kid = parsed.kid;
  } catch {
    return null;
  }
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) return null;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  return ok ? JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) : null;
}

export function privateKeyFromDer(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}
