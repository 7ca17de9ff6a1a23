import type { AppRouter } from '@candor/api';
import type { TRole } from '@candor/schemas';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { describe, expectTypeOf, it } from 'vitest';

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

/**
 * The router's types silently turn into `any` when something the API's types
 * mention cannot be resolved from here (an ORM type leaking into an output,
 * for one). Then every call of the backoffice still compiles; this fails instead.
 */
describe('AppRouter types seen from the backoffice', () => {
  it('keeps users.list typed', () => {
    expectTypeOf<Out['users']['list']>().not.toBeAny();
    expectTypeOf<Out['users']['list']['total']>().toEqualTypeOf<number>();
    expectTypeOf<Out['users']['list']['data'][number]['email']>().toEqualTypeOf<string>();
    expectTypeOf<Out['users']['list']['data'][number]['role']>().toEqualTypeOf<TRole>();
    expectTypeOf<Out['users']['list']['data'][number]['status']>().toEqualTypeOf<
      'invited' | 'active' | 'deactivated'
    >();
  });

  it('keeps auth.me typed', () => {
    expectTypeOf<Out['auth']['me']>().not.toBeAny();
    expectTypeOf<Out['auth']['me']['tenant']['name']>().toEqualTypeOf<string>();
    expectTypeOf<Out['auth']['me']['permissions']>().toEqualTypeOf<string[]>();
    expectTypeOf<Out['auth']['me']['memberships'][number]['tenantId']>().toEqualTypeOf<string>();
  });

  it('keeps audit.list typed', () => {
    expectTypeOf<Out['audit']['list']>().not.toBeAny();
    expectTypeOf<Out['audit']['list']['data'][number]['action']>().toEqualTypeOf<string>();
    expectTypeOf<Out['audit']['list']['data'][number]['targetId']>().toEqualTypeOf<string | null>();
  });

  it('keeps inputs typed, so the dataProvider cannot send a wrong shape', () => {
    expectTypeOf<In['users']['invite']>().not.toBeAny();
    expectTypeOf<In['users']['invite']['role']>().toEqualTypeOf<TRole>();
    expectTypeOf<In['users']['update']['status']>().toEqualTypeOf<'active' | 'deactivated' | undefined>();
  });
});
