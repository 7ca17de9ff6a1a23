import { createHash } from 'node:crypto';
import {
  Attachment,
  alongPath,
  deferSearchIndexPurge,
  deleteRows,
  type Em,
  InboundEmail,
  OutboxEmail,
  PrivacyRequest,
  PrivacyRequestNote,
  selectValues,
  TENANT_FILTER,
  updateRows,
} from '@candor/db';
import type { TRetentionCounts, TRetentionRule } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { errorFields } from '../logging/logger.js';
import { destroyErasedData, type ErasureSummary, eraseSubjects } from '../privacy/subject-erasure.js';
import { anonymizeApplications } from './anonymize-application.js';
import { type DueItem, findDue } from './find-due.js';
import { holdsOf, keptByHold } from './retention-holds.js';
import type { SweepContext } from './sweep-context.js';

type Outcome = 'done' | 'held' | 'gone' | 'taken';

/** A 64-bit key for pg_try_advisory_xact_lock, from a candidate's (or other target's) id. */
export function advisoryLockKey(id: string): string {
  return createHash('sha256').update(`candor/retention/${id}`).digest().readBigInt64BE(0).toString();
}

/** Deletes privacy requests kept past their period: their notes, their agents' proof files, the rows. */
async function erasePrivacyRequests(tx: Em, tenantId: string, ids: string[]): Promise<string[]> {
  const requests = alongPath(tx, PrivacyRequest.meta.className, [], ids);
  const fileKeys = (
    await selectValues(tx, PrivacyRequest.meta.className, tenantId, requests, 'agentProofKey')
  ).map(String);
  await deleteRows(
    tx,
    PrivacyRequestNote.meta.className,
    tenantId,
    alongPath(tx, PrivacyRequestNote.meta.className, ['request'], ids),
  );
  // The proofs of answering it (an erasure's answer and Art. 19 notices, addresses hashed) go with the request.
  await deleteRows(
    tx,
    OutboxEmail.meta.className,
    tenantId,
    alongPath(tx, OutboxEmail.meta.className, ['proofOf'], ids),
  );
  await deleteRows(tx, PrivacyRequest.meta.className, tenantId, requests);
  return fileKeys;
}

/** Of `keys`, those whose transaction-scoped advisory lock this transaction got (PostgreSQL; never waits). */
async function tryLocks(tx: Em, keys: string[]): Promise<Set<string>> {
  const rows: Array<{ k: string; locked: boolean }> = await tx.execute(
    `select k, pg_try_advisory_xact_lock(k::bigint) as locked from (values ${keys.map(() => '(?)').join(', ')}) as t(k)`,
    keys,
  );
  return new Set(rows.filter((r) => r.locked).map((r) => String(r.k)));
}

/**
 * A page of due items of one rule in one transaction, acted on with
 * set-based statements (one per entity for the whole page; see
 * eraseSubjects), so a candidate costs a fraction of a millisecond rather
 * than a transaction of its own. Everything commits together or not at
 * all: a killed process leaves no item half-processed, and a page that
 * fails is retried item by item (processItems) so one bad item cannot keep
 * the others. On PostgreSQL each candidate's advisory lock comes first:
 * another worker holding it is processing them, so this one leaves them.
 * Then the items are checked again (another worker may have finished them
 * a moment ago, a hold may have been placed), acted on and audited. Files
 * and data keys go after commit.
 */
async function processPage(
  ctx: SweepContext,
  rule: TRetentionRule,
  items: DueItem[],
): Promise<Map<DueItem, Outcome>> {
  const outcomes = new Map<DueItem, Outcome>();
  const lockKey = (item: DueItem) => advisoryLockKey(item.candidateId ?? item.targetId);
  const em = ctx.orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId: ctx.tenantId });
  let fileKeys: string[] = [];
  let erased: ErasureSummary | null = null;
  await em.transactional(async (tx) => {
    let mine = items;
    if (ctx.postgres) {
      const locked = await tryLocks(tx, [...new Set(items.map(lockKey))]);
      mine = items.filter((item) => locked.has(lockKey(item)));
    }
    const again = await findDue(tx, ctx.tenantId, ctx.policy, rule, ctx.now, {
      ids: mine.map((i) => i.targetId),
    });
    const stillDue = new Set(again.items.map((i) => i.targetId));
    const holds = await holdsOf(tx, [
      ...new Set(mine.flatMap((i) => (i.candidateId ? [i.candidateId] : []))),
    ]);
    const act: DueItem[] = [];
    for (const item of items) {
      if (!mine.includes(item)) outcomes.set(item, 'taken');
      else if (!stillDue.has(item.targetId)) outcomes.set(item, 'gone');
      else if (item.candidateId && keptByHold(rule, item, holds.get(item.candidateId) ?? []))
        outcomes.set(item, 'held');
      else act.push(item);
    }
    if (act.length === 0) return;
    const requestId = `retention-run:${ctx.runId}`;
    const actor = { tenantId: ctx.tenantId, userId: null, requestId };
    const targetIds = act.map((i) => i.targetId);
    if (rule.trigger === 'application_decided') {
      fileKeys = (await anonymizeApplications(tx, ctx.tenantId, targetIds)).fileKeys;
      for (const item of act)
        recordAudit(tx, actor, {
          action: 'retention.anonymize',
          targetType: 'Application',
          targetId: item.targetId,
          subjectId: item.candidateId,
        });
    } else if (rule.trigger === 'request_completed') {
      fileKeys = await erasePrivacyRequests(tx, ctx.tenantId, targetIds);
      for (const item of act)
        recordAudit(tx, actor, {
          action: 'retention.erase',
          targetType: 'PrivacyRequest',
          targetId: item.targetId,
          subjectId: item.candidateId,
        });
    } else if (rule.trigger === 'email_sent') {
      // Ids of both kinds of email: each delete finds only its own. A reply's documents stay the candidate's files.
      await updateRows(
        tx,
        Attachment.meta.className,
        ctx.tenantId,
        alongPath(tx, Attachment.meta.className, ['inboundEmail'], targetIds),
        { inboundEmail: null },
      );
      await deleteRows(
        tx,
        InboundEmail.meta.className,
        ctx.tenantId,
        alongPath(tx, InboundEmail.meta.className, [], targetIds),
      );
      await deleteRows(
        tx,
        OutboxEmail.meta.className,
        ctx.tenantId,
        alongPath(tx, OutboxEmail.meta.className, [], targetIds),
      );
      for (const item of act)
        recordAudit(tx, actor, {
          action: 'retention.erase',
          targetType: 'Email',
          targetId: item.targetId,
          subjectId: item.candidateId,
        });
    } else {
      deferSearchIndexPurge(tx);
      erased = await eraseSubjects(tx, targetIds);
      for (const item of act)
        recordAudit(tx, actor, {
          action: 'retention.erase',
          targetType: 'Candidate',
          targetId: item.targetId,
          subjectId: item.targetId,
        });
    }
    await tx.flush();
    for (const item of act) {
      await ctx.options.beforeCommit?.(item);
      outcomes.set(item, 'done');
    }
  });
  // After commit, as executeErasure does: files and the candidates' data keys (crypto-shredding) cannot be rolled back.
  const destroyed = erased as ErasureSummary | null;
  if (destroyed) {
    ctx.purger.erased();
    await destroyErasedData(ctx.options, destroyed).catch((error: unknown) =>
      ctx.options.logger?.error('retention: erased data not destroyed after commit', {
        tenantId: ctx.tenantId,
        ...errorFields(error),
      }),
    );
  }
  for (const key of fileKeys) {
    await ctx.options.files
      .remove(key)
      .catch((error: unknown) => ctx.options.logger?.warn('retention: file not removed', errorFields(error)));
  }
  return outcomes;
}

/**
 * Processes items a page per transaction; a page that fails is rolled back
 * and retried one item per transaction, so only the item at fault is left
 * (counted as failed, logged without personal data) and the rest are done.
 */
export async function processItems(
  ctx: SweepContext,
  rule: TRetentionRule,
  items: DueItem[],
  counts: TRetentionCounts,
): Promise<void> {
  const tally = (outcomes: Map<DueItem, Outcome>) => {
    for (const outcome of outcomes.values()) {
      if (outcome === 'gone' || outcome === 'taken') continue;
      counts.found += 1;
      if (outcome === 'held') counts.skippedHold += 1;
      else counts.done += 1;
    }
  };
  try {
    tally(await processPage(ctx, rule, items));
    return;
  } catch (error) {
    if (items.length === 1) {
      counts.found += 1;
      counts.failed += 1;
      ctx.options.logger?.error('retention: item failed, rolled back', {
        tenantId: ctx.tenantId,
        runId: ctx.runId,
        ruleId: rule.id,
        ...errorFields(error),
      });
      return;
    }
  }
  for (const item of items) await processItems(ctx, rule, [item], counts);
}
