import { randomBytes } from 'node:crypto';
import { readFile as readFileCallback, writeFile as writeFileCallback } from 'node:fs';
import { access, constants, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** What one candidate key file holds: the candidate's data key wrapped under a tenant key, and which one. */
export interface StoredCandidateKey {
  tenantKeyId: string;
  /** `wrapSecret` output under the tenant key. */
  wrapped: string;
}

/**
 * Candidate data keys, one small file each, outside the database:
 * `<dir>/<tenantId>/<first 2 chars>/<candidateId>.key` on disk, or one
 * object each in a bucket of their own (storage/s3-key-store.ts). A database backup
 * therefore never holds the key to the candidate data it contains; deleting
 * the file (erasure) makes that data unreadable in every copy.
 */
export interface KeyStore {
  /** Disk: the folder. Object storage: its `s3://bucket/prefix/` (for messages; never holds a secret). */
  readonly dir: string;
  read(tenantId: string, candidateId: string): Promise<StoredCandidateKey | null>;
  /** Writes a new key file; false when one exists already (another request made it first). */
  create(tenantId: string, candidateId: string, stored: StoredCandidateKey): Promise<boolean>;
  /** Replaces a key file atomically (rotation), so a reader sees the old or the new one, never half. */
  replace(tenantId: string, candidateId: string, stored: StoredCandidateKey): Promise<void>;
  remove(tenantId: string, candidateId: string): Promise<void>;
  /** Ids of the candidates of a tenant that have a key file. */
  candidatesOf(tenantId: string): Promise<string[]>;
  /** Ids of the tenants that have a folder of key files. */
  tenants(): Promise<string[]>;
  /** When the candidate's key file was last written, or null without one (the leftover sweep spares young ones). */
  writtenAt(tenantId: string, candidateId: string): Promise<Date | null>;
  /** Deletes the temporary files of `replace` (a process killed between write and rename) written before `before`; returns how many. */
  removeTemporaryBefore(before: Date): Promise<number>;
  /** Unwrapped tenant keys by id: few, used constantly, and the same for every request of this process. */
  readonly tenantKeyCache: Map<string, Buffer>;
  /** Throws when the store cannot be reached or written (readiness, `/readyz`). */
  ping(): Promise<void>;
}

export const KEY_STORE_ID = /^[A-Za-z0-9-]{8,64}$/;
const FORMAT = 'candor.candidate-key.v1';
const TEMPORARY = '.tmp';

export function checkKeyStoreId(id: string): string {
  if (!KEY_STORE_ID.test(id)) throw new Error('invalid id for the key store');
  return id;
}

function folderOf(dir: string, tenantId: string, candidateId: string): string {
  return join(dir, checkKeyStoreId(tenantId), checkKeyStoreId(candidateId).slice(0, 2));
}

function fileOf(dir: string, tenantId: string, candidateId: string): string {
  return join(folderOf(dir, tenantId, candidateId), `${candidateId}.key`);
}

export function encodeStoredKey(stored: StoredCandidateKey): string {
  return `${JSON.stringify({ format: FORMAT, tenantKeyId: stored.tenantKeyId, wrapped: stored.wrapped })}\n`;
}

export function decodeStoredKey(text: string): StoredCandidateKey {
  const parsed = JSON.parse(text) as { format?: unknown; tenantKeyId?: unknown; wrapped?: unknown };
  if (
    parsed.format !== FORMAT ||
    typeof parsed.tenantKeyId !== 'string' ||
    typeof parsed.wrapped !== 'string'
  ) {
    throw new Error('not a candidate key file');
  }
  return { tenantKeyId: parsed.tenantKeyId, wrapped: parsed.wrapped };
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

// The callback readFile, promisified: for thousands of small key files (a
// diversity report opens one per respondent) it is several times faster
// than fs/promises' readFile, which reads in chunks through a FileHandle.
const readFile = promisify(readFileCallback);
// Likewise for writing one: an application writes a new key file on every request.
const writeSmallFile = promisify(writeFileCallback);

/** A folder's entries; none when it does not exist (no key written yet). */
async function listOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
    throw error;
  }
}

export function createKeyStore(dir: string): KeyStore {
  /** Folders made already by this process: a key is written without asking for its folder again. */
  const folders = new Set<string>();
  const tenants = async () => (await listOrEmpty(dir)).filter((name) => KEY_STORE_ID.test(name)).sort();
  return {
    dir,
    tenantKeyCache: new Map(),
    async read(tenantId, candidateId) {
      try {
        return decodeStoredKey(await readFile(fileOf(dir, tenantId, candidateId), 'utf8'));
      } catch (error) {
        if (isCode(error, 'ENOENT')) return null;
        throw error;
      }
    },
    async create(tenantId, candidateId, stored) {
      const folder = folderOf(dir, tenantId, candidateId);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        folders.add(folder);
      }
      const write = () =>
        writeSmallFile(fileOf(dir, tenantId, candidateId), encodeStoredKey(stored), {
          flag: 'wx',
          mode: 0o600,
        });
      try {
        await write().catch(async (error: unknown) => {
          // The folder was removed since (a test's cleanup, an operator): make it again, once.
          if (!isCode(error, 'ENOENT')) throw error;
          await mkdir(folder, { recursive: true, mode: 0o700 });
          await write();
        });
        return true;
      } catch (error) {
        if (isCode(error, 'EEXIST')) return false;
        throw error;
      }
    },
    async replace(tenantId, candidateId, stored) {
      const file = fileOf(dir, tenantId, candidateId);
      const temp = `${file}.${randomBytes(6).toString('hex')}${TEMPORARY}`;
      await writeFile(temp, encodeStoredKey(stored), { flag: 'wx', mode: 0o600 });
      await rename(temp, file);
    },
    // unlink, not rm: one system call; a candidate who never had a key has no file, which is fine.
    remove: (tenantId, candidateId) =>
      unlink(fileOf(dir, tenantId, candidateId)).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw error;
      }),
    async candidatesOf(tenantId) {
      const root = join(dir, checkKeyStoreId(tenantId));
      const ids: string[] = [];
      for (const folder of (await listOrEmpty(root)).sort()) {
        for (const name of (await readdir(join(root, folder))).sort()) {
          if (name.endsWith('.key')) ids.push(name.slice(0, -'.key'.length));
        }
      }
      return ids;
    },
    tenants,
    async writtenAt(tenantId, candidateId) {
      try {
        return (await stat(fileOf(dir, tenantId, candidateId))).mtime;
      } catch (error) {
        if (isCode(error, 'ENOENT')) return null;
        throw error;
      }
    },
    async removeTemporaryBefore(before) {
      let removed = 0;
      for (const tenantId of await tenants()) {
        for (const folder of await listOrEmpty(join(dir, tenantId))) {
          for (const name of await listOrEmpty(join(dir, tenantId, folder))) {
            if (!name.endsWith(TEMPORARY)) continue;
            const path = join(dir, tenantId, folder, name);
            const written = await stat(path).catch(() => null);
            if (!written || written.mtime >= before) continue;
            await unlink(path).catch(() => undefined);
            removed += 1;
          }
        }
      }
      return removed;
    },
    async ping() {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await access(dir, constants.R_OK | constants.W_OK);
    },
  };
}
