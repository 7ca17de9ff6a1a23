import { Application, type Em, Job } from '@candor/db';
import { talentPoolTerm } from '@candor/schemas';
import { currentRetentionPolicy } from '../retention/retention-policy.service.js';

/** How long a talent-pool consent lasts and how long before its end the candidate is asked to renew. */
export type TalentPoolTerm = NonNullable<ReturnType<typeof talentPoolTerm>>;

/** The country of the job the candidate applied to most recently: where their data is governed, as the retention sweep decides. */
export async function candidateCountry(em: Em, candidateId: string): Promise<string | null> {
  const [latest] = await em.find(
    Application,
    { candidate: candidateId },
    { orderBy: { appliedAt: 'desc', id: 'desc' }, limit: 1, populate: ['job'] },
  );
  return latest?.job.country ?? null;
}

/**
 * The talent-pool term in force for one candidate: the tenant's retention
 * policy in force, with the period for the country of the job they applied
 * to (`application`, when the consent comes with it, else their latest).
 * The receipt, the renewal email and page, and the retention sweep all
 * follow this; null when no enabled rule ends the consent.
 */
export async function talentPoolTermOf(
  em: Em,
  tenantId: string,
  candidate: { candidateId: string } | { application: { job: { id: string } } },
): Promise<TalentPoolTerm | null> {
  const { policy } = await currentRetentionPolicy(em, tenantId);
  // The application may not be flushed yet (apply writes it in the same transaction): its job is then in the identity map.
  const country =
    'application' in candidate
      ? ((await em.findOne(Job, candidate.application.job.id))?.country ?? null)
      : await candidateCountry(em, candidate.candidateId);
  return talentPoolTerm(policy, country);
}
