import { AUDIT_PRUNED_ACTION, type Em, pruneAuditChain, TENANT_FILTER } from '@candor/db';
import { retentionCutoff, type TRetentionCounts, type TRetentionRule } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { errorFields } from '../logging/logger.js';
import type { SweepContext } from './sweep-context.js';

/** The tenant's audit events past the rule's period (for dry runs and the preview). */
export async function countAuditDue(
  em: Em,
  tenantId: string,
  rule: TRetentionRule,
  now: Date,
): Promise<number> {
  const cutoff = em.getPlatform().processDateProperty(retentionCutoff(now, rule.period)) as unknown;
  const rows: Array<{ n: number | string }> = await em.execute(
    'select count(*) as n from audit_event where tenant_id = ? and at < ?',
    [tenantId, cutoff],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Deletes the tenant's audit events past the rule's period, oldest first,
 * up to 10k per transaction, each cut recorded in the chain (see
 * pruneAuditChain). Audit events name candidates only by pseudonym and
 * legal holds do not reach them: the chain can only lose a prefix.
 * Returns whether the run was stopped meanwhile.
 */
export async function pruneAudit(
  ctx: SweepContext,
  rule: TRetentionRule,
  counts: TRetentionCounts,
): Promise<boolean> {
  const before = retentionCutoff(ctx.now, rule.period);
  const actor = { tenantId: ctx.tenantId, userId: null, requestId: `retention-run:${ctx.runId}` };
  for (;;) {
    if (ctx.options.signal?.aborted) return true;
    const em = ctx.orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: ctx.tenantId });
    try {
      const { pruned } = await em.transactional((tx) =>
        pruneAuditChain(tx, ctx.tenantId, before, (targetId) =>
          recordAudit(tx, actor, { action: AUDIT_PRUNED_ACTION, targetType: 'AuditEvent', targetId }),
        ),
      );
      counts.found += pruned;
      counts.done += pruned;
      if (pruned === 0) return false;
    } catch (error) {
      counts.failed += 1;
      ctx.options.logger?.error('retention: audit events not pruned, rolled back', {
        tenantId: ctx.tenantId,
        runId: ctx.runId,
        ...errorFields(error),
      });
      return false;
    }
  }
}
