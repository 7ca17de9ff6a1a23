import { type ComponentType, lazy } from 'react';

/**
 * A view whose code loads when it is first shown: the sign-in page and the
 * dashboard must not download every list, form and settings page (issue 16's
 * 250 KB first-load budget). Our modules use named exports, React.lazy wants
 * a default one; this picks the named one and keeps its props' type.
 * react-admin's Layout shows its Loading spinner while the chunk arrives.
 */
export function lazyView<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> })) as unknown as M[K];
}
