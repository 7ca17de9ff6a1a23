import { type Em, type Orm, TENANT_FILTER, Tenant } from '@candor/db';
import { currentRetentionPolicy } from '../retention/retention-policy.service.js';
import { type RenewalTerms, sendRenewalRequests } from './renewal.js';

/**
 * The tenant's talent-pool renewal terms, from its retention policy: the
 * enabled talent-pool rule's period and notice days. Null when the policy
 * has no such rule (then nobody is asked to renew).
 */
export async function renewalTermsOf(em: Em, tenantId: string): Promise<RenewalTerms | null> {
  const { policy } = await currentRetentionPolicy(em, tenantId);
  const rule = policy.rules.find((r) => r.trigger === 'talent_pool_consent' && r.enabled);
  return rule ? { period: rule.period, noticeDays: rule.renewalNoticeDays } : null;
}

/**
 * Sends the due renewal emails of every tenant (each candidate once per
 * consent given; see sendRenewalRequests). Runs hourly in the API process.
 */
export async function sendAllRenewalRequests(orm: Orm, options: { publicUrl: string; hashKey: Buffer; now?: Date }): Promise<number> {
  let queued = 0;
  for (const tenant of await orm.em.fork().find(Tenant, {})) {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const terms = await renewalTermsOf(em, tenant.id);
    if (terms) queued += await sendRenewalRequests(em, tenant, { ...options, terms });
  }
  return queued;
}
