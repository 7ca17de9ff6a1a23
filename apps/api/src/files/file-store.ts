import { randomBytes } from 'node:crypto';
import { writeFile as writeFileCallback } from 'node:fs';
import { access, constants, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Uploaded files, named by random keys (never by anything the user typed):
 * on disk under one folder (`diskFileStore`), or in an S3-compatible bucket
 * (`s3FileStore` in storage/s3-file-store.ts; docs/storage.md).
 *
 * A file whose row is written in a transaction is put *pending* first
 * (`putPending`: on disk a `.pending` name beside its final one), the transaction
 * commits, then it is `promote`d. A process killed before the commit leaves
 * only a pending file, which the leftover sweep (retention/leftovers.ts)
 * removes; one killed between commit and promotion leaves a pending file
 * its row points at, which reads fine and which the sweep promotes.
 */
export interface FileStore {
  /** Writes a file under its final name at once (for writers that delete it again themselves if their change fails). */
  put(bytes: Uint8Array): Promise<string>;
  /** Writes a file under a pending name: `promote` it once the row pointing at it has committed. */
  putPending(bytes: Uint8Array): Promise<string>;
  /** Gives a pending file its final name; nothing to do when it has it already (the sweep was first). */
  promote(key: string): Promise<void>;
  /** The file's bytes, under its final name or, not yet promoted, its pending one. */
  read(key: string): Promise<Buffer>;
  /** Deletes the file, final or pending. */
  remove(key: string): Promise<void>;
  /** Keys of the pending files last written before `before` (for the leftover sweep). */
  pendingBefore(before: Date): Promise<string[]>;
  /** Throws when the store cannot be reached or written (readiness, `/readyz`). */
  ping(): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{20,80}$/;
const PENDING = '.pending';

function pathOf(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error('invalid file key');
  // Two-character fan-out keeps folders small at a few hundred thousand files.
  return join(root, key.slice(0, 2), key);
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

async function listOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
    throw error;
  }
}

/** The callback writeFile: one write of the whole buffer, lighter than fs/promises' FileHandle loop. */
const writeWhole = promisify(writeFileCallback);

export function diskFileStore(root: string): FileStore {
  /** Fan-out folders made already by this process. */
  const folders = new Set<string>();
  const write = async (bytes: Uint8Array, suffix: string) => {
    const key = randomBytes(24).toString('base64url');
    const folder = join(root, key.slice(0, 2));
    // Made asynchronously: creating one of the 4,096 fan-out folders is a slow system call, and
    // a synchronous one held every other request back (issue 21's apply profile).
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    const path = pathOf(root, key) + suffix;
    await writeWhole(path, bytes, { flag: 'wx', mode: 0o600 }).catch(async (error: unknown) => {
      // The folder was removed since (a test's cleanup, an operator): make it again, once.
      if (!isCode(error, 'ENOENT')) throw error;
      await mkdir(folder, { recursive: true });
      await writeWhole(path, bytes, { flag: 'wx', mode: 0o600 });
    });
    return key;
  };
  return {
    put: (bytes) => write(bytes, ''),
    putPending: (bytes) => write(bytes, PENDING),
    async promote(key) {
      const path = pathOf(root, key);
      await rename(path + PENDING, path).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw error;
      });
    },
    async read(key) {
      const path = pathOf(root, key);
      try {
        return await readFile(path);
      } catch (error) {
        // Committed but not promoted yet (or the process died in between): the pending name holds it.
        if (isCode(error, 'ENOENT')) return readFile(path + PENDING);
        throw error;
      }
    },
    async remove(key) {
      const path = pathOf(root, key);
      await rm(path, { force: true });
      await rm(path + PENDING, { force: true });
    },
    async pendingBefore(before) {
      const keys: string[] = [];
      for (const folder of await listOrEmpty(root)) {
        for (const name of await listOrEmpty(join(root, folder))) {
          if (!name.endsWith(PENDING)) continue;
          const written = await stat(join(root, folder, name)).catch(() => null);
          if (written && written.mtime < before) keys.push(name.slice(0, -PENDING.length));
        }
      }
      return keys;
    },
    async ping() {
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK);
    },
  };
}
