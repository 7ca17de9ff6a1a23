import type { Em } from '@candor/db';
import type { TReports } from '@candor/schemas';
import { tenantGeneration } from '../trpc/tenant-changes.js';

/**
 * Recent hiring reports, per tenant and filter. At 300,000 applications one
 * computation takes seconds (grouped queries over every application of the
 * period), while a recruiter switches between a few filters and back again:
 * those come from here. A copy is served for at most `REPORT_COPY_MS`, and
 * never after a change to the tenant's data through any instance
 * (../trpc/tenant-changes.ts); the page shows when it was computed and can
 * ask for a fresh one. Only counts are kept (no names), in memory.
 */
export const REPORT_COPY_MS = 5 * 60_000;
/** Enough for every filter a few recruiters of many tenants use in five minutes; the oldest go first. */
const MAX_COPIES = 500;

type Copy = { tenantId: string; generation: number; madeAt: number; reports: Promise<TReports> };
const copies = new Map<string, Copy>();

export async function cachedReports(
  em: Em,
  key: { tenantId: string; from: string; to: string; jobId?: string; department?: string },
  fresh: boolean,
  compute: () => Promise<TReports>,
  now = Date.now(),
): Promise<TReports> {
  const id = JSON.stringify([key.tenantId, key.from, key.to, key.jobId ?? null, key.department ?? null]);
  // Read before computing: a change made while the report is computed leaves this copy behind.
  const generation = await tenantGeneration(em, key.tenantId);
  const copy = copies.get(id);
  if (!fresh && copy && copy.generation === generation && now - copy.madeAt < REPORT_COPY_MS)
    return copy.reports;
  const reports = compute();
  copies.delete(id);
  copies.set(id, { tenantId: key.tenantId, generation, madeAt: now, reports });
  // A failed computation is not kept: the next open tries again.
  reports.catch(() => {
    if (copies.get(id)?.reports === reports) copies.delete(id);
  });
  while (copies.size > MAX_COPIES) copies.delete(copies.keys().next().value as string);
  return reports;
}
