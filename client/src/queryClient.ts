import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/problem';

/** Server state of the console (TanStack Query). Cleared on tenant switch and sign-out. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 401 is handled by the API client (renew, then sign in); other 4xx will not change on a retry.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
