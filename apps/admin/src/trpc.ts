import type { AppRouter } from '@candor/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

/**
 * The one tRPC client of the backoffice. The session lives in an httpOnly
 * cookie on the same origin, so every call must send cookies.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
    }),
  ],
});

export type TrpcClient = typeof trpc;
