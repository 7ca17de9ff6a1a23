import { mkdirSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type InboundDeps, receiveReply } from './receive-reply.js';

/** A file younger than this may still be being written: it waits for the next round. */
const SETTLE_MS = 300;

/**
 * The drop folder (`pnpm start` without a mail server): every `.eml` file
 * put into it is read as a reply. One that was attached is removed (its
 * content now lives in the database, under the candidate's privacy rules);
 * one that was dropped is moved aside into `rejected/` for whoever is
 * testing to look at. A file is claimed by renaming it first, so two
 * processes sharing the folder never read the same one.
 */
export async function processDropFolder(
  deps: InboundDeps,
  dir: string,
): Promise<{ attached: number; dropped: number }> {
  mkdirSync(join(dir, 'rejected'), { recursive: true });
  let attached = 0;
  let dropped = 0;
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.eml'));
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || Date.now() - info.mtimeMs < SETTLE_MS) continue;
    const claimed = `${path}.reading`;
    try {
      await rename(path, claimed);
    } catch {
      continue; // another process took it
    }
    try {
      const outcome = await receiveReply(deps, await readFile(claimed), 'drop-folder');
      if (outcome.attached) {
        await rm(claimed);
        attached += 1;
      } else {
        await rename(claimed, join(dir, 'rejected', name));
        dropped += 1;
      }
    } catch (error) {
      // Our failure, not the message's: put it back for the next round.
      await rename(claimed, path).catch(() => undefined);
      throw error;
    }
  }
  return { attached, dropped };
}
