import type { Em } from '@candor/db';

/**
 * A per-tenant counter of changes, kept in the database (`tenant_change`) so
 * every instance sees it: every successful staff mutation (tenantProcedure),
 * every application from the careers site and every retention sweep that
 * touched the tenant moves it on. Copies of computed results (the hiring
 * reports, ../reports/report-cache.ts) carry the counter they were made at;
 * once it has moved, whichever instance made the change, they are served
 * only while a recount is on its way.
 *
 * One upsert per change and one primary-key read per cached report: far
 * cheaper than the report itself, and the same on SQLite and PostgreSQL.
 */
let listener: ((tenantId: string) => void) | null = null;

/** Set when background jobs start (../background-jobs/start-jobs.ts): a change warms the tenant's default reports. */
export function onTenantChange(next: ((tenantId: string) => void) | null): void {
  listener = next;
}

export async function tenantChanged(em: Em, tenantId: string): Promise<void> {
  await em
    .getConnection()
    .execute(
      'insert into tenant_change (tenant_id, generation) values (?, 1) on conflict (tenant_id) do update set generation = tenant_change.generation + 1',
      [tenantId],
    );
  listener?.(tenantId);
}

export async function tenantGeneration(em: Em, tenantId: string): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<Array<{ generation: number | string }>>(
      'select generation from tenant_change where tenant_id = ?',
      [tenantId],
    );
  return Number(rows[0]?.generation ?? 0);
}
