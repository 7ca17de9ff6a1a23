import type { Orm } from '@candor/db';
import { errorFields, type Logger } from '../logging/logger.js';
import { runNotificationChecks } from './periodic.js';

/**
 * Runs the periodic notification checks (periodic.ts) inside the API
 * process: shortly after start, then every `intervalSeconds` (0: never).
 * Not started twice at once here; other instances are kept apart by the
 * checks' event keys and the digest's claim. Returns a function that stops it.
 */
export function startNotificationWorker(options: {
  orm: Orm;
  logger: Logger;
  intervalSeconds: number;
}): () => void {
  if (options.intervalSeconds <= 0) {
    options.logger.info('notification checks off (NOTIFICATION_CHECK_SECONDS=0)');
    return () => undefined;
  }
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      await runNotificationChecks(options.orm, new Date(), (tenantId, error) =>
        options.logger.error('notification checks failed for a tenant', { tenantId, ...errorFields(error) }),
      );
    } catch (error) {
      options.logger.error('notification checks failed', errorFields(error));
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), 3_000);
  first.unref();
  const timer = setInterval(() => void check(), options.intervalSeconds * 1000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
