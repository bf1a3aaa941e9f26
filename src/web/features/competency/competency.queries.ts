/**
 * The competency framework's server state (/api/competency): the framework in force for a 年度 with the years that
 * have a saved version, and saving or withdrawing a year's version, as TanStack Query hooks.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { FrameworkList, FrameworkUpdate, FrameworkView } from '../../../domain/competency/competency-api.js';

export const competencyKeys = {
  all: ['competency'] as const,
  /** null: the current 年度, as the server counts it */
  frameworks: (fiscalYear: number | null) => ['competency', 'frameworks', fiscalYear] as const,
};

export function useFrameworkList(fiscalYear: number | null) {
  return useQuery({
    queryKey: competencyKeys.frameworks(fiscalYear),
    queryFn: ({ signal }) => api.get<FrameworkList>(withQuery('/api/competency/frameworks', { fiscalYear }), { signal }),
    // The year selector stays put while another year loads.
    placeholderData: keepPreviousData,
  });
}

export function useSaveFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fiscalYear, ...body }: FrameworkUpdate & { fiscalYear: number }) => api.put<FrameworkView>(`/api/competency/frameworks/${fiscalYear}`, body),
    // Later years may inherit the saved version: every year's view is refreshed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: competencyKeys.all }),
  });
}

export function useWithdrawFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fiscalYear, updatedAt }: { fiscalYear: number; updatedAt: string | null }) =>
      api.delete<FrameworkView>(withQuery(`/api/competency/frameworks/${fiscalYear}`, { updatedAt })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: competencyKeys.all }),
  });
}
