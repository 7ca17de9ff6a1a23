/**
 * A per-tenant counter of changes made through this instance: every
 * successful staff mutation (tenantProcedure) and every application from the
 * careers site moves it on. Copies of computed results (the hiring reports,
 * ../reports/report-cache.ts) carry the counter they were made at and are
 * not served once it has moved. Changes made elsewhere (another instance,
 * the retention worker) are caught by the copies' short lifetime instead.
 */
const generations = new Map<string, number>();

export function tenantChanged(tenantId: string): void {
  generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
}

export function tenantGeneration(tenantId: string): number {
  return generations.get(tenantId) ?? 0;
}
