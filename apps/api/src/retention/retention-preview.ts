import { Candidate, type Em } from '@candor/db';
import type { TRetentionPolicy, TRetentionPreview, TRetentionRule } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../trpc/init.js';
import { countAuditDue } from './audit-pruning.js';
import { countAwaitingHrExport, countRenewalsDue, eachDue } from './find-due.js';
import { holdsOf, keptByHold } from './retention-holds.js';
import { currentRetentionPolicy } from './retention-policy.service.js';

const PREVIEW_LIST = 50;

/**
 * What the sweep would do at the end of `date`, for the given (unsaved)
 * policy or the one in force: counts per rule, how many of those a hold
 * keeps today, and the first affected candidates. Changes nothing.
 */
export async function previewRetention(
  em: Em,
  actor: Actor,
  input: { date: string; policy?: TRetentionPolicy },
): Promise<TRetentionPreview> {
  const now = new Date(`${input.date}T23:59:59.999Z`);
  const policy = input.policy ?? (await currentRetentionPolicy(em, actor.tenantId)).policy;
  const rules: TRetentionPreview['rules'] = [];
  const listed: Array<{
    candidateId: string;
    ruleId: string;
    action: TRetentionRule['action'];
    targetId: string | null;
  }> = [];
  let renewalsDue = 0;
  let awaitingHrExport = 0;
  for (const rule of policy.rules) {
    const entry = {
      ruleId: rule.id,
      label: rule.label,
      action: rule.action,
      enabled: rule.enabled,
      count: 0,
      held: 0,
    };
    rules.push(entry);
    if (!rule.enabled) continue;
    if (rule.trigger === 'audit_event') {
      entry.count = await countAuditDue(em, actor.tenantId, rule, now);
      continue;
    }
    for await (const batch of eachDue(em, actor.tenantId, policy, rule, now)) {
      const holds = await holdsOf(
        em,
        batch.flatMap((i) => (i.candidateId ? [i.candidateId] : [])),
      );
      for (const item of batch) {
        entry.count += 1;
        if (item.candidateId && keptByHold(rule, item, holds.get(item.candidateId) ?? [])) entry.held += 1;
        else if (item.candidateId && listed.length < PREVIEW_LIST) {
          listed.push({
            candidateId: item.candidateId,
            ruleId: rule.id,
            action: rule.action,
            targetId: item.targetId === item.candidateId ? null : item.targetId,
          });
        }
      }
    }
    renewalsDue += await countRenewalsDue(em, actor.tenantId, policy, rule, now);
    awaitingHrExport += await countAwaitingHrExport(em, actor.tenantId, policy, rule, now);
  }
  const ids = [...new Set(listed.map((l) => l.candidateId))];
  const names = new Map(
    (ids.length
      ? await em.find(Candidate, { id: { $in: ids } }, { fields: ['id', 'name'], disableIdentityMap: true })
      : []
    ).map((c) => [c.id, c.name]),
  );
  recordAudit(em, actor, { action: 'retention.preview', targetType: 'RetentionPolicyVersion' });
  await em.flush();
  return {
    date: input.date,
    rules,
    renewalsDue,
    awaitingHrExport,
    candidates: listed.map((l) => ({ ...l, name: names.get(l.candidateId) ?? '' })),
  };
}
