import { environmentManager, QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "./api-error";

/**
 * Only a request that never reached the dashboard's server is worth a second try. An answer with
 * an error status is final for this request: a 4xx will not change, and a 5xx comes after the
 * server has already retried the upstream (and goes on retrying behind it), so asking again would
 * only delay the error the reader should see. Polling and the list's own retry pace ask again later.
 */
export function shouldRetry(failures: number, error: unknown): boolean {
  return failures < 1 && error instanceof ApiRequestError && error.status === 0;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/**
 * A new client per server request (no data shared between users), one per browser tab (so a
 * suspended first render does not throw the cache away). TanStack's nextjs-app-prefetching pattern.
 */
export function getQueryClient(): QueryClient {
  if (environmentManager.isServer()) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
