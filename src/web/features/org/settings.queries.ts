/**
 * The organisation settings' server state (/api/settings): the settings document with its concurrency token,
 * and the positions, as TanStack Query hooks. A change refreshes what depends on the settings (directory,
 * profiles, unit pages, the positions list used by the search form).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import type {
  OrgSettingsUpdate,
  OrgSettingsView,
  PositionChangeResult,
  PositionInput,
  PositionSettingItem,
} from '../../../domain/org/org-api.js';

export const settingsKeys = {
  org: ['settings', 'org'] as const,
  positions: ['settings', 'positions'] as const,
};

/** Career phases, unit heads and position names show up in the directory, profiles and unit pages. */
function refreshDependents(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['staff'] });
  void queryClient.invalidateQueries({ queryKey: ['org'] });
  void queryClient.invalidateQueries({ queryKey: ['relations'] });
}

export function useOrgSettings() {
  return useQuery({
    queryKey: settingsKeys.org,
    queryFn: ({ signal }) => api.get<OrgSettingsView>('/api/settings/org', { signal }),
  });
}

export function useUpdateOrgSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgSettingsUpdate) => api.put<OrgSettingsView>('/api/settings/org', input),
    onSuccess: (view) => {
      queryClient.setQueryData(settingsKeys.org, view);
      refreshDependents(queryClient);
    },
  });
}

export function useResetOrgSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (updatedAt: string | null) => api.post<OrgSettingsView>('/api/settings/org/reset', { updatedAt }),
    onSuccess: (view) => {
      queryClient.setQueryData(settingsKeys.org, view);
      refreshDependents(queryClient);
    },
  });
}

export function usePositionSettings() {
  return useQuery({
    queryKey: settingsKeys.positions,
    queryFn: ({ signal }) => api.get<{ positions: PositionSettingItem[] }>('/api/settings/positions', { signal }),
  });
}

function usePositionMutation<T>(mutationFn: (input: T) => Promise<PositionChangeResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      queryClient.setQueryData(settingsKeys.positions, { positions: result.positions });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.org });
      refreshDependents(queryClient);
    },
  });
}

export function useCreatePosition() {
  return usePositionMutation((input: PositionInput) => api.post<PositionChangeResult>('/api/settings/positions', input));
}

export function useUpdatePosition() {
  return usePositionMutation(({ id, ...changes }: Partial<PositionInput> & { id: number }) =>
    api.patch<PositionChangeResult>(`/api/settings/positions/${id}`, changes),
  );
}
