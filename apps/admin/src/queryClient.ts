import { QueryClient } from '@tanstack/react-query';
import { HttpError } from 'react-admin';

/**
 * react-query retries failed queries three times with backoff by default, so
 * a signed-out visitor would wait ~7 s for the login page. A 4xx answer will
 * not change on retry; only network and server errors are retried, once.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => {
        const status =
          error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;
        if (typeof status === 'number' && status >= 400 && status < 500) return false;
        return failureCount < 1;
      },
      staleTime: 5_000,
    },
  },
});
