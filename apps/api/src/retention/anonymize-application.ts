import {
  Application,
  alongPath,
  deleteRows,
  type Em,
  personalFields,
  type SubjectEntity,
  subjectGraph,
  updateRows,
} from '@candor/db';
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { blankOf, fileKeysOf } from '../privacy/subject-erasure.js';

export interface AnonymizationSummary {
  /** Per entity, rows deleted because they held personal data about these applications. */
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

/**
 * Anonymizes applications, as a retention rule does after a rejection: each
 * application row stays (which job, which stage it reached, when: the
 * tenant's hiring statistics) with every personal value blanked, and the
 * rows about it that hold personal data (notes, tags, scorecards, offers,
 * its attachments) are deleted. Which is which comes from each entity's
 * privacy policy (`onApplicationAnonymized`), the catalogue's annotations and
 * the subject graph, so a new personal column is covered when it is
 * declared. Set-based (one statement per entity for all of
 * `applicationIds`) and in the caller's transaction; the caller deletes
 * `fileKeys` from the file store after commit. Loaded entities of these
 * rows are stale afterwards: callers use a fresh EntityManager.
 */
export async function anonymizeApplications(
  tx: Em,
  tenantId: string,
  applicationIds: string[],
): Promise<AnonymizationSummary> {
  const summary: AnonymizationSummary = { deleted: {}, fileKeys: [] };
  if (applicationIds.length === 0) return summary;
  // The graph is ordered furthest from the candidate first: nothing is deleted while a row still points at it.
  for (const node of subjectGraph(tx)) {
    if (node.policy.onApplicationAnonymized !== 'delete') continue;
    const path = pathToApplication(tx, node);
    if (!path)
      throw new Error(
        `${node.entity}: its privacy policy deletes it with an application, but no relation leads to one`,
      );
    const where = alongPath(tx, node.entity, path, applicationIds);
    summary.fileKeys.push(...(await fileKeysOf(tx, node, tenantId, where)));
    const deleted = await deleteRows(tx, node.entity, tenantId, where);
    if (deleted > 0) summary.deleted[node.entity] = deleted;
  }
  const meta = tx.getMetadata().get(Application.meta.className);
  const blanks: Record<string, unknown> = { anonymizedAt: new Date() };
  for (const { property } of personalFields(Application))
    blanks[property] = blankOf(meta.properties[property] as EntityProperty);
  await updateRows(
    tx,
    Application.meta.className,
    tenantId,
    alongPath(tx, Application.meta.className, [], applicationIds),
    blanks,
  );
  return summary;
}
