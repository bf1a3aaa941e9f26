/** Entry point of the SPA: query cache, router, and where a lost session sends people (/login). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from './app/api-client.js';
import { createRouter } from './app/router.js';
import './app/app.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Errors that a retry cannot fix (no right, not found, bad input) are shown at once.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

const router = createRouter();

setUnauthorizedHandler(() => {
  setCsrfToken(null);
  queryClient.clear();
  if (!window.location.pathname.startsWith('/login')) void router.navigate('/login', { replace: true });
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
