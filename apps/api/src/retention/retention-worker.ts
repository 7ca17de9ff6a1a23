import type { Orm } from '@candor/db';
import type { FileStore } from '../files/file-store.js';
import type { KeyStore } from '../keys/key-store.js';
import { errorFields, type Logger } from '../logging/logger.js';
import { defaultWorkerId, runRetention } from './sweep.js';

/**
 * Runs the retention sweep inside the API process: once shortly after start,
 * then every `intervalMinutes` (0: never). A sweep still running when the
 * next is due is not started twice in this process; other processes are kept
 * apart per candidate by the sweep itself. Returns a function that stops it.
 */
export function startRetentionWorker(options: {
  orm: Orm;
  files: FileStore;
  keyStore: KeyStore;
  logger: Logger;
  intervalMinutes: number;
}): () => void {
  if (options.intervalMinutes <= 0) {
    options.logger.info('retention worker off (RETENTION_INTERVAL_MINUTES=0)');
    return () => undefined;
  }
  const controller = new AbortController();
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      await runRetention(options.orm, {
        dryRun: false,
        workerId: defaultWorkerId(),
        files: options.files,
        keyStore: options.keyStore,
        logger: options.logger,
        signal: controller.signal,
      });
    } catch (error) {
      options.logger.error('retention sweep failed', errorFields(error));
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void sweep(), 5_000);
  first.unref();
  const timer = setInterval(() => void sweep(), options.intervalMinutes * 60_000);
  timer.unref();
  return () => {
    controller.abort();
    clearTimeout(first);
    clearInterval(timer);
  };
}
