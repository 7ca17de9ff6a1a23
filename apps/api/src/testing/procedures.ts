import { roleCan, type TRole } from '@candor/schemas';
import { appRouter } from '../router.js';
import type { Meta } from '../trpc/init.js';

type AnyProcedure = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: Meta } };

/** Every procedure of the app router, read from the router itself, by path ("applications.get"). */
export const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
);

export type Call = (input: unknown) => Promise<unknown>;

/** The procedure at `path` on a tRPC caller. */
export function procedureOf(caller: unknown, path: string): Call {
  return path.split('.').reduce((node, key) => (node as Record<string, unknown>)[key], caller) as Call;
}

/** Paths of the procedures a member with this role may call (public ones included). */
export function reachableBy(role: TRole): string[] {
  return procedures
    .filter(([, p]) => {
      const access = p._def.meta?.access;
      return access !== undefined && (access.kind !== 'permission' || roleCan(role, access.permission));
    })
    .map(([path]) => path);
}
