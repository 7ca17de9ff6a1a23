import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('the environment', () => {
  it('refuses to start in production without MASTER_KEY, and says how to make one', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(
      /MASTER_KEY: required in production[\s\S]*openssl rand -base64 32/,
    );
  });

  it('starts in production with MASTER_KEY, and without one elsewhere (the embedded default generates a key file)', () => {
    const key = randomBytes(32).toString('base64');
    expect(readEnv({ NODE_ENV: 'production', MASTER_KEY: key }).MASTER_KEY).toBe(key);
    expect(readEnv({ NODE_ENV: 'development' }).MASTER_KEY).toBeUndefined();
  });
});
