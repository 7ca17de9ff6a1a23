import { PERMISSIONS, roleCan, type TMe, type TPermission, type TRole } from '@candor/schemas';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdminContext, type AuthProvider } from 'react-admin';
import { afterEach, vi } from 'vitest';
import type { CandorPermissions } from '../access';
import type { CandorDataProvider } from '../providers/dataProvider';

afterEach(cleanup);

/** A call as a test writes it: the real arguments and result, in a plain promise. */
type FakeCall<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
// Named members only: react-admin's DataProvider also has an index signature, which would let anything through.
export type FakeCalls = {
  [K in keyof CandorDataProvider as string extends K ? never : K]?: FakeCall<CandorDataProvider[K]>;
};

/**
 * A dataProvider with only the calls a test expects; any other call fails the
 * test with its name, so a component that starts asking for more is noticed.
 */
export function fakeDataProvider(calls: FakeCalls): CandorDataProvider {
  // The cast is the point: the Proxy answers every other member by failing loudly.
  return new Proxy(calls, {
    get(target, name: string) {
      if (name in target) return target[name as keyof FakeCalls];
      if (name === 'then') return undefined;
      return vi.fn(() => Promise.reject(new Error(`Unexpected dataProvider.${name}() in this test`)));
    },
  }) as CandorDataProvider;
}

/** A member with `role`, holding exactly the permissions the role has. */
export function signedIn(role: TRole, userId: string = crypto.randomUUID()): TMe {
  const permissions = (Object.keys(PERMISSIONS) as TPermission[]).filter((p) => roleCan(role, p));
  return {
    userId,
    role,
    permissions,
    email: `${role}@example.test`,
    name: `A ${role}`,
    tenant: { id: '00000000-0000-4000-8000-000000000001', slug: 'acme', name: 'Acme' },
    memberships: [],
    secondFactorRequired: false,
    signedInWith: 'password',
  };
}

/** The component inside react-admin's context (query client, i18n, notifications), signed in as `me`. */
export function renderAdmin(ui: ReactElement, options: { dataProvider: CandorDataProvider; me: TMe }) {
  const permissions: CandorPermissions = { role: options.me.role, permissions: options.me.permissions };
  const authProvider: AuthProvider = {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getIdentity: async () => ({ id: options.me.userId, fullName: options.me.name, me: options.me }),
    getPermissions: async () => permissions,
  };
  return render(
    <AdminContext dataProvider={options.dataProvider} authProvider={authProvider}>
      {ui}
    </AdminContext>,
  );
}
