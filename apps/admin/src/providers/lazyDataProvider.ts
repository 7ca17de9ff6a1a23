import type { CandorDataProvider } from './dataProvider';

let loading: Promise<CandorDataProvider> | undefined;
const load = () => {
  loading ??= import('./dataProvider').then((module) => module.dataProvider);
  return loading;
};

/**
 * The dataProvider as <Admin> gets it: each method loads the real one
 * (./dataProvider) on its first call. The real one validates inputs with the
 * Zod schemas of every resource, which the sign-in page never needs (issue
 * 16's first-load budget). Only string names are methods, and never `then`:
 * the object must not look like a promise.
 */
export const lazyDataProvider = new Proxy({} as CandorDataProvider, {
  get: (_target, name) =>
    typeof name === 'string' && name !== 'then'
      ? (...args: unknown[]) =>
          load().then((provider) =>
            (provider[name as keyof CandorDataProvider] as (...a: unknown[]) => unknown)(...args),
          )
      : undefined,
});
