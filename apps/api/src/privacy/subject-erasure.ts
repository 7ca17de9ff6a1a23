import {
  Candidate,
  deleteRows,
  type Em,
  OutboxEmail,
  purgeSearchIndex,
  type RowCondition,
  type SqlExpression,
  type SubjectEntity,
  selectValues,
  subjectGraph,
  subjectRows,
  updateRows,
} from '@candor/db';
import type { EntityProperty } from '@mikro-orm/core';
import type { FileStore } from '../files/file-store.js';
import { type CandidateRef, destroyCandidateKey } from '../keys/data-keys.js';
import type { KeyStore } from '../keys/key-store.js';
import { emitCandidatesErased } from '../webhooks/webhook-events.js';

export interface ErasureSummary {
  /** Per entity: how many rows were anonymized and how many deleted (over all candidates erased together). */
  entities: Record<string, { anonymized: number; deleted: number }>;
  /** File-store keys to delete once the transaction has committed. */
  fileKeys: string[];
  /** Whose data keys to destroy once the transaction has committed (crypto-shredding: see docs/keys.md). */
  candidates: CandidateRef[];
}

/** The blank a personal property gets: null where allowed, else an empty value of its type. */
export function blankOf(prop: EntityProperty): unknown {
  if (prop.nullable) return null;
  const type = String(prop.runtimeType ?? prop.type).toLowerCase();
  const json = [prop.type, prop.customType?.constructor.name, ...(prop.columnTypes ?? [])].some((t) =>
    String(t).toLowerCase().includes('json'),
  );
  // Every non-nullable JSON column holding personal data is a list (links, answers, ratings).
  if (json || type === 'array' || type === 'object') return [];
  if (type.includes('number') || type.includes('int')) return 0;
  if (type.includes('boolean')) return false;
  return type.includes('date') ? new Date(0) : '';
}

/** The file-store keys held by the matching rows of a node (attachments, offer letters: the `files` of its policy). */
export async function fileKeysOf(
  tx: Em,
  node: SubjectEntity,
  tenantId: string,
  where: RowCondition,
): Promise<string[]> {
  const keys: string[] = [];
  for (const property of node.policy.files ?? []) {
    for (const value of await selectValues(tx, node.entity, tenantId, where, property))
      keys.push(String(value));
  }
  return keys;
}

/**
 * Erases candidates of one tenant: every personal value the catalogue knows
 * about them is blanked or its row deleted, as each entity's privacy policy
 * says (`erasure`; kept rows are anonymous statistics, the request proving
 * the erasure, the disclosure log saying whom to tell under Art. 19),
 * walking the same subject graph the export walks. Set-based: one statement
 * per entity for all of `candidateIds` (see subject-sql.ts), so erasing a page of candidates
 * costs little more than erasing one. Runs in the caller's transaction;
 * after commit the caller calls `destroyErasedData(deps, summary)`, which
 * deletes the files and the data keys (a failed transaction leaves both).
 *
 * The statements bypass the identity map: entities of these candidates that
 * `tx` already holds are stale afterwards, so they are detached here.
 */
export async function eraseSubjects(tx: Em, candidateIds: string[]): Promise<ErasureSummary> {
  const summary: ErasureSummary = { entities: {}, fileKeys: [], candidates: [] };
  if (candidateIds.length === 0) return summary;
  const candidates = await tx.find(
    Candidate,
    { id: { $in: candidateIds } },
    { fields: ['email', 'tenant'], disableIdentityMap: true },
  );
  if (candidates.length !== new Set(candidateIds).size)
    throw new Error('eraseSubjects: a candidate does not exist');
  const tenantId = candidates[0]?.tenant.id as string;
  if (candidates.some((c) => c.tenant.id !== tenantId))
    throw new Error('eraseSubjects: candidates of several tenants');
  const ids = candidates.map((c) => c.id);
  const emails = candidates.map((c) => c.email);
  summary.candidates = ids.map((candidateId) => ({ tenantId, candidateId }));
  const metadata = tx.getMetadata();
  const graph = subjectGraph(tx);
  // Furthest from the candidate first, so nothing is deleted while a row still points at it.
  for (const node of graph) {
    const where = subjectRows(tx, node, ids, emails);
    const { policy } = node;
    if (policy.erasure === 'anonymize') {
      if (node.personal.length === 0) continue;
      const meta = metadata.find(node.entity);
      if (!meta) throw new Error(`no metadata for ${node.entity}`);
      const blanks: Record<string, unknown> = {};
      const values: Partial<Record<string, SqlExpression>> = policy.anonymizedValues ?? {};
      for (const { property } of node.personal)
        blanks[property] = values[property] ?? blankOf(meta.properties[property] as EntityProperty);
      for (const property of policy.clearedOnErasure ?? []) blanks[property] = null;
      const anonymized = await updateRows(tx, node.entity, tenantId, where, blanks);
      if (anonymized > 0) summary.entities[node.entity] = { anonymized, deleted: 0 };
    } else {
      // Attachments and offer letters: their files go after commit.
      summary.fileKeys.push(...(await fileKeysOf(tx, node, tenantId, where)));
      // Rows sealed under a key of their own (an application not filed yet): that key goes after commit too.
      if (policy.sealedUnder)
        for (const keyId of await selectValues(tx, node.entity, tenantId, where, policy.sealedUnder))
          summary.candidates.push({ tenantId, candidateId: String(keyId) });
      const deleted = await deleteRows(tx, node.entity, tenantId, where);
      if (deleted > 0) summary.entities[node.entity] = { anonymized: 0, deleted };
    }
  }
  // The privacy portal's sign-in codes belong to no tenant (sent before anyone knew whose address it was): they go too.
  const codes = await tx.nativeDelete(OutboxEmail, { tenant: null, to: { $in: emails } }, { filters: false });
  if (codes > 0)
    summary.entities.OutboxEmail = {
      anonymized: 0,
      deleted: (summary.entities.OutboxEmail?.deleted ?? 0) + codes,
    };
  detachSubjects(tx, new Set(graph.map((n) => n.entity)));
  await purgeSearchIndex(tx);
  // Connected systems hear of it (ids only) so they can erase their copies too.
  await emitCandidatesErased(tx, tenantId, ids);
  return summary;
}

/** One candidate's erasure (a request from the queue): see eraseSubjects. */
export function eraseSubject(tx: Em, candidateId: string): Promise<ErasureSummary> {
  return eraseSubjects(tx, [candidateId]);
}

/** Forgets the loaded entities of the subject graph's types, so nothing stale is read or flushed back after the statements. */
function detachSubjects(tx: Em, entityNames: Set<string>): void {
  const uow = tx.getUnitOfWork();
  for (const entity of uow.getIdentityMap()) {
    const name = (entity as object).constructor.name;
    const meta = tx.getMetadata().find(name);
    if (meta && entityNames.has(meta.className)) uow.unsetIdentity(entity);
  }
}

const PARALLEL_DELETES = 16;

/**
 * The part of an erasure that cannot be rolled back, run once its
 * transaction has committed: the candidates' data keys go, which leaves
 * every sealed copy (database backups, file-store backups) unreadable, and
 * so do their files. A new application from the same person later gets a
 * new key.
 */
export async function destroyErasedData(
  deps: { files: FileStore; keyStore: KeyStore },
  summary: Pick<ErasureSummary, 'fileKeys' | 'candidates'>,
): Promise<void> {
  // The keys first: if deleting a file fails, what is left is already unreadable.
  // A few at a time: each is a file-system call on libuv's thread pool.
  for (let i = 0; i < summary.candidates.length; i += PARALLEL_DELETES) {
    await Promise.all(
      summary.candidates
        .slice(i, i + PARALLEL_DELETES)
        .map((candidate) => destroyCandidateKey(deps, candidate)),
    );
  }
  for (const key of summary.fileKeys) await deps.files.remove(key);
}
