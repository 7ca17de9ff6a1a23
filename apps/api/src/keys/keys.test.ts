import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { type PublicJwk, signJws, verifyJws } from './jws.js';
import { loadMasterKey, unwrapSecret, wrapSecret } from './master-key.js';

describe('master key', () => {
  it('is generated once into the data folder, with a warning, and read back afterwards', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'candor-keys-'));
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const first = loadMasterKey({ dataDir, logger });
    const second = loadMasterKey({ dataDir, logger });
    expect(first.equals(second)).toBe(true);
    expect(first).toHaveLength(32);
    expect(lines.filter((l) => l.includes('MASTER_KEY'))).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'master.key'), 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('takes MASTER_KEY when given, and refuses one of the wrong size', () => {
    const key = randomBytes(32);
    const logger = createLogger('silent');
    expect(
      loadMasterKey({ fromEnv: key.toString('base64'), dataDir: '/nonexistent', logger }).equals(key),
    ).toBe(true);
    expect(() => loadMasterKey({ fromEnv: 'c2hvcnQ=', dataDir: '/nonexistent', logger })).toThrow(
      /32 random bytes/,
    );
  });

  it('wraps secrets so only the same key unwraps them, and detects tampering', () => {
    const key = randomBytes(32);
    const wrapped = wrapSecret(key, Buffer.from('private key bytes'));
    expect(unwrapSecret(key, wrapped).toString()).toBe('private key bytes');
    expect(() => unwrapSecret(randomBytes(32), wrapped)).toThrow();
    const parts = wrapped.split('.');
    parts[3] = Buffer.from('other bytes here!').toString('base64url');
    expect(() => unwrapSecret(key, parts.join('.'))).toThrow();
  });
});

describe('compact JWS', () => {
  it('verifies with the matching published key only', () => {
    const mine = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const theirs = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwkOf = (k: typeof mine, kid: string) =>
      ({ ...k.publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }) as PublicJwk;
    const jws = signJws(mine.privateKey, 'k1', { hello: 'world' });
    expect(verifyJws(jws, [jwkOf(mine, 'k1')])).toEqual({ hello: 'world' });
    expect(verifyJws(jws, [jwkOf(theirs, 'k1')])).toBeNull();
    expect(verifyJws(jws, [jwkOf(mine, 'other')])).toBeNull();
    expect(verifyJws('not.a.jws', [jwkOf(mine, 'k1')])).toBeNull();
  });
});
