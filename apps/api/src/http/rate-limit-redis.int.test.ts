import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter, redisCounterStore } from './rate-limit.js';

/**
 * Rate limits in a real Redis (RATE_LIMIT_REDIS_URL), as several API
 * instances would share them. CI starts Redis on 127.0.0.1:6379 and sets
 * CANDOR_REQUIRE_REDIS, so this never skips there.
 */
const REDIS_URL = process.env.CANDOR_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(): Promise<boolean> {
  const probe = redisCounterStore(REDIS_URL, () => undefined);
  try {
    await new Promise<void>((ok, fail) => {
      probe.once('ready', ok);
      probe.once('error', fail);
    });
    return true;
  } catch {
    if (process.env.CANDOR_REQUIRE_REDIS)
      throw new Error(`Redis is required in CI and not reachable at ${REDIS_URL}`);
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = await reachable();

describe.skipIf(!available)('rate limits in Redis', () => {
  const clients: Redis[] = [];
  const instance = () => {
    const client = redisCounterStore(REDIS_URL, () => undefined);
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    await Promise.all([instance(), instance()].map((c) => new Promise((ok) => c.once('ready', ok))));
  });
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  it('shares one limit between two instances, each with its own connection', async () => {
    const name = `test-shared-${randomBytes(6).toString('hex')}`;
    const [first, second] = [
      new RateLimiter(3, 60_000, { store: clients[0]!, name }),
      new RateLimiter(3, 60_000, { store: clients[1]!, name }),
    ];
    const results: boolean[] = [];
    for (let i = 0; i < 5; i++) results.push(await (i % 2 ? second : first).hit('192.0.2.7'));
    expect(results).toEqual([true, true, true, false, false]);
    // Another key has its own count.
    expect(await first.hit('192.0.2.8')).toBe(true);
  });

  it('never lets concurrent hits through beyond the limit', async () => {
    const name = `test-race-${randomBytes(6).toString('hex')}`;
    const limiters = [
      new RateLimiter(10, 60_000, { store: clients[0]!, name }),
      new RateLimiter(10, 60_000, { store: clients[1]!, name }),
    ];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => limiters[i % 2]!.hit('198.51.100.1')),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  it('falls back to a limit in memory when Redis cannot be reached, instead of refusing everyone', async () => {
    const unreachable = redisCounterStore('redis://127.0.0.1:1', () => undefined);
    clients.push(unreachable);
    const limiter = new RateLimiter(2, 60_000, { store: unreachable, name: 'test-down' });
    expect([await limiter.hit('a'), await limiter.hit('a'), await limiter.hit('a')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
