import type { Orm } from '@candor/db';
import type { TRetentionPolicy } from '@candor/schemas';
import type { FileStore } from '../files/file-store.js';
import type { KeyStore } from '../keys/key-store.js';
import type { Logger } from '../logging/logger.js';
import type { DueItem } from './find-due.js';
import type { SearchIndexPurger } from './search-index-purger.js';

export const RETENTION_BATCH = 500;
/** Due items acted on in one transaction (see processPage). */
export const ITEMS_PER_TRANSACTION = 100;

export interface RetentionOptions {
  /** One tenant (by slug or id); absent: every tenant. */
  tenantSlug?: string;
  tenantId?: string;
  /** Count what would happen, change nothing (the run itself is recorded, marked as dry). */
  dryRun: boolean;
  now?: Date;
  /** Names this worker in runs and logs, e.g. host:pid. */
  workerId: string;
  /** Where the files of erased candidates are deleted, and their data keys destroyed, after each candidate's commit. */
  files: FileStore;
  keyStore: KeyStore;
  logger?: Logger;
  batchSize?: number;
  /** Transactions this worker runs at once (each on its own page of items); 1 on SQLite. */
  concurrency?: number;
  /** Items per transaction (default ITEMS_PER_TRANSACTION); 1 gives each its own. */
  itemsPerTransaction?: number;
  /** Stops between two items when aborted, leaving the run unfinished, as a killed process would. */
  signal?: AbortSignal;
  /** Called inside a page's transaction for each item after the action, before commit; a throw rolls the page back and it is retried item by item (tests). */
  beforeCommit?: (item: DueItem) => void | Promise<void>;
}

export interface SweepContext {
  orm: Orm;
  purger: SearchIndexPurger;
  tenantId: string;
  runId: string;
  policy: TRetentionPolicy;
  now: Date;
  options: RetentionOptions;
  postgres: boolean;
}
