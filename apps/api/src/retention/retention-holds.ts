import { type Em, type InferEntity, LegalHold } from '@candor/db';
import { dayOf, holdActive, type TRetentionRule } from '@candor/schemas';
import type { DueItem } from './find-due.js';

type HoldRow = Pick<InferEntity<typeof LegalHold>, 'application'>;

/** Whether a hold keeps what this rule would act on: an application rule respects holds on that application or the whole candidate. */
export function keptByHold(rule: TRetentionRule, item: DueItem, holds: HoldRow[]): boolean {
  if (rule.trigger !== 'application_decided') return holds.length > 0;
  return holds.some((h) => !h.application || h.application.id === item.targetId);
}

/** Active holds of many candidates at once (for dry runs and previews). */
export async function holdsOf(em: Em, candidateIds: string[]): Promise<Map<string, HoldRow[]>> {
  const byCandidate = new Map<string, HoldRow[]>();
  if (candidateIds.length === 0) return byCandidate;
  const today = dayOf();
  const rows = await em.find(
    LegalHold,
    { candidate: { $in: candidateIds }, releasedAt: null },
    { disableIdentityMap: true },
  );
  for (const row of rows) {
    if (!holdActive({ releasedAt: null, endsOn: row.endsOn ?? null }, today)) continue;
    byCandidate.set(row.candidate.id, [...(byCandidate.get(row.candidate.id) ?? []), row]);
  }
  return byCandidate;
}
