import { createRequire } from 'node:module';
import type { Orm } from '@candor/db';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterStoreAbstract as StoreAbstract,
} from 'rate-limiter-flexible';

// The base class the library's docs tell store authors to extend: typed by its index, but not exported from it at runtime.
const RateLimiterStoreAbstract: typeof StoreAbstract = createRequire(import.meta.url)(
  'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js',
);

/**
 * Where counters live: the database (shared by every API instance on it and
 * kept across restarts), Redis when the operator configures one
 * (RATE_LIMIT_REDIS_URL: no writes on the database for each request), or
 * `null` for this process's memory (tests, scripts).
 */
export type CounterStore = Orm | Redis | null;

/**
 * A Redis client for counters. Commands are not queued while Redis is
 * unreachable: they fail at once and the memory insurance limiter answers,
 * so an outage degrades the limits instead of holding every request.
 */
export function redisCounterStore(url: string, onError: (error: Error) => void): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', onError);
  return client;
}

const TABLE = '"rate_limit_counter"';
/** Expired rows are dead weight only; one indexed delete per instance every few minutes keeps the table small. */
const SWEEP_EVERY_MS = 5 * 60_000;

type CounterRow = { points: number | string; expires_at: number | string };

/**
 * rate-limiter-flexible's store contract over our own table
 * (`RateLimitCounter` in @candor/db), through the ORM's connection.
 *
 * Why not the library's own stores: RateLimiterPostgres wants a `pg` pool and
 * RateLimiterSQLite a sqlite3/better-sqlite3 client, while Candor reaches
 * SQLite through @mikro-orm/libsql; both would also create their tables
 * outside our migrations. One upsert (`insert ... on conflict do update ...
 * returning`) reads the same on PostgreSQL and SQLite 3.35+, and is atomic on
 * both, so concurrent instances never lose a hit.
 */
class DatabaseRateLimiter extends RateLimiterStoreAbstract {
  private lastSweep = 0;

  constructor(
    private readonly orm: Orm,
    options: { keyPrefix: string; points: number; duration: number; insuranceLimiter: RateLimiterAbstract },
  ) {
    super({ ...options, storeClient: orm });
  }

  private execute(sql: string, params: unknown[]): Promise<CounterRow[]> {
    return this.orm.em.getConnection().execute(sql, params as never[]);
  }

  async _upsert(
    rlKey: string,
    points: number,
    msDuration: number,
    forceExpire: boolean,
  ): Promise<CounterRow> {
    const now = Date.now();
    await this.sweep(now);
    const expiresAt = msDuration > 0 ? now + msDuration : Number.MAX_SAFE_INTEGER;
    // A live window adds to its count; an expired one (or a `set`/`block`) starts over.
    const startsOver = forceExpire ? 'true' : `${TABLE}."expires_at" <= ?`;
    const rows = await this.execute(
      `insert into ${TABLE} ("key", "points", "expires_at") values (?, ?, ?)
       on conflict ("key") do update set
         "points" = case when ${startsOver} then excluded."points" else ${TABLE}."points" + excluded."points" end,
         "expires_at" = case when ${startsOver} then excluded."expires_at" else ${TABLE}."expires_at" end
       returning "points", "expires_at"`,
      forceExpire ? [rlKey, points, expiresAt] : [rlKey, points, expiresAt, now, now],
    );
    return rows[0]!;
  }

  async _get(rlKey: string): Promise<CounterRow | null> {
    const rows = await this.execute(
      `select "points", "expires_at" from ${TABLE} where "key" = ? and "expires_at" > ?`,
      [rlKey, Date.now()],
    );
    return rows[0] ?? null;
  }

  async _delete(rlKey: string): Promise<boolean> {
    await this.execute(`delete from ${TABLE} where "key" = ?`, [rlKey]);
    return true;
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, row: CounterRow): RateLimiterRes {
    const consumed = Number(row.points);
    const expiresAt = Number(row.expires_at);
    return new RateLimiterRes(
      Math.max(this.points - consumed, 0),
      expiresAt === Number.MAX_SAFE_INTEGER ? -1 : Math.max(expiresAt - Date.now(), 0),
      consumed,
      changedPoints === consumed,
    );
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.execute(`delete from ${TABLE} where "expires_at" < ?`, [now]);
  }
}

/**
 * A rate-limiter-flexible limiter of `points` per `windowMs` (a fixed window
 * from the first point) in `store`, its keys prefixed by `name`. If the
 * database (or Redis) fails, a per-process memory limiter stands in (the library's
 * insurance), so an outage degrades the limit instead of refusing everyone.
 */
export function flexibleLimiter(
  store: CounterStore,
  name: string,
  points: number,
  windowMs: number,
): RateLimiterAbstract {
  const options = { keyPrefix: name, points, duration: windowMs / 1000 };
  const memory = new RateLimiterMemory(options);
  if (store instanceof Redis)
    return new RateLimiterRedis({ ...options, storeClient: store, insuranceLimiter: memory });
  return store ? new DatabaseRateLimiter(store, { ...options, insuranceLimiter: memory }) : memory;
}

/** Counts hits per key: `limit` per window of `windowMs`. */
export class RateLimiter {
  private readonly limiter: RateLimiterAbstract;

  /** `name` keeps the keys of different limiters in one store apart; every database-backed limiter needs its own. */
  constructor(limit: number, windowMs: number, options: { store?: CounterStore; name?: string } = {}) {
    this.limiter = flexibleLimiter(options.store ?? null, options.name ?? 'limit', limit, windowMs);
  }

  /** Counts one hit for `key`; false when the key is over its limit in this window. */
  async hit(key: string): Promise<boolean> {
    try {
      await this.limiter.consume(key);
      return true;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return false;
      throw refusal;
    }
  }

  /** Like `hit`, and says how long until the window has room again when it is full (for Retry-After). */
  async take(key: string): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
    try {
      await this.limiter.consume(key);
      return { ok: true };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterMs: refusal.msBeforeNext };
      throw refusal;
    }
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
