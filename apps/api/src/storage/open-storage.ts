import { join } from 'node:path';
import type { Handler } from 'hono';
import { dataDir, type Env, filesLocationOf, keyStoreLocationOf, keysDir } from '../env.js';
import { diskFileStore, type FileStore } from '../files/file-store.js';
import { createKeyStore, type KeyStore } from '../keys/key-store.js';
import { type CareersSiteStore, diskCareersSite } from './careers-site.js';
import type { S3Credentials } from './s3.js';
import { describeLocation } from './storage-url.js';

/** Serves `/careers/*` from the bucket (http/object-files.ts). */
export type CareersFromBucket = (options: {
  prefix: string;
  notFoundPages?: (relative: string) => string[];
}) => Handler;

export interface Storage {
  files: FileStore;
  keyStore: KeyStore;
  /** Where publishing writes the careers sites. */
  careers: CareersSiteStore;
  /** The folder `/careers/` is served from (also set with a bucket, where nothing reads it). */
  careersDir: string;
  /** With object storage: serves `/careers/` from the bucket instead of `careersDir`. */
  careersFromBucket?: CareersFromBucket;
  /** For the start-up lines: where files and keys are. */
  where: { files: string; keys: string };
}

function credentialsOf(
  id: string | undefined,
  secret: string | undefined,
  token?: string,
): S3Credentials | undefined {
  return id && secret
    ? { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) }
    : undefined;
}

/**
 * The stores STORAGE_URL and KEY_STORE_URL name (env.ts has checked them):
 * by default files under DATA_DIR/files, careers sites under DATA_DIR/careers,
 * keys under KEYS_DIR, exactly as before object storage existed.
 */
export async function openStorage(
  env: Env,
  options: { onWarning?: (message: string) => void } = {},
): Promise<Storage> {
  const filesAt = filesLocationOf(env);
  const keysAt = keyStoreLocationOf(env);
  const careersDir = join(dataDir(env), 'careers');
  const s3 = filesAt.kind === 's3' || keysAt.kind === 's3' ? await import('./s3-drivers.js') : null;
  const fileCredentials = credentialsOf(
    env.AWS_ACCESS_KEY_ID,
    env.AWS_SECRET_ACCESS_KEY,
    env.AWS_SESSION_TOKEN,
  );
  const filePlace = s3 && filesAt.kind === 's3' ? s3.s3PlaceOf(filesAt, fileCredentials) : null;
  const site = s3 && filePlace ? s3.s3CareersSite(filePlace) : null;
  const keyStore =
    s3 && keysAt.kind === 's3'
      ? s3.s3KeyStore(
          s3.s3PlaceOf(
            keysAt,
            credentialsOf(env.KEY_STORE_ACCESS_KEY_ID, env.KEY_STORE_SECRET_ACCESS_KEY) ?? fileCredentials,
          ),
          options,
        )
      : createKeyStore(keysAt.kind === 'disk' ? keysAt.dir : keysDir(env));
  const storage: Storage = {
    files:
      s3 && filePlace ? s3.s3FileStore(filePlace) : diskFileStore(filesAt.kind === 'disk' ? filesAt.dir : ''),
    keyStore,
    careers: site ?? diskCareersSite(careersDir),
    careersDir,
    ...(s3 && filePlace && site
      ? {
          careersFromBucket: (serve) =>
            s3.serveObjects({ place: filePlace, root: site.objectKeyOf(''), ...serve }),
        }
      : {}),
    where: { files: describeLocation(filesAt), keys: describeLocation(keysAt) },
  };
  if (filesAt.kind === 's3' && keysAt.kind === 'disk') {
    options.onWarning?.(
      "files are in object storage but candidate keys on this machine's disk (KEYS_DIR): other instances cannot read them. Set KEY_STORE_URL to a bucket of its own (docs/storage.md).",
    );
  }
  return storage;
}
