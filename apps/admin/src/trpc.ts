import type { AppRouter } from '@candor/api';
import { FILE_UPLOAD_PROCEDURES, MAX_TRPC_BATCH_SIZE } from '@candor/schemas/trpc-limits';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';

/** The session lives in an httpOnly cookie on the same origin, so every call must send cookies. */
const withCookies: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'same-origin' });

/**
 * The one tRPC client of the backoffice. Calls are batched up to the API's
 * cap; a call carrying a file goes alone, as the API gives only a lone
 * upload procedure the body limit a file needs.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => FILE_UPLOAD_PROCEDURES.includes(op.path),
      true: httpLink({ url: '/trpc', fetch: withCookies }),
      false: httpBatchLink({ url: '/trpc', maxItems: MAX_TRPC_BATCH_SIZE, fetch: withCookies }),
    }),
  ],
});

export type TrpcClient = typeof trpc;

/** What a mutation accepts, as the API declares it (zod input: defaults may be left out). */
export type MutationInput<M extends { mutate: (input: never) => unknown }> = Parameters<M['mutate']>[0];

/** What a query accepts, as the API declares it. */
export type QueryInput<Q extends { query: (input: never) => unknown }> = Parameters<Q['query']>[0];
