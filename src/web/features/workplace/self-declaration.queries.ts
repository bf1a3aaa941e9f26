/**
 * /api/workplace/self-declaration… as TanStack Query hooks: the campaigns, one's own declaration (draft autosave,
 * submit), the supervisor's team list, HR's list, progress, reminders and the form settings.
 * Shapes: domain/workplace/self-declaration-api.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type {
  CampaignList,
  CampaignProgress,
  CampaignSummary,
  DeclarationList,
  DeclarationView,
  SaveDeclarationInput,
  SaveDeclarationResult,
  SelfDeclarationFormUpdate,
  SelfDeclarationFormView,
} from '../../../domain/workplace/self-declaration-api.js';
import type { OpenCampaignInput } from '../../../domain/workplace/self-declaration-campaign.js';
import type { UnitList } from '../../../domain/org/org-api.js';

const root = '/api/workplace/self-declaration';
const campaignPath = (id: number) => `${root}/campaigns/${id}`;

export const selfDeclarationKeys = {
  all: ['self-declaration'] as const,
  campaigns: ['self-declaration', 'campaigns'] as const,
  form: ['self-declaration', 'form'] as const,
  mine: (id: number) => ['self-declaration', 'mine', id] as const,
  of: (id: number, view: string, extra?: unknown) => ['self-declaration', 'campaign', id, view, extra] as const,
};

export type DeclarationFilterValues = { unitId?: string; transferWish?: string; careerIntention?: string; status?: string };

export function useCampaigns() {
  return useQuery({ queryKey: selfDeclarationKeys.campaigns, queryFn: ({ signal }) => api.get<CampaignList>(`${root}/campaigns`, { signal }) });
}

export function useMyDeclaration(id: number) {
  return useQuery({ queryKey: selfDeclarationKeys.mine(id), queryFn: ({ signal }) => api.get<DeclarationView>(`${campaignPath(id)}/mine`, { signal }), staleTime: Infinity });
}

export function useSaveDraft(id: number) {
  return useMutation({ mutationFn: (input: SaveDeclarationInput) => api.put<SaveDeclarationResult>(`${campaignPath(id)}/mine`, input) });
}

/** The page keeps its own state after a submit (the cached declaration is refetched on the next visit). */
export function useSubmitDeclaration(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveDeclarationInput) => api.post<SaveDeclarationResult>(`${campaignPath(id)}/mine/submit`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: selfDeclarationKeys.mine(id), refetchType: 'none' }),
  });
}

export function useDeclarationOf(id: number, staffId: number) {
  return useQuery({
    queryKey: selfDeclarationKeys.of(id, 'declaration', staffId),
    queryFn: ({ signal }) => api.get<DeclarationView>(`${campaignPath(id)}/declarations/${staffId}`, { signal }),
  });
}

export function useTeam(id: number | undefined) {
  return useQuery({
    queryKey: selfDeclarationKeys.of(id ?? 0, 'team'),
    queryFn: ({ signal }) => api.get<DeclarationList>(`${campaignPath(id!)}/team`, { signal }),
    enabled: id !== undefined,
  });
}

export function useDeclarations(id: number | undefined, filters: DeclarationFilterValues) {
  return useQuery({
    queryKey: selfDeclarationKeys.of(id ?? 0, 'declarations', filters),
    queryFn: ({ signal }) => api.get<DeclarationList>(withQuery(`${campaignPath(id!)}/declarations`, filters), { signal }),
    enabled: id !== undefined,
  });
}

export function useProgress(id: number | undefined) {
  return useQuery({
    queryKey: selfDeclarationKeys.of(id ?? 0, 'progress'),
    queryFn: ({ signal }) => api.get<CampaignProgress>(`${campaignPath(id!)}/progress`, { signal }),
    enabled: id !== undefined,
  });
}

export function useRemind(id: number) {
  return useMutation({ mutationFn: () => api.post<{ notified: number }>(`${campaignPath(id)}/reminders`, {}) });
}

export function useOpenCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenCampaignInput) => api.post<CampaignSummary>(`${root}/campaigns`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: selfDeclarationKeys.campaigns }),
  });
}

export function useCloseCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: { id: number; version: number }) => api.post<CampaignSummary>(`${campaignPath(c.id)}/close`, { version: c.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: selfDeclarationKeys.all }),
  });
}

export function useFormSettings(enabled: boolean) {
  return useQuery({ queryKey: selfDeclarationKeys.form, queryFn: ({ signal }) => api.get<SelfDeclarationFormView>(`${root}/form`, { signal }), enabled });
}

export function useSaveFormSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SelfDeclarationFormUpdate) => api.put<SelfDeclarationFormView>(`${root}/form`, input),
    onSuccess: (view) => client.setQueryData(selfDeclarationKeys.form, view),
  });
}

/** The organisation on a date (the units one may wish for). */
export function useUnitsOn(asOf: string | undefined) {
  return useQuery({
    queryKey: ['org', 'units', asOf],
    queryFn: ({ signal }) => api.get<UnitList>(withQuery('/api/org/units', { asOf }), { signal }),
    enabled: asOf !== undefined,
    staleTime: 5 * 60_000,
  });
}
