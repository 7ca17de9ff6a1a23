import { type Em, StageChange, tableQuery } from '@candor/db';
import type { TApplicationListItem } from '@candor/schemas';
import { raw } from '@mikro-orm/core';
import { textFilterFor } from '../hiring/blind-review.js';
import type { Actor } from '../trpc/init.js';
import { type ApplicationRow, candidateRefFor, stageRef } from './application-refs.js';

/**
 * The tags of already visible applications, as plain rows: a board asks for
 * hundreds at once, and making each an entity cost more than reading it.
 */
export async function tagsOf(em: Em, ids: string[]): Promise<Map<string, string[]>> {
  const byApp = new Map<string, string[]>();
  if (ids.length === 0) return byApp;
  const query = tableQuery(em, 'application_tag')
    .select('application_id', 'tag')
    .whereIn('application_id', ids);
  for (const row of (await query) as Array<{ application_id: string; tag: string }>) {
    const tags = byApp.get(row.application_id) ?? [];
    tags.push(row.tag);
    byApp.set(row.application_id, tags);
  }
  // Sorted here, as the board sorts its cards' tags: the databases' collations differ.
  for (const tags of byApp.values()) tags.sort();
  return byApp;
}

export function toListItem(
  actor: Actor,
  a: ApplicationRow,
  tags: string[],
  stageEnteredAt: Date | undefined,
): TApplicationListItem {
  return {
    id: a.id,
    candidate: candidateRefFor(actor, a),
    job: { id: a.job.id, title: a.job.title },
    stage: stageRef(a.stage),
    status: a.status,
    source: a.source,
    // Tags are staff's free text too: a blind reviewer gets them redacted.
    tags: tags.map(textFilterFor(actor, a)),
    appliedAt: a.appliedAt.toISOString(),
    lastActivityAt: a.lastActivityAt.toISOString(),
    stageEnteredAt: (stageEnteredAt ?? a.appliedAt).toISOString(),
  };
}

/** When each application made its latest stage move, in one grouped query. */
async function stageEnteredAt(em: Em, ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await em
    .createQueryBuilder(StageChange, 's')
    .select(['s.application', raw('max(s.at) as entered')])
    .where({ application: { $in: ids } })
    .groupBy('s.application')
    .execute<Array<{ application: string; entered: Date | number | string }>>('all', true);
  return new Map(rows.map((r) => [r.application, new Date(r.entered)]));
}

export async function toListItems(
  em: Em,
  actor: Actor,
  rows: ApplicationRow[],
): Promise<TApplicationListItem[]> {
  const ids = rows.map((r) => r.id);
  const [tags, entered] = await Promise.all([tagsOf(em, ids), stageEnteredAt(em, ids)]);
  return rows.map((r) => toListItem(actor, r, tags.get(r.id) ?? [], entered.get(r.id)));
}
