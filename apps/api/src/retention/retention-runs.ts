import { type Em, type InferEntity, type Orm, RetentionRun } from '@candor/db';
import type { TRetentionRun } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { FileStore } from '../files/file-store.js';
import type { KeyStore } from '../keys/key-store.js';
import type { Logger } from '../logging/logger.js';
import type { Actor } from '../trpc/init.js';
import { defaultWorkerId, runRetention } from './sweep.js';

function toRunDto(row: InferEntity<typeof RetentionRun>): TRetentionRun {
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    dryRun: row.dryRun,
    workerId: row.workerId,
    policyVersion: row.policyVersion,
    found: row.found,
    done: row.done,
    skippedHold: row.skippedHold,
    failed: row.failed,
    rules: row.rules,
  };
}

export async function listRetentionRuns(em: Em, actor: Actor, limit = 20): Promise<TRetentionRun[]> {
  const rows = await em.find(
    RetentionRun,
    { tenant: actor.tenantId },
    { orderBy: { startedAt: 'desc', id: 'desc' }, limit },
  );
  return rows.map(toRunDto);
}

/** A sweep of the actor's tenant now, from the backoffice (audited as theirs; the items' events are the system's). */
export async function runRetentionNow(
  em: Em,
  actor: Actor,
  deps: { orm: Orm; files: FileStore; keyStore: KeyStore; logger: Logger },
  input: { dryRun: boolean },
): Promise<TRetentionRun> {
  recordAudit(em, actor, {
    action: input.dryRun ? 'retention.run_dry' : 'retention.run',
    targetType: 'RetentionRun',
  });
  await em.flush();
  const [report] = await runRetention(deps.orm, {
    tenantId: actor.tenantId,
    dryRun: input.dryRun,
    workerId: defaultWorkerId(':manual'),
    files: deps.files,
    keyStore: deps.keyStore,
    logger: deps.logger,
  });
  if (!report) throw new Error('the tenant has no run');
  return toRunDto(await em.findOneOrFail(RetentionRun, report.runId, { refresh: true }));
}
