import { SOURCES_NEEDING_NOTICE, type TRole } from '@candor/schemas';
import type { InferEntity } from '@mikro-orm/core';
import { Candidate, Membership, Tenant, User } from '../entities/index.js';
import type { Em } from '../orm.js';
import { hashPassword } from '../password.js';
import { seedDemoFeedback } from './demo-feedback.js';
import { seedDemoHiring } from './demo-hiring.js';
import { seedDemoPrivacy } from './demo-privacy.js';
import { seedDemoRetention } from './demo-retention.js';

export const DEMO_TENANT = { slug: 'acme', name: 'Acme Robotics' } as const;
export const DEMO_PASSWORD = 'candor-demo-pass';
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: TRole }> = [
  { email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner' },
  { email: 'admin@acme.example', name: 'Adam Admin', role: 'admin' },
  { email: 'recruiter@acme.example', name: 'Rita Recruiter', role: 'recruiter' },
  { email: 'manager@acme.example', name: 'Manny Manager', role: 'hiring_manager' },
];

/**
 * A second, small tenant the demo owner also belongs to (as admin), so
 * switching tenants and tenant isolation can be tried in the backoffice.
 */
export const DEMO_SECOND_TENANT = { slug: 'globex', name: 'Globex Labs' } as const;
const SECOND_TENANT_USERS: ReadonlyArray<{ email: string; name: string; role: TRole }> = [
  { email: 'recruiter@globex.example', name: 'Gus Globex', role: 'recruiter' },
];

/**
 * Seeds the demo tenant and its four users, its hiring data (jobs, candidates, applications: see
 * demo-hiring.ts), and the second tenant. Idempotent: does nothing when the demo tenant exists.
 * Never called in production mode.
 */
export async function seedDemo(em: Em): Promise<{ created: boolean }> {
  return em.transactional(async (tx) => {
    if (await tx.findOne(Tenant, { slug: DEMO_TENANT.slug })) return { created: false };
    const tenant = tx.create(Tenant, {
      slug: DEMO_TENANT.slug,
      name: DEMO_TENANT.name,
      primaryColor: '#0f766e',
      about: 'We build friendly robots for warehouses, hospitals and homes.',
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const users = new Map<string, InferEntity<typeof User>>();
    for (const demo of DEMO_USERS) {
      const user = tx.create(User, { email: demo.email, name: demo.name, passwordHash });
      users.set(demo.email, user);
      tx.create(Membership, { tenant, user, role: demo.role, status: 'active' });
    }

    const second = tx.create(Tenant, {
      slug: DEMO_SECOND_TENANT.slug,
      name: DEMO_SECOND_TENANT.name,
      primaryColor: '#1d4ed8',
      about: 'Applied research in materials and sensors.',
    });
    const owner = users.get('owner@acme.example');
    if (owner) tx.create(Membership, { tenant: second, user: owner, role: 'admin', status: 'active' });
    for (const demo of SECOND_TENANT_USERS) {
      const user = tx.create(User, { email: demo.email, name: demo.name, passwordHash });
      tx.create(Membership, { tenant: second, user, role: demo.role, status: 'active' });
    }
    // The hiring data looks its users up by email, so they must be written first.
    await tx.flush();
    const stories = await seedDemoHiring(tx, tenant.id);
    await seedDemoFeedback(tx, tenant.id, stories);
    await seedDemoPrivacy(tx, tenant.id, 'privacy@acme.example');
    await seedDemoPrivacy(tx, second.id, 'privacy@globex.example');
    await seedDemoRetention(tx, tenant.id);
    await seedDemoNoticesSent(tx, tenant.id, 2);
    await seedDemoNoticesSent(tx, second.id, 0);
    return { created: true };
  });
}

/** The people a tenant added most recently (`waiting`) wait in its Art. 14 queue; everyone it added before was told the day they were added. */
async function seedDemoNoticesSent(tx: Em, tenantId: string, waiting: number): Promise<void> {
  const added = await tx.find(
    Candidate,
    { tenant: tenantId, source: { $in: [...SOURCES_NEEDING_NOTICE] } },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  for (const candidate of added.slice(waiting))
    candidate.sourcedNoticeSentAt = new Date(candidate.createdAt.getTime() + 3_600_000);
  await tx.flush();
}
