/** 配置ルール: the server state of /placement/rules, /placement/settings, /placement/wishes and /placement/quotas (shapes in domain/placement/rules-api.ts). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { PlacementSettings, RuleId } from '../../../domain/placement/placement-model.js';
import type {
  ExpertiseInput,
  ExpertiseView,
  PersonWishesView,
  PlacementSettingsView,
  QuotaGridView,
  QuotasInput,
  RuleFlagsView,
  WishesInput,
  WishListView,
} from '../../../domain/placement/rules-api.js';

export const placementRulesKeys = {
  all: ['placement', 'rules'] as const,
  flags: (q: RuleFlagsQuery) => ['placement', 'rules', 'flags', q] as const,
  settings: ['placement', 'rules', 'settings'] as const,
  wishes: (staffId: number, fiscalYear: number) => ['placement', 'rules', 'wishes', staffId, fiscalYear] as const,
  wishList: (fiscalYear: number, page: number) => ['placement', 'rules', 'wish-list', fiscalYear, page] as const,
  expertise: (staffId: number) => ['placement', 'rules', 'expertise', staffId] as const,
  quotas: (fiscalYear: number) => ['placement', 'rules', 'quotas', fiscalYear] as const,
};

export type RuleFlagsQuery = { date: string | null; rule: RuleId | null; unitId: number | null; page: number };

export function useRuleFlags(q: RuleFlagsQuery) {
  return useQuery({
    queryKey: placementRulesKeys.flags(q),
    queryFn: ({ signal }) => api.get<RuleFlagsView>(withQuery('/api/placement/rules', { date: q.date, rule: q.rule, unitId: q.unitId, page: q.page }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlacementSettings() {
  return useQuery({
    queryKey: placementRulesKeys.settings,
    queryFn: ({ signal }) => api.get<PlacementSettingsView>('/api/placement/settings', { signal }),
  });
}

export function useSavePlacementSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { updatedAt: string | null; settings: PlacementSettings }) => api.put<PlacementSettingsView>('/api/placement/settings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementRulesKeys.all }),
  });
}

export function usePersonWishes(staffId: number | null, fiscalYear: number) {
  return useQuery({
    queryKey: placementRulesKeys.wishes(staffId ?? 0, fiscalYear),
    queryFn: ({ signal }) => api.get<PersonWishesView>(`/api/placement/wishes/${staffId ?? 0}/${fiscalYear}`, { signal }),
    enabled: staffId !== null,
  });
}

export function useSaveWishes(staffId: number, fiscalYear: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WishesInput) => api.put<PersonWishesView>(`/api/placement/wishes/${staffId}/${fiscalYear}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementRulesKeys.all }),
  });
}

export function useWishList(fiscalYear: number, page: number) {
  return useQuery({
    queryKey: placementRulesKeys.wishList(fiscalYear, page),
    queryFn: ({ signal }) => api.get<WishListView>(withQuery('/api/placement/wishes', { fiscalYear, page }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useExpertise(staffId: number | null) {
  return useQuery({
    queryKey: placementRulesKeys.expertise(staffId ?? 0),
    queryFn: ({ signal }) => api.get<ExpertiseView>(`/api/placement/expertise/${staffId ?? 0}`, { signal }),
    enabled: staffId !== null,
  });
}

export function useSaveExpertise(staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertiseInput) => api.put<ExpertiseView>(`/api/placement/expertise/${staffId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementRulesKeys.all }),
  });
}

export function useQuotaGrid(fiscalYear: number) {
  return useQuery({
    queryKey: placementRulesKeys.quotas(fiscalYear),
    queryFn: ({ signal }) => api.get<QuotaGridView>(`/api/placement/quotas/${fiscalYear}`, { signal }),
  });
}

export function useSaveQuotas(fiscalYear: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuotasInput) => api.put<QuotaGridView>(`/api/placement/quotas/${fiscalYear}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementRulesKeys.all }),
  });
}
