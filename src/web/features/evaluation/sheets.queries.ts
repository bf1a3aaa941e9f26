/**
 * One evaluation sheet's server state (GET /api/evaluation/sheets/:id) and the actions on it (POST …/actions), as
 * TanStack Query hooks. Other evaluation screens may import these; the answer of an action is the new SheetView,
 * so the sheet is updated in place and every list of sheets (my sheets, queues, progress) is refreshed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api-client.js';
import type { SheetActionInput, SheetView } from '../../../domain/evaluation/evaluation-api.js';

export const sheetKeys = {
  all: ['evaluation', 'sheets'] as const,
  sheet: (id: number) => ['evaluation', 'sheets', id] as const,
};

export function useSheet(id: number) {
  return useQuery({
    queryKey: sheetKeys.sheet(id),
    queryFn: ({ signal }) => api.get<SheetView>(`/api/evaluation/sheets/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/**
 * Applies one action. `requestKey` is made once per click by the caller, so the automatic retry after a lost
 * connection sends the same key and the server applies the action at most once.
 */
export function useSheetAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SheetActionInput) => api.post<SheetView>(`/api/evaluation/sheets/${id}/actions`, input),
    retry: (failureCount, error) => error instanceof ApiError && error.status === 0 && failureCount < 2,
    onSuccess: (view) => {
      queryClient.setQueryData(sheetKeys.sheet(id), view);
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'evaluation' && !(query.queryKey[1] === 'sheets' && query.queryKey[2] === id),
      });
    },
  });
}

/**
 * A random v4 UUID for request keys and goal ids. crypto.randomUUID exists only in secure contexts (HTTPS or
 * localhost); a city intranet served over plain HTTP still has crypto.getRandomValues.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
