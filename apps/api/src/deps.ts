import type { Orm } from '@candor/db';
import type { Sessions } from './auth/sessions.js';
import type { FileStore } from './files/file-store.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { KeyStore } from './keys/key-store.js';
import type { Logger } from './logging/logger.js';

/** Everything the app needs from outside, built once by server.ts (or a test). */
export interface AppDeps {
  orm: Orm;
  sessions: Sessions;
  logger: Logger;
  /** Public base URL used in links sent by email, e.g. http://localhost:3000 */
  publicUrl: string;
  /** Origins allowed to send mutations (the browser's Origin header). */
  allowedOrigins: string[];
  limits: {
    signInPerIp: RateLimiter;
    signInPerEmail: RateLimiter;
    publicPerIp: RateLimiter;
    applyPerIp: RateLimiter;
    /** Privacy-portal codes asked for, per network address and per (tenant, email); code tries per address. */
    portalCodePerIp: RateLimiter;
    portalCodePerEmail: RateLimiter;
    portalVerifyPerIp: RateLimiter;
    /** "Forgot password?" requests, per network address and per address asked for (each may send an email). */
    passwordResetPerIp: RateLimiter;
    passwordResetPerEmail: RateLimiter;
  };
  /** Rebuilds a tenant's static careers site after a change that shows there. */
  publishCareers(tenantId: string): Promise<void>;
  /** Reverse proxies in front whose X-Forwarded-For entries are believed (0: none); see http/client-ip.ts. */
  trustedProxyHops: number;
  adminDir: string | null;
  careersDir: string;
  /** Uploaded documents (resumes ...), under DATA_DIR/files by default. */
  files: FileStore;
  /** Wraps every stored secret (receipt-signing keys); from MASTER_KEY or DATA_DIR/master.key. */
  masterKey: Buffer;
  /** The root of keyed hashes (audit pseudonyms, portal code hashes, renewal links); see keys/hash-key.ts. */
  hashKey: Buffer;
  /** Candidate data keys, one file each, outside the database (KEYS_DIR, DATA_DIR/keys by default); see docs/keys.md. */
  keyStore: KeyStore;
}
