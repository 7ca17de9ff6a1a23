import { type Orm, OutboxEmail, TENANT_FILTER } from '@candor/db';
import { type TJobCreateInput, type TRole, ZCandidateCreateInput, ZJobCreateInput } from '@candor/schemas';
import { createCandidate } from '../candidates/candidates.service.js';
import { createJob } from '../jobs/jobs.service.js';
import type { Actor } from '../trpc/init.js';
import { TEST_ORIGIN } from './test-app.js';

let counter = 0;

/** An actor for calling services directly in tests, as the given member. */
export function actorOf(userId: string, tenantId: string, role: TRole = 'admin'): Actor {
  return { userId, tenantId, role, requestId: 'test' };
}

/** A fork scoped to the tenant, as the tenant middleware would leave it. */
export function tenantEm(orm: Orm, tenantId: string) {
  const em = orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId });
  return em;
}

/**
 * A job (through the real service, so it gets the tenant's pipeline) with
 * one candidate who applied to it.
 */
export async function seedJobWithApplicant(
  orm: Orm,
  actor: Actor,
  job: Partial<TJobCreateInput> = {},
  candidate: { name?: string; email?: string; phone?: string | null } = {},
) {
  const n = ++counter;
  const em = tenantEm(orm, actor.tenantId);
  const created = await createJob(
    em,
    actor,
    ZJobCreateInput.parse({
      title: `Robot Whisperer ${n}`,
      department: 'Engineering',
      city: 'Berlin',
      country: 'DE',
      workplace: 'hybrid',
      employmentType: 'full_time',
      ...job,
    }),
  );
  const person = await createCandidate(
    tenantEm(orm, actor.tenantId),
    actor,
    ZCandidateCreateInput.parse({
      name: candidate.name ?? `Casey Candidate${n}`,
      email: candidate.email ?? `casey${n}-${Date.now()}@example.test`,
      phone: candidate.phone ?? null,
      // An applicant (as the name says): one who was sourced would be owed an Art. 14 notice first.
      source: 'careers_site',
      jobId: created.id,
    }),
    TEST_ORIGIN,
  );
  const application = person.applications[0];
  if (!application) throw new Error('candidate was not added to the job');
  return { job: created, candidate: person, applicationId: application.id };
}

/** One message in the tenant's outbox. */
export async function seedOutboxEmail(em: ReturnType<typeof tenantEm>, tenantId: string): Promise<string> {
  const mail = em.create(OutboxEmail, {
    tenant: tenantId,
    to: 'someone@example.test',
    subject: 'Hello',
    text: 'Hello there',
    template: 'test',
    html: null,
  });
  await em.flush();
  return mail.id;
}

/** The candidate id behind an application's candidate; tests that see identities assert they are not blind. */
export function candidateIdOf(candidate: { blind: false; id: string } | { blind: true }): string {
  if (candidate.blind) throw new Error('expected an identified candidate, got a blind-review alias');
  return candidate.id;
}
