import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Orm } from '@candor/db';
import { createSessions } from './auth/sessions.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import { createCareersPublisher } from './careers/careers-publisher.js';
import type { AppDeps } from './deps.js';
import { dataDir, type Env, trustedProxyHops } from './env.js';
import { type CounterStore, RateLimiter, redisCounterStore } from './http/rate-limit.js';
import { loadHashKey } from './keys/hash-key.js';
import { loadMasterKey } from './keys/master-key.js';
import type { Logger } from './logging/logger.js';
import { openStorage } from './storage/open-storage.js';

/** The admin's built SPA, from ADMIN_DIST_DIR or the workspace's apps/admin/dist. */
function findAdminDir(env: Env): string | null {
  const dir = resolve(env.ADMIN_DIST_DIR ?? join(import.meta.dirname, '..', '..', 'admin', 'dist'));
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

export async function buildDeps(
  env: Env,
  orm: Orm,
  logger: Logger,
): Promise<AppDeps & { publishAllCareers(): Promise<void> }> {
  const publicUrl = (env.APP_ORIGIN?.split(',')[0] ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  // Disk under DATA_DIR by default; STORAGE_URL / KEY_STORE_URL put files, sites and keys in buckets (docs/storage.md).
  const storage = await openStorage(env, { onWarning: (message) => logger.warn('storage', { message }) });
  const { files, careersDir } = storage;
  if (env.STORAGE_URL || env.KEY_STORE_URL) logger.info('storage', storage.where);
  const masterKey = loadMasterKey({
    fromEnv: env.MASTER_KEY,
    previous: env.MASTER_KEY_PREVIOUS,
    dataDir: dataDir(env),
    logger,
  });
  // Shared by every instance on this database (or Redis) and kept across restarts.
  const counters: CounterStore = env.RATE_LIMIT_REDIS_URL
    ? redisCounterStore(env.RATE_LIMIT_REDIS_URL, (error) =>
        logger.warn('rate-limit store unreachable; limiting in memory', { reason: error.message }),
      )
    : orm;
  const limit = (name: string, points: number, windowMs: number) =>
    new RateLimiter(points, windowMs, { store: counters, name });
  const careers = createCareersPublisher({ orm, site: storage.careers, publicUrl, logger, files, masterKey });
  return {
    orm,
    logger,
    sessions: createSessions(orm, { secureCookies: publicUrl.startsWith('https://') }),
    publicUrl,
    allowedOrigins: env.APP_ORIGIN ? env.APP_ORIGIN.split(',').map((o) => o.trim()) : [],
    allowPrivateHosts: env.OUTBOUND_ALLOW_PRIVATE_HOSTS === 'true',
    limits: {
      signInPerIp: limit('signin-ip', 30, 60_000),
      publicPerIp: limit('public-ip', 20, 60_000),
      // Generous for shared office networks, tight enough to stop a script.
      applyPerIp: limit('apply-ip', 30, 60 * 60_000),
      // A code costs an email: a few per address and network, enough per client address for a shared office.
      portalCodePerIp: limit('portal-code-ip', 10, 15 * 60_000),
      portalCodePerEmailAndNetwork: limit('portal-code-email', 3, 15 * 60_000),
      // Each code also dies after 5 wrong tries; this stops one address cycling through many codes.
      portalVerifyPerIp: limit('portal-verify-ip', 30, 15 * 60_000),
      // A reset request may send an email: 3 per address an hour cannot flood an inbox.
      passwordResetPerIp: limit('reset-ip', 10, 15 * 60_000),
      passwordResetPerEmail: limit('reset-email', 3, 60 * 60_000),
      secondFactorPerUser: limit('second-factor-user', 10, 15 * 60_000),
      secondFactorPerSignIn: limit('second-factor-sign-in', 5, 5 * 60_000),
      passwordCheckPerUser: limit('password-check-user', 10, 15 * 60_000),
      // An HR sync pages through lists; a runaway loop is stopped within a minute.
      apiPerKey: limit('api-key', 600, 60_000),
    },
    signInThrottle: new SignInThrottle(counters),
    publishCareers: careers.publish,
    publishAllCareers: careers.publishAll,
    trustedProxyHops: trustedProxyHops(env),
    adminDir: findAdminDir(env),
    careersDir,
    ...(storage.careersFromBucket ? { careersFromBucket: storage.careersFromBucket } : {}),
    files,
    masterKey,
    hashKey: await loadHashKey(orm, masterKey),
    applyContextMs: env.APPLY_CONTEXT_MS,
    keyStore: storage.keyStore,
  };
}
