import { createHash } from 'node:crypto';
import type { Em } from '@candor/db';
import type { TReports } from '@candor/schemas';
import { tenantGeneration } from '../trpc/tenant-changes.js';

/**
 * The last count of each tenant's hiring reports per filter, kept in the
 * database (`report_copy`) so every instance shares it. A cold count of all
 * jobs over 90 days at 100,000 candidates takes ~140 ms on SQLite (~50 ms on
 * PostgreSQL), and every change of the tenant (../trpc/tenant-changes.ts)
 * makes the copy out of date; so the copy is served at once even then
 * (stale while revalidate), saying so, and one recount per tenant and filter
 * runs in the background (a claim on the row, shared by every instance).
 * Only counts are kept: interviewers by user id, their names read when served.
 */

/** A copy this young, counted at the tenant's current change counter, is served as it is. */
export const REPORT_COPY_MS = 5 * 60_000;
/** An older copy is not served at all: it is counted while the person waits. */
export const REPORT_COPY_MAX_AGE_MS = 24 * 3_600_000;
/** Least time between two background counts of the same reports, unless the deps say otherwise. */
export const RECOUNT_GAP_MS = 30_000;
/** A recount claimed longer ago than this (more than the gap and a count) is taken to have died: another may start. */
export const RECOUNT_LEASE_MS = 2 * 60_000;

export type ReportKey = { tenantId: string; from: string; to: string; jobId?: string; department?: string };

type StoredReports = Omit<TReports, 'recounting' | 'interviewers'> & {
  interviewers: Array<Omit<TReports['interviewers'][number], 'name'>>;
};

/** A department name can be long and holds any character: it is hashed into the key. */
export function filterKeyOf(key: ReportKey): string {
  const scope = key.jobId
    ? `job:${key.jobId}`
    : key.department !== undefined
      ? `department:${createHash('sha256').update(key.department).digest('hex').slice(0, 40)}`
      : 'all';
  return `${key.from}/${key.to}/${scope}`;
}

type SqlDate = string | number | Date;
const sqlDate = (em: Em, date: Date) => em.getPlatform().processDateProperty(date) as SqlDate;
const ms = (value: SqlDate) =>
  new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).getTime();

async function run<T>(em: Em, sql: string, bindings: unknown[]): Promise<T[]> {
  return (await em.getConnection().execute(sql, bindings as never[], 'all')) as T[];
}

export interface ReportCopyRow {
  generation: number;
  countedAt: number | null;
  counts: StoredReports | null;
  recountClaimedAt: number | null;
}

export async function readCopy(em: Em, key: ReportKey): Promise<ReportCopyRow | null> {
  const [row] = await run<{
    generation: number | string;
    counted_at: SqlDate | null;
    counts: string | null;
    recount_claimed_at: SqlDate | null;
  }>(
    em,
    'select generation, counted_at, counts, recount_claimed_at from report_copy where tenant_id = ? and filter_key = ?',
    [key.tenantId, filterKeyOf(key)],
  );
  if (!row) return null;
  return {
    generation: Number(row.generation),
    countedAt: row.counted_at === null ? null : ms(row.counted_at),
    counts: row.counts === null ? null : (JSON.parse(row.counts) as StoredReports),
    recountClaimedAt: row.recount_claimed_at === null ? null : ms(row.recount_claimed_at),
  };
}

/**
 * Claims the one recount of this tenant and filter, across instances: true
 * when this caller got it (no claim, or one older than the lease), false when
 * another recount is under way. Without a row yet, the claim makes one (no counts).
 */
export async function claimRecount(em: Em, key: ReportKey, now = new Date()): Promise<boolean> {
  const claimed = await run<{ tenant_id: string }>(
    em,
    `insert into report_copy (tenant_id, filter_key, generation, counted_at, counts, recount_claimed_at)
     values (?, ?, -1, null, null, ?)
     on conflict (tenant_id, filter_key) do update set recount_claimed_at = excluded.recount_claimed_at
     where report_copy.recount_claimed_at is null or report_copy.recount_claimed_at < ?
     returning tenant_id`,
    [
      key.tenantId,
      filterKeyOf(key),
      sqlDate(em, now),
      sqlDate(em, new Date(now.getTime() - RECOUNT_LEASE_MS)),
    ],
  );
  return claimed.length > 0;
}

export async function releaseRecount(em: Em, key: ReportKey): Promise<void> {
  await em
    .getConnection()
    .execute('update report_copy set recount_claimed_at = null where tenant_id = ? and filter_key = ?', [
      key.tenantId,
      filterKeyOf(key),
    ]);
}

/** Forgets the copy (its job was deleted: no recount can succeed). */
export async function dropCopy(em: Em, key: ReportKey): Promise<void> {
  await em
    .getConnection()
    .execute('delete from report_copy where tenant_id = ? and filter_key = ?', [
      key.tenantId,
      filterKeyOf(key),
    ]);
}

/**
 * Keeps a count, unless a count that started later is already kept (two
 * instances counting at once: the later start read the later generation).
 */
export async function writeCopy(
  em: Em,
  key: ReportKey,
  generation: number,
  countedAt: Date,
  reports: TReports,
): Promise<void> {
  const { recounting: _recounting, ...rest } = reports;
  const stored: StoredReports = {
    ...rest,
    // Names are personal data: kept by id, read again when served.
    interviewers: reports.interviewers.map(({ name: _name, ...counts }) => counts),
  };
  await em.getConnection().execute(
    `insert into report_copy (tenant_id, filter_key, generation, counted_at, counts, recount_claimed_at)
     values (?, ?, ?, ?, ?, null)
     on conflict (tenant_id, filter_key) do update
       set generation = excluded.generation, counted_at = excluded.counted_at, counts = excluded.counts
     where report_copy.counted_at is null or report_copy.counted_at <= excluded.counted_at`,
    [key.tenantId, filterKeyOf(key), generation, sqlDate(em, countedAt), JSON.stringify(stored)],
  );
}

/**
 * Forgets every kept count of the tenant: a candidate restricted processing
 * (Art. 18, stored but not used), so no count made before may be served; the
 * next open counts without them, while the person waits.
 */
export async function dropTenantCopies(em: Em, tenantId: string): Promise<void> {
  // em.execute runs in the caller's transaction: the counts go with the restriction's commit.
  await em.execute('delete from report_copy where tenant_id = ?', [tenantId], 'run');
}

/** Copies older than this are deleted when the tenant's default view is warmed. */
export async function pruneCopies(em: Em, tenantId: string, now = new Date()): Promise<void> {
  const cutoff = sqlDate(em, new Date(now.getTime() - 2 * REPORT_COPY_MAX_AGE_MS));
  await em
    .getConnection()
    .execute(
      'delete from report_copy where tenant_id = ? and (counted_at < ? or (counted_at is null and (recount_claimed_at is null or recount_claimed_at < ?)))',
      [tenantId, cutoff, cutoff],
    );
}

async function withNames(em: Em, stored: StoredReports, recounting: boolean): Promise<TReports> {
  const ids = stored.interviewers.map((i) => i.userId);
  const names =
    ids.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await run<{ id: string; name: string }>(
              em,
              `select id, name from "user" where id in (${ids.map(() => '?').join(', ')})`,
              ids,
            )
          ).map((u) => [u.id, u.name]),
        );
  return {
    ...stored,
    interviewers: stored.interviewers.map((i) => ({ ...i, name: names.get(i.userId) ?? '' })),
    recounting,
  };
}

export interface CachedReportsOptions {
  /** Count every report now (the page's "Count again", and a filter never counted). */
  compute(): Promise<TReports>;
  /** Start the recount this caller has claimed, in the background (a job) after `delayMs`; resolves once it is sent. */
  startRecount(key: ReportKey, delayMs: number): Promise<void>;
  /** Least time between the copy's count and a background recount (RECOUNT_GAP_MS). */
  gapMs: number;
  /** A failure that must not fail the answer (keeping a copy, sending a recount). */
  warn(message: string, error: unknown): void;
  fresh: boolean;
  now?: Date;
}

/** Counts in flight in this process, so that opens of the same uncounted filter at once share one count. */
const counting = new Map<string, Promise<TReports>>();

/**
 * The reports for `key`: the kept copy if there is one (less than a day
 * old), at once; when it is behind the tenant's changes or older than
 * REPORT_COPY_MS, with `recounting: true` and a recount started (or already
 * under way elsewhere), no sooner than `gapMs` after the copy's count. Without a copy, or when `fresh`, they are counted now
 * and kept.
 */
export async function cachedReports(
  key: ReportKey,
  em: Em,
  options: CachedReportsOptions,
): Promise<TReports> {
  const now = options.now ?? new Date();
  // Read before counting: a change made while the reports are counted leaves the copy behind.
  const generation = await tenantGeneration(em, key.tenantId);
  if (!options.fresh) {
    const copy = await readCopy(em, key);
    if (copy?.counts && copy.countedAt !== null && now.getTime() - copy.countedAt < REPORT_COPY_MAX_AGE_MS) {
      const current = copy.generation === generation && now.getTime() - copy.countedAt < REPORT_COPY_MS;
      let recounting = false;
      if (!current) {
        recounting = true;
        try {
          // At most one background count per gap: with changes every second, the copy lags by up to the gap.
          const delayMs = Math.max(0, options.gapMs - (now.getTime() - copy.countedAt));
          // A live claim seen on the row: a recount is under way; no write to find that out again.
          const claimLive =
            copy.recountClaimedAt !== null && now.getTime() - copy.recountClaimedAt < RECOUNT_LEASE_MS;
          if (!claimLive && (await claimRecount(em, key, now))) await options.startRecount(key, delayMs);
        } catch (error) {
          options.warn('report recount not started', error);
          recounting = false;
        }
      }
      return withNames(em, copy.counts, recounting);
    }
    const id = `${key.tenantId} ${filterKeyOf(key)}`;
    const inFlight = counting.get(id);
    if (inFlight) return inFlight;
    const counted = countAndKeep(key, em, generation, options, now).finally(() => counting.delete(id));
    counting.set(id, counted);
    return counted;
  }
  return countAndKeep(key, em, generation, options, now);
}

async function countAndKeep(
  key: ReportKey,
  em: Em,
  generation: number,
  options: CachedReportsOptions,
  now: Date,
): Promise<TReports> {
  const reports = await options.compute();
  await writeCopy(em, key, generation, now, reports).catch((error: unknown) =>
    options.warn('report copy not kept', error),
  );
  return { ...reports, recounting: false };
}
