import { type Em, type Orm, TENANT_FILTER, Tenant } from '@candor/db';
import { currentRetentionPolicy } from '../retention/retention-policy.service.js';
import { type RenewalTerms, sendRenewalRequests } from './renewal.js';
import { talentPoolTermOf } from './talent-pool-term.js';

/**
 * One candidate's talent-pool renewal terms, from the retention policy in
 * force: the enabled talent-pool rule's period (for the country of their
 * latest job) and notice days. Null when the policy has no such rule (then
 * nobody is asked to renew).
 */
export async function renewalTermsOf(
  em: Em,
  tenantId: string,
  candidateId: string,
): Promise<RenewalTerms | null> {
  return talentPoolTermOf(em, tenantId, { candidateId });
}

/**
 * Sends the due renewal emails of every tenant (each candidate once per
 * consent given; see sendRenewalRequests). Runs hourly in the API process.
 */
export async function sendAllRenewalRequests(
  orm: Orm,
  options: { publicUrl: string; hashKey: Buffer; now?: Date },
): Promise<number> {
  let queued = 0;
  for (const tenant of await orm.em.fork().find(Tenant, {})) {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const { policy } = await currentRetentionPolicy(em, tenant.id);
    queued += await sendRenewalRequests(em, tenant, { ...options, policy });
  }
  return queued;
}
