import { Application, type Em, personalFields, type SubjectEntity, subjectGraph } from '@candor/db';
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';

/**
 * Rows that hang off an application but are about the candidate as a whole
 * (their consent history, holds on them): an application's anonymization
 * leaves them; erasing the candidate deals with them.
 */
const KEPT_WITH_CANDIDATE = new Set(['ConsentEvent', 'ConsentReceipt', 'LegalHold', 'PrivacyRequest']);

/** Columns naming a file in the file store: the file goes with its row. */
const FILE_KEY_PROPERTIES = ['storageKey', 'letterKey'] as const;

export interface AnonymizationSummary {
  /** Per entity, rows deleted because they held personal data about this application. */
  deleted: Record<string, number>;
  /** File-store keys to delete once the transaction has committed. */
  fileKeys: string[];
}

/** The relation path from `node` to Application: along its path to the candidate, or a direct relation. */
function pathToApplication(tx: Em, node: SubjectEntity): string[] | null {
  const metadata = tx.getMetadata();
  if (node.path) {
    let meta: EntityMetadata | undefined = metadata.find(node.entity);
    const taken: string[] = [];
    for (const property of node.path) {
      const prop = meta?.properties[property] as EntityProperty | undefined;
      if (!prop) break;
      taken.push(property);
      if (prop.type === Application.meta.className) return taken;
      meta = metadata.find(prop.type);
    }
  }
  const direct = node.relations.find((r) => r.target === Application.meta.className);
  return direct ? [direct.property] : null;
}

/** Null where allowed, else an empty value of the column's type (JSON lists become []). */
function blankOf(prop: EntityProperty): unknown {
  if (prop.nullable) return null;
  const json = [prop.type, prop.runtimeType, ...(prop.columnTypes ?? [])].some((t) => String(t).toLowerCase().includes('json'));
  if (json) return [];
  const type = String(prop.runtimeType ?? prop.type).toLowerCase();
  if (type.includes('number') || type.includes('int')) return 0;
  if (type.includes('boolean')) return false;
  return '';
}

/**
 * Anonymizes one application, as a retention rule does after a rejection:
 * the application row stays (which job, which stage it reached, when: the
 * tenant's hiring statistics) with every personal value blanked, and the
 * rows about it that hold personal data (notes, tags, scorecards, offers,
 * its attachments) are deleted. Which is which comes from the catalogue's
 * annotations and the subject graph, so a new personal column is covered
 * when it is declared. Runs in the caller's transaction; the caller deletes
 * `fileKeys` from the file store after commit.
 */
export async function anonymizeApplication(tx: Em, applicationId: string): Promise<AnonymizationSummary> {
  const summary: AnonymizationSummary = { deleted: {}, fileKeys: [] };
  const application = await tx.findOneOrFail(Application, applicationId);
  // The graph is ordered furthest from the candidate first: nothing is deleted while a row still points at it.
  for (const node of subjectGraph(tx)) {
    if (node.entity === Application.meta.className || KEPT_WITH_CANDIDATE.has(node.entity) || node.personal.length === 0) continue;
    const path = pathToApplication(tx, node);
    if (!path) continue;
    const where = path.reduceRight<Record<string, unknown>>((inner, property) => ({ [property]: inner }), applicationId as never);
    const rows = (await tx.find(node.entity, where)) as Array<Record<string, unknown>>;
    if (rows.length === 0) continue;
    for (const row of rows) {
      for (const property of FILE_KEY_PROPERTIES) {
        const key = row[property];
        if (typeof key === 'string') summary.fileKeys.push(key);
      }
      tx.remove(row);
    }
    summary.deleted[node.entity] = rows.length;
    // Flush per entity, so deeper rows are gone before the rows they point at.
    await tx.flush();
  }
  const meta = tx.getMetadata().get(Application.meta.className);
  const record = application as unknown as Record<string, unknown>;
  for (const { property } of personalFields(Application)) record[property] = blankOf(meta.properties[property] as EntityProperty);
  application.anonymizedAt = new Date();
  await tx.flush();
  return summary;
}
