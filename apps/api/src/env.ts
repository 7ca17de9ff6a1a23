import { join, resolve } from 'node:path';
import { z } from 'zod';
import { keyStoreSharingProblem, parseStorageUrl, type StorageLocation } from './storage/storage-url.js';

/** A STORAGE_URL-like value, checked where it is read: the message says what is wrong with it. */
const storageUrl = z.string().superRefine((value, ctx) => {
  try {
    parseStorageUrl(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().default('sqlite:./data/candor.db'),
  /** Folder for files, generated sites and (without SMTP) delivered mail. */
  DATA_DIR: z.string().default('./data'),
  /** Public origin(s) of the app, comma-separated; mutations from other origins and requests for other hosts are refused. */
  APP_ORIGIN: z
    .string()
    .refine((value) => value.split(',').every((origin) => isOrigin(origin.trim())), {
      message: 'a comma-separated list of origins like https://candor.example.com (scheme and host, no path)',
    })
    .optional(),
  /** Seeds the demo tenant on start. Defaults to on outside production and can never run in production. */
  DEMO_SEED: z.enum(['true', 'false']).optional(),
  /** smtp(s)://user:pass@host:port; without it mail is written to DATA_DIR/mail as .eml files. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Candor <no-reply@candor.localhost>'),
  /**
   * Where candidates' replies go: each email to a candidate carries Reply-To `<local>+<token>@<domain>` of this
   * address. Replies reach Candor by IMAP, its SMTP endpoint or the drop folder (README, "Replies from candidates").
   */
  MAIL_REPLY_ADDRESS: z
    .string()
    .regex(/^[a-z0-9._-]+@[a-z0-9.-]+$/i, 'a plain address like reply@candor.example.com')
    .default('reply@candor.localhost'),
  /** imap(s)://user:password@host:port/Mailbox: polls that mailbox (default INBOX) for replies. */
  INBOUND_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, 'an imap:// or imaps:// URL')
    .optional(),
  /** After processing, move each message to this IMAP folder (else it stays, marked as seen). */
  INBOUND_IMAP_DONE_MAILBOX: z.string().max(200).optional(),
  /** Port of Candor's own SMTP endpoint for replies (MX or forwarding points here); unset: not started. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().default('127.0.0.1'),
  /** Folder where dropped .eml files are read as replies; defaults to DATA_DIR/inbound (README). */
  INBOUND_DROP_DIR: z.string().optional(),
  /** Seconds between polls of the IMAP mailbox and the drop folder. */
  INBOUND_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** redis://host:port: keeps rate-limit counters in Redis instead of the database (optional; see README). */
  RATE_LIMIT_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ADMIN_DIST_DIR: z.string().optional(),
  /** Replaced by TRUST_PROXY_HOPS; `true` still means one proxy. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Let members connect calendar servers on private networks (an in-house Nextcloud); off: loopback, private and link-local addresses are refused. */
  OUTBOUND_ALLOW_PRIVATE_HOSTS: z.enum(['true', 'false']).default('false'),
  /** How many reverse proxies in front of the API append to X-Forwarded-For (0: ignore the header). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  /** 32 random bytes, base64; wraps stored keys. Without it one is generated into DATA_DIR (not for production). */
  MASTER_KEY: z.string().optional(),
  /** During a master-key rotation: the other master key(s), comma-separated, still accepted for unwrapping. */
  MASTER_KEY_PREVIOUS: z.string().optional(),
  /** Folder of the candidate data keys (docs/keys.md); back it up separately, with a short retention. Defaults to DATA_DIR/keys. */
  KEYS_DIR: z.string().optional(),
  /**
   * Where uploaded files and published careers sites go: `s3://bucket/prefix?endpoint=...&region=...&forcePathStyle=true`
   * for an S3-compatible service, `file:///folder` for files on disk. Unset: DATA_DIR/files and DATA_DIR/careers (docs/storage.md).
   */
  STORAGE_URL: storageUrl.optional(),
  /** Where candidate data keys go, in the same forms; never the files' bucket. Unset: KEYS_DIR (docs/storage.md). */
  KEY_STORE_URL: storageUrl.optional(),
  /** Credentials for STORAGE_URL (and KEY_STORE_URL unless it has its own); unset: the AWS SDK's usual sources (instance role ...). */
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  /** Credentials of the key store's bucket, when they differ from the files' (recommended: see docs/storage.md). */
  KEY_STORE_ACCESS_KEY_ID: z.string().min(1).optional(),
  KEY_STORE_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Only for `pnpm keys:rotate-master`: the master key to re-wrap under (else one is generated into DATA_DIR/master.key.new). */
  NEW_MASTER_KEY: z.string().optional(),
  /** Minutes between retention sweeps inside the API process; 0 turns the in-process worker off. */
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** Seconds a batch of outgoing email stays claimed by the instance sending it before others may (it died); see mail/dispatcher.ts. */
  OUTBOX_CLAIM_SECONDS: z.coerce.number().int().min(5).max(3_600).default(300),
  /** Milliseconds an instance reuses what it read about a job (open? which questions, purposes and notices?) to check application forms; 0 reads it for every form. */
  APPLY_CONTEXT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** Seconds a received application stays claimed by the worker filing it before others may (it died); see careers/file-applications.ts. */
  INTAKE_CLAIM_SECONDS: z.coerce.number().int().min(2).max(3_600).default(60),
  /** Seconds between the notification checks (scorecards due, interviews tomorrow, requests due, daily digests); 0 turns them off. */
  NOTIFICATION_CHECK_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** `false`: this API instance serves HTTP and sends jobs but runs none (run `pnpm worker` apart); docs/background-jobs.md. */
  WORKERS: z.enum(['true', 'false']).default('true'),
});

export type Env = z.infer<typeof EnvSchema>;

/** Reads process.env once, and fails fast with a readable message. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.DEMO_SEED === 'true') {
    throw new Error('Invalid environment:\n  DEMO_SEED: the demo tenant is never seeded in production');
  }
  const env = parsed.data;
  // The generated key file sits next to the data it protects: a stolen backup would hold both.
  if (env.NODE_ENV === 'production' && !env.MASTER_KEY) {
    throw new Error(
      [
        'Invalid environment:',
        '  MASTER_KEY: required in production (32 random bytes, base64). Make one with',
        '    openssl rand -base64 32',
        '  and keep it in your secret store, apart from the database, the files and their backups (docs/keys.md).',
      ].join('\n'),
    );
  }
  if (env.TRUST_PROXY === 'true' && env.TRUST_PROXY_HOPS === 0) {
    throw new Error(
      'Invalid environment:\n  TRUST_PROXY: contradicts TRUST_PROXY_HOPS=0; drop TRUST_PROXY and set only TRUST_PROXY_HOPS (the number of proxies in front)',
    );
  }
  if (env.KEY_STORE_URL && env.KEYS_DIR) {
    throw new Error('Invalid environment:\n  KEY_STORE_URL: set either KEY_STORE_URL or KEYS_DIR, not both');
  }
  for (const [id, secret] of [
    ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
    ['KEY_STORE_ACCESS_KEY_ID', 'KEY_STORE_SECRET_ACCESS_KEY'],
  ] as const) {
    if (Boolean(env[id]) !== Boolean(env[secret])) {
      throw new Error(`Invalid environment:\n  ${env[id] ? secret : id}: ${id} and ${secret} go together`);
    }
  }
  if (env.STORAGE_URL && env.KEY_STORE_URL) {
    const problem = keyStoreSharingProblem(
      parseStorageUrl(env.STORAGE_URL),
      parseStorageUrl(env.KEY_STORE_URL),
    );
    if (problem) throw new Error(`Invalid environment:\n  ${problem}`);
  }
  // The old switch meant "behind a proxy": one hop, the common case; the address that proxy appended is the client.
  env.TRUST_PROXY_HOPS ??= env.TRUST_PROXY === 'true' ? 1 : 0;
  env.DATA_DIR = fromStartDir(source, env.DATA_DIR);
  env.KEYS_DIR = env.KEYS_DIR ? fromStartDir(source, env.KEYS_DIR) : join(env.DATA_DIR, 'keys');
  env.INBOUND_DROP_DIR = env.INBOUND_DROP_DIR
    ? fromStartDir(source, env.INBOUND_DROP_DIR)
    : join(env.DATA_DIR, 'inbound');
  if (/^(sqlite|file):(?!\/)/.test(env.DATABASE_URL) && !env.DATABASE_URL.endsWith(':memory:')) {
    env.DATABASE_URL = `sqlite:${fromStartDir(source, env.DATABASE_URL.replace(/^(sqlite|file):/, ''))}`;
  }
  return env;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.pathname === '/' &&
      !url.search &&
      !url.hash
    );
  } catch {
    return false;
  }
}

/** Relative paths are taken from where the command was started (pnpm's INIT_CWD), not the package folder. */
function fromStartDir(source: NodeJS.ProcessEnv, path: string): string {
  return resolve(source.INIT_CWD ?? process.cwd(), path);
}

export function dataDir(env: Env): string {
  return env.DATA_DIR;
}

/** Proxies whose X-Forwarded-For entries are believed (see http/client-ip.ts). */
export function trustedProxyHops(env: Env): number {
  return env.TRUST_PROXY_HOPS ?? 0;
}

export function keysDir(env: Env): string {
  return env.KEYS_DIR ?? join(env.DATA_DIR, 'keys');
}

/** Where uploaded files live: STORAGE_URL, else DATA_DIR/files. */
export function filesLocationOf(env: Env): StorageLocation {
  return env.STORAGE_URL
    ? parseStorageUrl(env.STORAGE_URL)
    : { kind: 'disk', dir: join(env.DATA_DIR, 'files') };
}

/** Where candidate data keys live: KEY_STORE_URL, else KEYS_DIR (DATA_DIR/keys). */
export function keyStoreLocationOf(env: Env): StorageLocation {
  return env.KEY_STORE_URL ? parseStorageUrl(env.KEY_STORE_URL) : { kind: 'disk', dir: keysDir(env) };
}

/** The base URL of links in emails and printed by the CLIs: the first APP_ORIGIN, else localhost on PORT. */
export function publicUrlOf(env: Env): string {
  return (env.APP_ORIGIN?.split(',')[0]?.trim() ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
}
