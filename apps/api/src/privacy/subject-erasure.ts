import {
  Attachment,
  Candidate,
  type Em,
  Offer,
  purgeSearchIndex,
  type SubjectEntity,
  subjectGraph,
  subjectWhere,
} from '@candor/db';
import type { EntityProperty } from '@mikro-orm/core';
import type { FileStore } from '../files/file-store.js';
import { type CandidateRef, destroyCandidateKey } from '../keys/data-keys.js';
import type { KeyStore } from '../keys/key-store.js';

/**
 * Rows kept after an erasure, with every personal value blanked: what the
 * tenant may keep as anonymous statistics (which job, which stage was
 * reached, when) and the request itself, which proves the erasure was done.
 * Rows of every other entity in the subject graph are deleted.
 */
const KEPT_AS_ANONYMOUS = new Set(['Candidate', 'Application', 'StageChange', 'Interview', 'PrivacyRequest', 'LegalHold']);

export interface ErasureSummary {
  /** Per entity: how many rows were anonymized and how many deleted. */
  entities: Record<string, { anonymized: number; deleted: number }>;
  /** File-store keys to delete once the transaction has committed. */
  fileKeys: string[];
  /** Whose data key to destroy once the transaction has committed (crypto-shredding: see docs/keys.md). */
  candidate: CandidateRef;
}

/** The blank a personal property gets: null where allowed, else an empty value of its type. */
function blankFor(prop: EntityProperty, row: { id: string }, entity: string): unknown {
  if (entity === 'Candidate' && prop.name === 'name') return `Anonymized candidate #${row.id.slice(0, 8)}`;
  // Still unique per tenant, and an address no mail can reach (RFC 2606).
  if (entity === 'Candidate' && prop.name === 'email') return `anonymized-${row.id}@erased.invalid`;
  if (prop.nullable) return null;
  const type = String(prop.runtimeType ?? prop.type).toLowerCase();
  const json = [prop.type, prop.customType?.constructor.name, ...(prop.columnTypes ?? [])].some((t) => String(t).toLowerCase().includes('json'));
  // Every non-nullable JSON column holding personal data is a list (links, answers, ratings).
  if (json || type === 'array' || type === 'object') return [];
  if (type.includes('number') || type.includes('int')) return 0;
  if (type.includes('boolean')) return false;
  return type.includes('date') ? new Date(0) : '';
}

async function eraseRows(
  tx: Em,
  node: Pick<SubjectEntity, 'entity' | 'personal'>,
  where: Record<string, unknown>,
  summary: ErasureSummary,
): Promise<void> {
  const rows = (await tx.find(node.entity, where)) as Array<Record<string, unknown> & { id: string }>;
  if (rows.length === 0) return;
  const meta = tx.getMetadata().find(node.entity);
  if (!meta) throw new Error(`no metadata for ${node.entity}`);
  const counts = { anonymized: 0, deleted: 0 };
  for (const row of rows) {
    if (KEPT_AS_ANONYMOUS.has(node.entity)) {
      for (const { property } of node.personal) row[property] = blankFor(meta.properties[property] as EntityProperty, row, node.entity);
      counts.anonymized += 1;
    } else {
      tx.remove(row);
      counts.deleted += 1;
    }
  }
  summary.entities[node.entity] = counts;
}

/**
 * Erases one candidate: every personal value the catalogue knows about them
 * is blanked or its row deleted, walking the same subject graph the export
 * walks. Runs in the caller's transaction; after commit the caller calls
 * `destroyErasedData(deps, summary)`, which deletes the files and the
 * candidate's data key (a failed transaction leaves both).
 */
export async function eraseSubject(tx: Em, candidateId: string): Promise<ErasureSummary> {
  const candidate = await tx.findOneOrFail(Candidate, candidateId);
  const summary: ErasureSummary = { entities: {}, fileKeys: [], candidate: { tenantId: candidate.tenant.id, candidateId } };
  const email = candidate.email;
  const attachments = await tx.find(Attachment, { candidate: candidateId });
  // Offer letters are deleted with their offers; their PDFs name the candidate too.
  const offers = await tx.find(Offer, { application: { candidate: candidateId }, letterKey: { $ne: null } });
  summary.fileKeys = [...attachments.map((a) => a.storageKey), ...offers.flatMap((o) => (o.letterKey ? [o.letterKey] : []))];
  // Furthest from the candidate first, so nothing is deleted while a row still points at it.
  for (const node of subjectGraph(tx)) {
    await eraseRows(tx, node, subjectWhere(node, candidateId, email), summary);
  }
  candidate.restrictedAt = null;
  await tx.flush();
  await purgeSearchIndex(tx);
  return summary;
}

/**
 * The part of an erasure that cannot be rolled back, run once its
 * transaction has committed: the candidate's files go, and so does their
 * data key, which leaves every sealed copy (database backups, file-store
 * backups) unreadable. A new application from the same person later gets a
 * new key.
 */
export async function destroyErasedData(deps: { files: FileStore; keyStore: KeyStore }, summary: Pick<ErasureSummary, 'fileKeys' | 'candidate'>): Promise<void> {
  // The key first: if deleting a file fails, what is left is already unreadable.
  await destroyCandidateKey(deps, summary.candidate);
  for (const key of summary.fileKeys) await deps.files.remove(key);
}
