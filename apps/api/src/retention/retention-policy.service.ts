import { type Em, RetentionPolicyVersion, User } from '@candor/db';
import {
  DEFAULT_RETENTION_POLICY,
  type TRetentionPolicy,
  type TRetentionPolicyResult,
  type TRetentionPolicyVersion,
  ZRetentionPolicy,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../trpc/init.js';

/** The policy in force for a tenant: its highest saved version, or the defaults (version 0). */
export async function currentRetentionPolicy(em: Em, tenantId: string): Promise<TRetentionPolicyVersion> {
  const [latest] = await em.find(
    RetentionPolicyVersion,
    { tenant: tenantId },
    { orderBy: { version: 'desc' }, limit: 1, populate: ['createdBy'] },
  );
  if (!latest) return { version: 0, policy: DEFAULT_RETENTION_POLICY, createdBy: null, createdAt: null };
  return {
    version: latest.version,
    // Parsed again, so a version saved before a field existed gets its default.
    policy: ZRetentionPolicy.parse({ rules: latest.rules, overrides: latest.overrides }),
    createdBy: latest.createdBy?.name ?? null,
    createdAt: latest.createdAt.toISOString(),
  };
}

export async function retentionPolicyOf(em: Em, actor: Actor): Promise<TRetentionPolicyResult> {
  return { current: await currentRetentionPolicy(em, actor.tenantId), defaults: DEFAULT_RETENTION_POLICY };
}

/**
 * Saves the policy as the next version. Two admins saving at once both read
 * the same highest version; the unique (tenant, version) makes the second
 * fail with CONFLICT rather than silently replace the first.
 */
export async function saveRetentionPolicy(
  em: Em,
  actor: Actor,
  policy: TRetentionPolicy,
): Promise<TRetentionPolicyResult> {
  await em.transactional(async (tx) => {
    const current = await currentRetentionPolicy(tx, actor.tenantId);
    const row = tx.create(RetentionPolicyVersion, {
      tenant: actor.tenantId,
      version: current.version + 1,
      rules: policy.rules,
      overrides: policy.overrides,
      createdBy: tx.getReference(User, actor.userId),
    });
    recordAudit(tx, actor, {
      action: 'retention.policy_save',
      targetType: 'RetentionPolicyVersion',
      targetId: row.id,
    });
  });
  return retentionPolicyOf(em, actor);
}
