import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter in memory', () => {
  it('allows the limit per window and starts over in the next window', async () => {
    const limiter = new RateLimiter(2, 200);
    expect([await limiter.hit('k'), await limiter.hit('k'), await limiter.hit('k')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(await limiter.hit('other')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await limiter.hit('k')).toBe(true);
  });

  it('forgets a key on reset', async () => {
    const limiter = new RateLimiter(1, 60_000);
    expect([await limiter.hit('k'), await limiter.hit('k')]).toEqual([true, false]);
    await limiter.reset('k');
    expect(await limiter.hit('k')).toBe(true);
  });
});
