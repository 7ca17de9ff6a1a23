import { randomBytes } from 'node:crypto';
import type { TRole } from '@candor/schemas';
import { Membership, PrivacyNotice, Tenant, User } from '../entities/index.js';
import type { Em } from '../orm.js';
import { hashPassword } from '../password.js';

function unique(): string {
  return randomBytes(4).toString('hex');
}

export const TEST_PASSWORD = 'test-pass-phrase-42';
let cachedHash: Promise<string> | undefined;

/** Hashing is deliberately slow; tests share one hash of TEST_PASSWORD. */
function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export async function seedTenant(em: Em, overrides: Partial<{ slug: string; name: string }> = {}) {
  const suffix = unique();
  const tenant = em.create(Tenant, {
    slug: overrides.slug ?? `t-${suffix}`,
    name: overrides.name ?? `Tenant ${suffix}`,
  });
  await em.flush();
  return tenant;
}

export async function seedUser(
  em: Em,
  tenant: { id: string },
  role: TRole,
  overrides: Partial<{ email: string; name: string; status: 'active' | 'invited' | 'deactivated' }> = {},
) {
  const suffix = unique();
  const user = em.create(User, {
    email: overrides.email ?? `${role}-${suffix}@example.test`,
    name: overrides.name ?? `${role} ${suffix}`,
    passwordHash: await testPasswordHash(),
  });
  em.create(Membership, {
    tenant: em.getReference(Tenant, tenant.id),
    user,
    role,
    status: overrides.status ?? 'active',
  });
  await em.flush();
  return user;
}

/** A published privacy-notice version, in effect from `effectiveOn` (default: a week ago). */
export async function seedPublishedNotice(
  em: Em,
  tenant: { id: string },
  options: Partial<{ version: number; effectiveOn: string; materialChange: boolean; bodyMd: string }> = {},
) {
  const effectiveOn = options.effectiveOn ?? new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  const notice = em.create(PrivacyNotice, {
    tenant: em.getReference(Tenant, tenant.id),
    version: options.version ?? 1,
    bodyMd: options.bodyMd ?? '# Privacy notice\n\nWe use your data to assess your application.',
    effectiveOn,
    materialChange: options.materialChange ?? false,
    changeSummary: options.materialChange ? 'New purposes' : '',
    publishedAt: new Date(),
    publishedBy: null,
  });
  await em.flush();
  return notice;
}
