import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files on disk under one folder, named by random keys (never by anything
 * the user typed). Written before the database row that points at them and
 * deleted again if that transaction fails.
 */
export interface FileStore {
  put(bytes: Uint8Array): Promise<string>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{20,80}$/;

function pathOf(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error('invalid file key');
  // Two-character fan-out keeps folders small at a few hundred thousand files.
  return join(root, key.slice(0, 2), key);
}

export function diskFileStore(root: string): FileStore {
  return {
    async put(bytes) {
      const key = randomBytes(24).toString('base64url');
      const path = pathOf(root, key);
      mkdirSync(join(root, key.slice(0, 2)), { recursive: true });
      await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
      return key;
    },
    read: (key) => readFile(pathOf(root, key)),
    remove: (key) => rm(pathOf(root, key), { force: true }),
  };
}
