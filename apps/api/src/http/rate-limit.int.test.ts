import { createOrm, type Orm, RateLimitCounter } from '@candor/db';
import { forEachDatabase } from '@candor/db/testing';
import { afterEach, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { RateLimiter } from './rate-limit.js';

/** What another API process sees: its own ORM and connection pool on the same database. */
forEachDatabase('rate limits in the database', (db) => {
  const opened: Orm[] = [];
  const anotherInstance = async (): Promise<Orm> => {
    const orm = await createOrm(db.url());
    opened.push(orm);
    return orm;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((orm) => orm.close()));
  });

  it('shares one limit between two app instances on one database', async () => {
    const [first, second] = [db.orm(), await anotherInstance()];
    const appOn = (orm: Orm) => {
      const deps = testDeps(orm);
      return createApp({
        ...deps,
        limits: {
          ...deps.limits,
          signInPerIp: new RateLimiter(3, 60_000, { store: orm, name: 'shared-signin' }),
        },
      });
    };
    const apps = [appOn(first), appOn(second)];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await apps[i % 2]!.request('/trpc/auth.signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN, 'X-Forwarded-For': '192.0.2.44' },
        body: JSON.stringify({ email: `nobody${i}@example.test`, password: 'wrong-password-123' }),
      });
      statuses.push(res.status);
    }
    // In memory each instance would have allowed 3: six 401s before any 429.
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('never lets concurrent hits on two instances through beyond the limit', async () => {
    const limiters = [db.orm(), await anotherInstance()].map(
      (orm) => new RateLimiter(5, 60_000, { store: orm, name: 'race' }),
    );
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => limiters[i % 2]!.hit('one-key')));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  it('keeps counts across a restart', async () => {
    const before = new RateLimiter(2, 60_000, { store: db.orm(), name: 'restart' });
    expect([await before.hit('k'), await before.hit('k'), await before.hit('k')]).toEqual([
      true,
      true,
      false,
    ]);
    const restarted = await anotherInstance();
    const after = new RateLimiter(2, 60_000, { store: restarted, name: 'restart' });
    expect(await after.hit('k')).toBe(false);
    await after.reset('k');
    expect(await before.hit('k')).toBe(true);
  });

  it('starts a new window once the old one has expired, and sweeps expired rows', async () => {
    const short = new RateLimiter(1, 100, { store: db.orm(), name: 'short' });
    expect([await short.hit('k'), await short.hit('k')]).toEqual([true, false]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await short.hit('k')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // A limiter's first write sweeps what has expired, whoever wrote it.
    await new RateLimiter(1, 60_000, { store: db.orm(), name: 'sweeper' }).hit('k');
    expect(await db.orm().em.fork().count(RateLimitCounter, { key: 'short:k' })).toBe(0);
  });
});
