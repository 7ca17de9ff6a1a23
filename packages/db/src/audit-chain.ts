import { createHash } from 'node:crypto';
import {
  type ChangeSet,
  ChangeSetType,
  type EntityManager,
  type EventArgs,
  type EventSubscriber,
  type InferEntity,
} from '@mikro-orm/core';
import type { SqlEntityManager as Em } from '@mikro-orm/knex';
import { AuditChainHead, AuditEvent } from './entities/audit-event.entity.js';

type AuditEventRow = InferEntity<typeof AuditEvent>;

/** The chain of audit events that belong to no tenant. */
export const GLOBAL_AUDIT_CHAIN = 'global';
/** What the first event of every chain links back to. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);
const HASH_VERSION = 'candor.audit.v1';

export interface AuditHashFields {
  chain: string;
  seq: number;
  prevHash: string;
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  subjectRef: string | null;
}

/**
 * The hash of one audit event, for auditors to recompute without Candor:
 *
 *   sha256_hex(utf8(JSON.stringify(["candor.audit.v1", chain, seq, prevHash,
 *     id, at, actorId, action, targetType, targetId, requestId, subjectRef])))
 *
 * a compact JSON array (no spaces) in exactly that order, where `seq` is a
 * number, `at` is the ISO 8601 UTC time with milliseconds
 * ("2026-01-31T09:15:00.000Z"), absent values are `null`, and everything else
 * is the stored string. `prevHash` is the previous event's `hash` in the
 * same chain, or 64 zeros for seq 1; hashes are lowercase hex.
 */
export function auditEventHash(e: AuditHashFields): string {
  const canonical = JSON.stringify([
    HASH_VERSION,
    e.chain,
    e.seq,
    e.prevHash,
    e.id,
    e.at.toISOString(),
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.requestId,
    e.subjectRef,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function chainOf(event: AuditEventRow): string {
  return event.tenant?.id ?? GLOBAL_AUDIT_CHAIN;
}

type Link = Pick<AuditEventRow, 'chain' | 'seq' | 'prevHash' | 'hash' | 'at'>;

/**
 * Locks the chain's head for the rest of the transaction and returns it,
 * creating it first if the chain is new, in one statement (it runs for
 * every audited request): the upsert's no-op update locks the row on
 * PostgreSQL as `select ... for update` would, a race between two first
 * events is harmless, and on SQLite it takes the write lock before the read,
 * so no other writer can move the head in between.
 */
async function lockHead(em: EntityManager, chain: string): Promise<{ seq: number; hash: string }> {
  const rows: Array<{ seq: number | string; hash: string }> = await (em as Em).execute(
    `insert into audit_chain_head (id, seq, hash) values (?, 0, ?)
     on conflict (id) do update set seq = audit_chain_head.seq returning seq, hash`,
    [chain, AUDIT_GENESIS_HASH],
  );
  const head = rows[0];
  if (!head) throw new Error(`audit chain head ${chain} could not be created`);
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * Appends every new audit event to its chain (the tenant's, or "global"),
 * in the one place all of them pass: the flush that inserts them. It runs
 * in `beforeCreate`, which MikroORM calls inside the flush's transaction
 * (`onFlush` still runs before the transaction begins), so reading and
 * advancing the head, and inserting the events, commit or roll back
 * together; the head's row lock makes concurrent writers queue up per chain.
 * Events in one flush are chained in the order they were created.
 *
 * Only events inserted by a flush are chained: never write audit rows with
 * `em.insert` or a query builder.
 */
export class AuditChainSubscriber implements EventSubscriber<AuditEventRow> {
  // Per change set, not per entity: a failed flush that is retried gets new change sets, and new links.
  private readonly links = new WeakMap<ChangeSet<AuditEventRow>, Link>();

  getSubscribedEntities() {
    return [AuditEvent];
  }

  async beforeCreate(args: EventArgs<AuditEventRow>): Promise<void> {
    const changeSet = args.changeSet;
    if (!changeSet) return;
    if (!this.links.has(changeSet)) await this.linkPending(args.em);
    const link = this.links.get(changeSet);
    if (!link) throw new Error('audit event was not chained');
    // MikroORM copies changes made here into the insert.
    Object.assign(args.entity, link);
  }

  /** Links all audit events of this flush at once: one head lock and one head update per chain. */
  private async linkPending(em: EntityManager): Promise<void> {
    const byChain = new Map<string, ChangeSet<AuditEventRow>[]>();
    for (const cs of em.getUnitOfWork().getChangeSets()) {
      if (cs.type !== ChangeSetType.CREATE || cs.meta.className !== AuditEvent.meta.className) continue;
      const event = cs as ChangeSet<AuditEventRow>;
      if (this.links.has(event)) continue;
      const chain = chainOf(event.entity);
      byChain.set(chain, [...(byChain.get(chain) ?? []), event]);
    }
    // Always lock heads in the same order, so two transactions touching two chains cannot deadlock.
    for (const chain of [...byChain.keys()].sort()) {
      let { seq, hash } = await lockHead(em, chain);
      for (const cs of byChain.get(chain) ?? []) {
        const e = cs.entity;
        const at = e.at ?? new Date();
        seq += 1;
        const link: Link = { chain, seq, prevHash: hash, at, hash: '' };
        link.hash = auditEventHash({
          chain,
          seq,
          prevHash: hash,
          id: e.id,
          at,
          actorId: e.actorId ?? null,
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId ?? null,
          requestId: e.requestId ?? null,
          subjectRef: e.subjectRef ?? null,
        });
        hash = link.hash;
        this.links.set(cs, link);
      }
      await (em as Em).execute('update audit_chain_head set seq = ?, hash = ? where id = ?', [
        seq,
        hash,
        chain,
      ]);
    }
  }
}

export type AuditChainVerification =
  | {
      ok: true;
      chain: string;
      checked: number;
      lastSeq: number;
      lastHash: string | null;
      /** Events up to this seq were deleted by retention (0: none); `checked` counts from the one after. */
      prunedThroughSeq: number;
    }
  | {
      ok: false;
      chain: string;
      checked: number;
      firstBrokenSeq: number;
      eventId: string | null;
      reason: string;
    };

/**
 * Recomputes every hash of one chain in seq order and checks each link to
 * the one before, gaps in seq, and that the chain's head agrees with its
 * last event (which catches deleting events at the end). Reports the first
 * broken link: `firstBrokenSeq` is the first position whose event is
 * missing (`eventId` null) or does not match. Reads in batches, straight
 * from the database (not from the identity map), up to the head as it was
 * when verification started, so events appended meanwhile do not disturb
 * it. Events written before the chain existed (seq null) are skipped.
 */
export async function verifyAuditChain(
  em: Em,
  chain: string,
  options: { batchSize?: number } = {},
): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? 500;
  const reader = em.fork();
  let checked = 0;
  let prevHash = AUDIT_GENESIS_HASH;
  let lastId: string | null = null;
  /** Where verification starts: after the events retention pruned. */
  let base = 0;
  const broken = (
    firstBrokenSeq: number,
    eventId: string | null,
    reason: string,
  ): AuditChainVerification => ({
    ok: false,
    chain,
    checked: checked - base,
    firstBrokenSeq,
    eventId,
    reason,
  });

  const head = await reader.findOne(AuditChainHead, { id: chain }, { disableIdentityMap: true });
  const headSeq = head?.seq ?? 0;
  if (head && head.prunedThroughSeq > 0) {
    // A cut by retention is recorded in the chain itself: the last audit.pruned event must name this very cut.
    checked = head.prunedThroughSeq;
    base = checked;
    prevHash = head.prunedThroughHash ?? AUDIT_GENESIS_HASH;
    const cuts: Array<{ target_id: string | null }> = await reader.execute(
      `select target_id from audit_event where chain = ? and action = ? order by seq desc limit 1`,
      [chain, AUDIT_PRUNED_ACTION],
    );
    if (cuts[0]?.target_id !== prunedTarget(head.prunedThroughSeq, prevHash)) {
      return broken(
        checked,
        null,
        `the chain head says events up to ${checked} were pruned, but no audit.pruned event records that cut`,
      );
    }
  }
  while (checked < headSeq) {
    const rows = await reader.find(
      AuditEvent,
      { chain, seq: { $gt: checked, $lte: headSeq } },
      { orderBy: { seq: 'asc' }, limit: batchSize, filters: false, disableIdentityMap: true },
    );
    for (const row of rows) {
      const expected = checked + 1;
      if (row.seq !== expected) {
        return broken(expected, null, `event ${expected} is missing: the next stored event is ${row.seq}`);
      }
      if (row.prevHash !== prevHash) {
        return broken(expected, row.id, `its link to event ${expected - 1} does not match (prevHash)`);
      }
      const recomputed = auditEventHash({
        chain,
        seq: expected,
        prevHash,
        id: row.id,
        at: row.at,
        actorId: row.actorId ?? null,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId ?? null,
        requestId: row.requestId ?? null,
        subjectRef: row.subjectRef ?? null,
      });
      if (recomputed !== row.hash) {
        return broken(expected, row.id, 'its content does not match its hash: the event was changed');
      }
      prevHash = row.hash;
      lastId = row.id;
      checked = expected;
    }
    if (rows.length < batchSize) break;
  }

  if (checked < headSeq) {
    return broken(
      checked + 1,
      null,
      `events ${checked + 1} to ${headSeq} are missing: the chain head is at ${headSeq}`,
    );
  }
  if (head && head.hash !== prevHash) {
    return broken(checked, lastId, `the chain head does not match event ${checked}`);
  }
  // One statement, so an event appended by a concurrent writer (head and event commit together) never counts.
  const beyond: Array<{ id: string; seq: number | string }> = await reader.execute(
    `select id, seq from audit_event where chain = ? and seq > coalesce((select seq from audit_chain_head where id = ?), 0)
     order by seq limit 1`,
    [chain, chain],
  );
  const stray = beyond[0];
  if (stray) {
    const reason = head
      ? `the event lies beyond the chain head (at ${headSeq})`
      : 'the chain head is missing';
    return broken(Number(stray.seq), stray.id, reason);
  }
  return {
    ok: true,
    chain,
    checked: checked - base,
    lastSeq: checked,
    lastHash: checked === 0 ? null : prevHash,
    prunedThroughSeq: base,
  };
}

/** The action of the event that records a retention cut of a chain. */
export const AUDIT_PRUNED_ACTION = 'audit.pruned';

/** How a cut is named in its audit.pruned event: through which seq, and the start of the hash the chain resumes from. */
function prunedTarget(throughSeq: number, hash: string): string {
  return `through:${throughSeq}:${hash.slice(0, 16)}`;
}

/**
 * Deletes the oldest events of a chain, those recorded before `before`, at
 * most `limit` of them, and keeps the rest verifiable: the head remembers
 * the seq and hash of the last deleted event (where verification starts),
 * and an `audit.pruned` event appended to the same chain records the cut,
 * so a cut nobody recorded is reported as a break. Only a prefix is ever
 * deleted: an event is kept if any earlier one must be. Runs in the
 * caller's transaction, holding the chain's head lock; the caller flushes
 * (recordAudit's event is created here). Returns how many were deleted.
 */
export async function pruneAuditChain(
  em: Em,
  chain: string,
  before: Date,
  appendEvent: (targetId: string) => void,
  options: { limit?: number } = {},
): Promise<{ pruned: number; throughSeq: number }> {
  const head = await lockHead(em, chain);
  const rows: Array<{ pruned: number | string | null }> = await em.execute(
    'select pruned_through_seq as pruned from audit_chain_head where id = ?',
    [chain],
  );
  const from = Number(rows[0]?.pruned ?? 0);
  const cutoff = em.getPlatform().processDateProperty(before) as unknown;
  // The first event that must stay; everything before it (and after the last cut) goes.
  const kept: Array<{ seq: number | string | null }> = await em.execute(
    'select min(seq) as seq from audit_event where chain = ? and seq > ? and at >= ?',
    [chain, from, cutoff],
  );
  const firstKept = kept[0]?.seq == null ? head.seq + 1 : Number(kept[0].seq);
  const through = Math.min(firstKept - 1, from + (options.limit ?? 10_000));
  if (through <= from) return { pruned: 0, throughSeq: from };
  const last: Array<{ hash: string }> = await em.execute(
    'select hash from audit_event where chain = ? and seq = ?',
    [chain, through],
  );
  const hash = last[0]?.hash;
  if (!hash) throw new Error(`audit chain ${chain}: event ${through} is missing, not pruning a broken chain`);
  const deleted: { affectedRows?: number } = await em.execute(
    'delete from audit_event where chain = ? and seq > ? and seq <= ?',
    [chain, from, through],
    'run',
  );
  await em.execute(
    'update audit_chain_head set pruned_through_seq = ?, pruned_through_hash = ? where id = ?',
    [through, hash, chain],
  );
  appendEvent(prunedTarget(through, hash));
  return { pruned: Number(deleted.affectedRows ?? 0), throughSeq: through };
}

/** Every chain that has events or a head: each tenant's and "global". */
export async function auditChains(em: Em): Promise<string[]> {
  const rows: Array<{ chain: string }> = await em.execute(
    'select chain from audit_event where chain is not null union select id as chain from audit_chain_head',
  );
  return rows.map((r) => r.chain).sort();
}
