/** /api/recruitment (intake) as TanStack Query hooks: campaigns, e-application CSV import, settings, internships. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile, withQuery } from '../../app/api-client.js';
import type { CampaignDefaults, CampaignList, CampaignWithCount, EApplicationImportResult, InternshipList, InternshipView, RecruitmentSettings } from '../../../domain/recruitment/intake-api.js';
import type { CampaignCategory } from '../../../domain/recruitment/recruitment-model.js';
import type { UnitList } from '../../../domain/org/org-api.js';

const root = '/api/recruitment';
export const intakeKeys = {
  campaigns: (fy: number) => ['recruitment', 'campaigns', fy] as const,
  campaign: (id: number) => ['recruitment', 'campaign', id] as const,
  internships: ['recruitment', 'internships'] as const,
  settings: ['recruitment', 'settings'] as const,
};

export function useCampaigns(fiscalYear: number) {
  return useQuery({ queryKey: intakeKeys.campaigns(fiscalYear), queryFn: ({ signal }) => api.get<CampaignList>(withQuery(`${root}/campaigns`, { fiscalYear }), { signal }) });
}

export function useCampaign(id: number) {
  return useQuery({ queryKey: intakeKeys.campaign(id), queryFn: ({ signal }) => api.get<CampaignWithCount>(`${root}/campaigns/${id}`, { signal }) });
}

export function fetchCampaignDefaults(q: { category: CampaignCategory; fiscalYear: number; postsToFill: number }) {
  return api.get<CampaignDefaults>(withQuery(`${root}/campaigns/defaults`, q));
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<CampaignWithCount>(`${root}/campaigns`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['recruitment', 'campaigns'] }),
  });
}

export function useSaveCampaign(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.put<CampaignWithCount>(`${root}/campaigns/${id}`, body),
    onSuccess: (row) => {
      qc.setQueryData(intakeKeys.campaign(id), row);
      void qc.invalidateQueries({ queryKey: ['recruitment', 'campaigns'] });
    },
  });
}

export function useMoveCampaign(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: string; version: number }) => api.post<CampaignWithCount>(`${root}/campaigns/${id}/status`, body),
    onSuccess: (row) => {
      qc.setQueryData(intakeKeys.campaign(id), row);
      void qc.invalidateQueries({ queryKey: ['recruitment', 'campaigns'] });
    },
  });
}

/** Sends the CSV bytes as they are: preview (commit=false) or commit with the preview's hash. */
export function postEApplicationCsv(campaignId: number, file: Blob, q: { encoding: string; commit: boolean; sha256?: string }): Promise<EApplicationImportResult> {
  return uploadFile<EApplicationImportResult>(withQuery(`${root}/campaigns/${campaignId}/e-application-imports`, { encoding: q.encoding, commit: String(q.commit), sha256: q.sha256 }), file, () => {});
}

export function useRecruitmentSettings() {
  return useQuery({ queryKey: intakeKeys.settings, queryFn: ({ signal }) => api.get<RecruitmentSettings>(`${root}/settings`, { signal }) });
}

export function useSaveRecruitmentSetting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value, updatedAt }: { key: 'recruitment-intake' | 'recruitment-rubrics'; value: unknown; updatedAt: string | null }) => api.put(`${root}/settings/${key}`, { value, updatedAt }),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.settings }),
  });
}

export function useInternships() {
  return useQuery({ queryKey: intakeKeys.internships, queryFn: ({ signal }) => api.get<InternshipList>(`${root}/internships`, { signal }) });
}

export function useSaveInternship() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & Record<string, unknown>) => api.put<InternshipView>(`${root}/internships/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.internships }),
  });
}

/** The units on a date, for choosing an internship's host unit (the org feature's own hook is not shared). */
export function useHostUnits(asOf: string) {
  return useQuery({ queryKey: ['recruitment', 'host-units', asOf], queryFn: ({ signal }) => api.get<UnitList>(withQuery('/api/org/units', { asOf }), { signal }), staleTime: 5 * 60_000 });
}
