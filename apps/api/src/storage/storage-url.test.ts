import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesLocationOf, keyStoreLocationOf, readEnv } from '../env.js';
import { parseStorageUrl } from './storage-url.js';

describe('STORAGE_URL and KEY_STORE_URL', () => {
  it('read an S3 URL with its endpoint, region, path style and prefix', () => {
    expect(
      parseStorageUrl(
        's3://candor-files/prod/eu?endpoint=http://127.0.0.1:9000&region=eu-west-1&forcePathStyle=true',
      ),
    ).toEqual({
      kind: 's3',
      bucket: 'candor-files',
      prefix: 'prod/eu/',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      forcePathStyle: true,
    });
    expect(parseStorageUrl('s3://candor-files')).toEqual({
      kind: 's3',
      bucket: 'candor-files',
      prefix: '',
      region: 'us-east-1',
      forcePathStyle: false,
    });
    expect(parseStorageUrl('file:///var/lib/candor/files')).toEqual({
      kind: 'disk',
      dir: '/var/lib/candor/files',
    });
  });

  it('say what is wrong with a bad URL', () => {
    const problem = (value: string) => {
      try {
        parseStorageUrl(value);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problem('candor-files')).toMatch(/not a URL; expected s3:\/\/bucket/);
    expect(problem('gs://candor-files')).toMatch(/unknown scheme gs:/);
    expect(problem('s3://AKIA:secret@candor-files')).toMatch(/credentials do not go in the URL/);
    expect(problem('s3://Candor_Files')).toMatch(/not a bucket name/);
    expect(problem('s3://candor-files?endpoint=127.0.0.1:9000')).toMatch(/endpoint must be http/);
    expect(problem('s3://candor-files?pathStyle=true')).toMatch(/unknown parameter pathStyle/);
    expect(problem('s3://candor-files?forcePathStyle=yes')).toMatch(/forcePathStyle must be true or false/);
    expect(problem('s3://candor-files/a%20b')).toMatch(/the prefix "a b"/);
  });

  it('fail fast at start with the variable named', () => {
    expect(() => readEnv({ STORAGE_URL: 's3://x' })).toThrow(
      /Invalid environment:\n {2}STORAGE_URL: .*bucket name/,
    );
    expect(() => readEnv({ KEY_STORE_URL: 'http://keys' })).toThrow(/KEY_STORE_URL: unknown scheme/);
    expect(() => readEnv({ AWS_ACCESS_KEY_ID: 'id' })).toThrow(/AWS_SECRET_ACCESS_KEY: .*go together/);
    expect(() => readEnv({ KEY_STORE_URL: 's3://keys', KEYS_DIR: '/k' })).toThrow(
      /either KEY_STORE_URL or KEYS_DIR/,
    );
  });

  it('refuse to keep the candidate keys in the files bucket, whatever the prefixes', () => {
    const endpoint = 'endpoint=http://127.0.0.1:9000&forcePathStyle=true';
    expect(() =>
      readEnv({
        STORAGE_URL: `s3://candor/files?${endpoint}`,
        KEY_STORE_URL: `s3://candor/keys?${endpoint}`,
      }),
    ).toThrow(/KEY_STORE_URL: the candidate keys would share the bucket "candor" with the files/);
    expect(() =>
      readEnv({
        STORAGE_URL: `s3://candor-files?${endpoint}`,
        KEY_STORE_URL: `s3://candor-files?${endpoint}`,
      }),
    ).toThrow(/a bucket of their own/);
    const apart = readEnv({
      STORAGE_URL: `s3://candor-files?${endpoint}`,
      KEY_STORE_URL: `s3://candor-keys?${endpoint}`,
    });
    expect(filesLocationOf(apart)).toMatchObject({ kind: 's3', bucket: 'candor-files' });
    expect(keyStoreLocationOf(apart)).toMatchObject({ kind: 's3', bucket: 'candor-keys' });
  });

  it('default to the disk under DATA_DIR, as before', () => {
    const env = readEnv({ DATA_DIR: '/srv/candor' });
    expect(filesLocationOf(env)).toEqual({ kind: 'disk', dir: join('/srv/candor', 'files') });
    expect(keyStoreLocationOf(env)).toEqual({ kind: 'disk', dir: join('/srv/candor', 'keys') });
  });
});
