import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows the limit per window and starts over in the next window', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    expect([limiter.hit('k'), limiter.hit('k'), limiter.hit('k')]).toEqual([true, true, false]);
    expect(limiter.hit('other')).toBe(true);
    now = 1000;
    expect(limiter.hit('k')).toBe(true);
  });
});
