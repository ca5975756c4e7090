import { environmentManager, QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "./api-error";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answer will not change on a second try; a 5xx or a dropped connection might.
        retry: (failures, error) => failures < 1 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
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
