/**
 * Enumerates every procedure of the app router, from the router itself, and
 * proves the access rules: anonymous callers get UNAUTHORIZED, roles without
 * the permission get FORBIDDEN, and a member of another tenant never gets
 * the first tenant's data. A procedure added without a declared access rule
 * or without a sample input below fails this file.
 */
import { Membership, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { ROLES, roleCan, type TRole } from '@candor/schemas';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './router.js';
import { callerFor, sessionFor, testDeps } from './testing/test-app.js';
import type { Access } from './trpc/init.js';

type AnyProcedure = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: { access?: Access } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

interface TenantAFixtures {
  tenantId: string;
  targetUserId: string;
}

/** A valid input for each procedure, aimed at tenant A's records where it names one. */
const SAMPLE_INPUTS: Record<string, (a: TenantAFixtures) => unknown> = {
  'auth.signIn': () => ({ email: 'nobody@example.test', password: 'whatever' }),
  'auth.signOut': () => undefined,
  'auth.me': () => undefined,
  'auth.switchTenant': (a) => ({ tenantId: a.tenantId }),
  'auth.setPassword': () => ({ token: 'x'.repeat(43), password: 'a long enough passphrase' }),
  'users.list': () => ({}),
  'users.get': (a) => ({ id: a.targetUserId }),
  'users.invite': () => ({ email: `new-${Date.now()}@example.test`, name: 'New Person', role: 'recruiter' }),
  'users.update': (a) => ({ id: a.targetUserId, role: 'recruiter' }),
  'audit.list': () => ({}),
};

type Call = (input: unknown) => Promise<unknown>;
function procedureOf(caller: unknown, path: string): Call {
  return path.split('.').reduce((node, key) => (node as Record<string, unknown>)[key], caller) as Call;
}

async function codeOf(promise: Promise<unknown>): Promise<string | 'OK'> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe('the router', () => {
  it('has procedures to check', () => {
    expect(procedures.length).toBeGreaterThan(5);
  });

  it.each(procedures.map(([path]) => path))('%s declares an access rule and has a sample input', (path) => {
    const entry = procedures.find(([p]) => p === path)!;
    expect(entry[1]._def.meta?.access, `${path} was not built from an access builder`).toBeDefined();
    expect(SAMPLE_INPUTS, `add a sample input for ${path}`).toHaveProperty([path]);
  });
});

forEachDatabase('authorization', (db) => {
  const deps = () => testDeps(db.orm());
  let a: TenantAFixtures;
  // Sessions are made per test: one of the procedures under test is signOut.
  const members = {} as Record<TRole, { userId: string; tenantId: string }>;
  let outsider: { userId: string; tenantId: string };
  const tokenOf = (who: { userId: string; tenantId: string }) => sessionFor(deps(), who.userId, who.tenantId);
  let tenantASecrets: string[];

  beforeAll(async () => {
    const em = db.orm().em.fork();
    const tenantA = await seedTenant(em);
    const tenantB = await seedTenant(em);
    for (const role of ROLES) {
      const user = await seedUser(em, tenantA, role);
      members[role] = { userId: user.id, tenantId: tenantA.id };
    }
    const target = await seedUser(em, tenantA, 'recruiter', { name: 'Target Person' });
    const outsiderUser = await seedUser(em, tenantB, 'owner');
    outsider = { userId: outsiderUser.id, tenantId: tenantB.id };
    a = { tenantId: tenantA.id, targetUserId: target.id };
    const membersOfA = await em.find(
      Membership,
      { tenant: tenantA },
      { populate: ['user'], filters: { [TENANT_FILTER]: false } },
    );
    tenantASecrets = [tenantA.id, ...membersOfA.flatMap((m) => [m.user.id, m.user.email, m.user.name])];
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;

    it(`${path}: anonymous callers get UNAUTHORIZED${access?.kind === 'public' ? ' (public: skipped)' : ''}`, async () => {
      if (access?.kind === 'public') return;
      const caller = await callerFor(deps());
      expect(await codeOf(procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a)))).toBe('UNAUTHORIZED');
    });

    if (access?.kind === 'permission') {
      const { permission } = access;
      for (const role of ROLES.filter((r) => !roleCan(r, permission))) {
        it(`${path}: ${role} lacks ${permission} and gets FORBIDDEN`, async () => {
          const caller = await callerFor(deps(), await tokenOf(members[role]));
          expect(await codeOf(procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a)))).toBe('FORBIDDEN');
        });
      }
    }

    if (access?.kind === 'permission' || access?.kind === 'tenant' || access?.kind === 'authed') {
      it(`${path}: a member of another tenant gets no data of tenant A`, async () => {
        const caller = await callerFor(deps(), await tokenOf(outsider));
        try {
          const result = await procedureOf(caller, path)(SAMPLE_INPUTS[path]!(a));
          const json = JSON.stringify(result ?? null);
          for (const secret of tenantASecrets) expect(json).not.toContain(secret);
        } catch (error) {
          expect(error).toBeInstanceOf(TRPCError);
          expect(['FORBIDDEN', 'NOT_FOUND']).toContain((error as TRPCError).code);
        }
      });
    }
  }

  it('a deactivated member is refused even with a live session', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const user = await seedUser(em, tenant, 'admin', { status: 'deactivated' });
    const caller = await callerFor(deps(), await sessionFor(deps(), user.id, tenant.id));
    expect(await codeOf(caller.users.list({}))).toBe('FORBIDDEN');
  });
});
