import type { Orm } from '@candor/db';
import type { Sessions } from './auth/sessions.js';
import type { SignInThrottle } from './auth/sign-in-throttle.js';
import type { BackgroundCheckProvider } from './background-checks/providers.js';
import type { JobQueue } from './background-jobs/job-definition.js';
import type { FileStore } from './files/file-store.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { KeyStore } from './keys/key-store.js';
import type { Logger } from './logging/logger.js';
import type { CareersFromBucket } from './storage/open-storage.js';

/** Everything the app needs from outside, built once by server.ts (or a test). */
export interface AppDeps {
  orm: Orm;
  sessions: Sessions;
  logger: Logger;
  /** Public base URL used in links sent by email, e.g. http://localhost:3000 */
  publicUrl: string;
  /** Origins allowed to send mutations (the browser's Origin header). */
  allowedOrigins: string[];
  /** Whether servers Candor calls for a member (CalDAV) may be on private networks (http/outbound-host.ts). */
  allowPrivateHosts: boolean;
  /** Counters live in the database (http/rate-limit.ts), so every instance on it shares them and a restart keeps them. */
  limits: {
    /** Every sign-in attempt per client address, across accounts (wrong passwords per account are the throttle's). */
    signInPerIp: RateLimiter;
    publicPerIp: RateLimiter;
    applyPerIp: RateLimiter;
    /**
     * Privacy-portal codes asked for, per client address and per (tenant, email, network): a stranger asking
     * for someone's codes uses up only their own network's share. Code tries per address.
     */
    portalCodePerIp: RateLimiter;
    portalCodePerEmailAndNetwork: RateLimiter;
    portalVerifyPerIp: RateLimiter;
    /** "Forgot password?" requests, per network address and per address asked for (each may send an email). */
    passwordResetPerIp: RateLimiter;
    passwordResetPerEmail: RateLimiter;
    /** Second-factor codes tried, per user and per pending sign-in (see auth/second-factor/code-guessing.ts). */
    secondFactorPerUser: RateLimiter;
    secondFactorPerSignIn: RateLimiter;
    /**
     * Current passwords checked by a signed-in user changing theirs, per user: a borrowed
     * session must not become a way round the sign-in throttle to guess the password.
     */
    passwordCheckPerUser: RateLimiter;
    /** REST API requests per API key (rest-api/), shared by every instance. */
    apiPerKey: RateLimiter;
  };
  /** Wrong passwords per (account, client address), with growing waits; see auth/sign-in-throttle.ts. */
  signInThrottle: SignInThrottle;
  /** Rebuilds a tenant's static careers site after a change that shows there. */
  publishCareers(tenantId: string): Promise<void>;
  /** Reverse proxies in front whose X-Forwarded-For entries are believed (0: none); see http/client-ip.ts. */
  trustedProxyHops: number;
  adminDir: string | null;
  /** The folder `/careers/` is served from, unless `careersFromBucket` is set. */
  careersDir: string;
  /** With object storage (STORAGE_URL=s3://...): `/careers/` is served from this bucket's key prefix (docs/storage.md). */
  careersFromBucket?: CareersFromBucket;
  /** Uploaded documents (resumes ...), under DATA_DIR/files by default, or in a bucket (STORAGE_URL). */
  files: FileStore;
  /** Wraps every stored secret (receipt-signing keys); from MASTER_KEY or DATA_DIR/master.key. */
  masterKey: Buffer;
  /** The root of keyed hashes (audit pseudonyms, portal code hashes, renewal links); see keys/hash-key.ts. */
  hashKey: Buffer;
  /** How long an instance reuses what it read about a job to check application forms for it (careers/apply.service.ts); 0: every form reads it. */
  applyContextMs?: number;
  /** Candidate data keys, one file each, outside the database (KEYS_DIR or KEY_STORE_URL); see docs/keys.md, docs/storage.md. */
  keyStore: KeyStore;
  /** Background-check providers besides the built-in manual one (background-checks/providers.ts). */
  backgroundCheckProviders?: readonly BackgroundCheckProvider[];
  /**
   * Least seconds between two counts of the same hiring reports (tenant and filter) made in the background after
   * changes (reports/report-cache.ts; default 30): on SQLite a count holds the only thread for a while.
   */
  reportRecountGapSeconds?: number;
  /** The background-job queue (background-jobs/): send one-off jobs, list and retry them; set once jobs have started. */
  jobs?: JobQueue;
}
