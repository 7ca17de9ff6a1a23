import {
  ApplicationIntake,
  Attachment,
  AuditEvent,
  Candidate,
  type Em,
  type Orm,
  TENANT_FILTER,
} from '@candor/db';
import type { FileStore } from '../files/file-store.js';
import type { KeyStore } from '../keys/key-store.js';
import { errorFields, type Logger } from '../logging/logger.js';
import { ERASED_EMAIL_SUFFIX } from './find-due.js';

/**
 * Leftovers younger than this may belong to a request still in flight (on
 * this instance or another): a pending resume whose transaction has not
 * committed yet, the key just made for its new candidate. Later sweeps get them.
 */
export const LEFTOVER_GRACE_MS = 60 * 60_000;

/** Ids looked up in the database at once. */
const BATCH = 500;
const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };

export interface LeftoverCounts {
  /** Pending files no row points at (their transaction never committed): deleted. */
  pendingFilesRemoved: number;
  /** Pending files a committed row points at (the process died before promoting them): promoted. */
  pendingFilesPromoted: number;
  /** Key files of candidates that do not exist (their row never committed) or were erased (the process died before deleting the key): deleted. */
  orphanKeysRemoved: number;
  /** Temporary key files of a rotation killed between write and rename: deleted. */
  temporaryKeysRemoved: number;
}

/**
 * Of candidates without a row, those merged into another record. A merge
 * now re-seals the data under the kept candidate's key and destroys the
 * merged key itself (candidates/merge-sealed-data.ts); merges made before
 * that left the moved data sealed under the merged key, so such a key is
 * still no leftover.
 */
async function mergedAway(em: Em, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await em.find(
    AuditEvent,
    { tenant: tenantId, action: 'candidate.merged_away', targetId: { $in: ids } },
    { ...ANY_TENANT, fields: ['targetId'], disableIdentityMap: true },
  );
  return new Set(rows.map((r) => r.targetId ?? ''));
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/**
 * What a killed process leaves on disk out of reach of export, erasure and
 * retention, because no committed row points at it (docs/keys.md, "After a
 * crash"): pending files and candidate keys without a candidate. Runs at
 * start-up and in every full retention sweep; only leftovers older than
 * LEFTOVER_GRACE_MS are touched. Returns counts only (names are personal
 * enough to stay out of logs).
 */
export async function sweepLeftovers(
  orm: Orm,
  deps: { files: FileStore; keyStore: KeyStore },
  options: { now?: Date; dryRun?: boolean } = {},
): Promise<LeftoverCounts> {
  const before = new Date((options.now ?? new Date()).getTime() - LEFTOVER_GRACE_MS);
  const counts: LeftoverCounts = {
    pendingFilesRemoved: 0,
    pendingFilesPromoted: 0,
    orphanKeysRemoved: 0,
    temporaryKeysRemoved: 0,
  };
  const em = orm.em.fork();

  // Attachments (apply, staff uploads) and received applications not filed yet point at pending files.
  for (const keys of batches(await deps.files.pendingBefore(before))) {
    const rows = await em.find(
      Attachment,
      { storageKey: { $in: keys } },
      { ...ANY_TENANT, fields: ['storageKey'], disableIdentityMap: true },
    );
    const committed = new Set(rows.map((r) => r.storageKey));
    const received = await em.find(
      ApplicationIntake,
      { resumeKey: { $in: keys } },
      { ...ANY_TENANT, fields: ['resumeKey'], disableIdentityMap: true },
    );
    // A received application's resume stays pending until it is filed (careers/file-applications.ts).
    const waiting = new Set(received.map((r) => r.resumeKey));
    for (const key of keys) {
      if (waiting.has(key)) continue;
      if (committed.has(key)) {
        if (!options.dryRun) await deps.files.promote(key);
        counts.pendingFilesPromoted += 1;
      } else {
        if (!options.dryRun) await deps.files.remove(key);
        counts.pendingFilesRemoved += 1;
      }
    }
  }

  for (const tenantId of await deps.keyStore.tenants()) {
    for (const ids of batches(await deps.keyStore.candidatesOf(tenantId))) {
      const rows = await em.find(
        Candidate,
        { id: { $in: ids }, tenant: tenantId },
        { ...ANY_TENANT, fields: ['id', 'email'], disableIdentityMap: true },
      );
      const living = new Set(rows.filter((c) => !c.email.endsWith(ERASED_EMAIL_SUFFIX)).map((c) => c.id));
      const found = new Set(rows.map((c) => c.id));
      const kept = await mergedAway(
        em,
        tenantId,
        ids.filter((id) => !found.has(id)),
      );
      // A received application not filed yet (its worker was down): its key is no leftover.
      for (const row of await em.find(
        ApplicationIntake,
        { candidateKeyId: { $in: ids.filter((id) => !found.has(id)) }, tenant: tenantId },
        { ...ANY_TENANT, fields: ['candidateKeyId'], disableIdentityMap: true },
      ))
        kept.add(row.candidateKeyId);
      for (const id of ids) {
        if (living.has(id) || kept.has(id)) continue;
        const written = await deps.keyStore.writtenAt(tenantId, id);
        if (!written || written >= before) continue;
        if (!options.dryRun) await deps.keyStore.remove(tenantId, id);
        counts.orphanKeysRemoved += 1;
      }
    }
  }

  if (!options.dryRun) counts.temporaryKeysRemoved = await deps.keyStore.removeTemporaryBefore(before);
  return counts;
}

/**
 * `sweepLeftovers` as start-up and the retention run call it: never throws
 * (a failed sweep must not stop either; the next one tries again), logs
 * what it did as counts.
 */
export async function sweepLeftoversLogged(
  orm: Orm,
  deps: { files: FileStore; keyStore: KeyStore; logger?: Logger },
  options: { dryRun?: boolean } = {},
): Promise<void> {
  try {
    const counts = await sweepLeftovers(orm, deps, options);
    if (Object.values(counts).some((n) => n > 0))
      deps.logger?.info('leftovers of interrupted writes swept', {
        ...counts,
        dryRun: options.dryRun ?? false,
      });
  } catch (error) {
    deps.logger?.error('leftovers of interrupted writes not swept', errorFields(error));
  }
}
