import type { TRole } from '@candor/schemas';
import { Membership, Tenant, User } from '../entities/index.js';
import type { Em } from '../orm.js';
import { hashPassword } from '../password.js';

export const DEMO_TENANT = { slug: 'acme', name: 'Acme Robotics' } as const;
export const DEMO_PASSWORD = 'candor-demo-pass';
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: TRole }> = [
  { email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner' },
  { email: 'admin@acme.example', name: 'Adam Admin', role: 'admin' },
  { email: 'recruiter@acme.example', name: 'Rita Recruiter', role: 'recruiter' },
  { email: 'manager@acme.example', name: 'Manny Manager', role: 'hiring_manager' },
];

/**
 * Seeds the demo tenant and its four users. Idempotent: does nothing when the
 * demo tenant exists. Never called in production mode.
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
    for (const demo of DEMO_USERS) {
      const user = tx.create(User, { email: demo.email, name: demo.name, passwordHash });
      tx.create(Membership, { tenant, user, role: demo.role, status: 'active' });
    }
    return { created: true };
  });
}
