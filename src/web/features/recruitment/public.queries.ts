/** /api/public/recruitment as TanStack Query hooks: open campaigns, the application form, internship requests. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import type { ApplicationReceipt, PublicCampaignDetail, PublicCampaignList } from '../../../domain/recruitment/intake-api.js';

const root = '/api/public/recruitment';

export function usePublicCampaigns() {
  return useQuery({ queryKey: ['public-recruitment', 'campaigns'], queryFn: ({ signal }) => api.get<PublicCampaignList>(`${root}/campaigns`, { signal }) });
}

export function usePublicCampaign(id: number) {
  return useQuery({ queryKey: ['public-recruitment', 'campaign', id], queryFn: ({ signal }) => api.get<PublicCampaignDetail>(`${root}/campaigns/${id}`, { signal }), enabled: id > 0 });
}

export function useApply(id: number) {
  return useMutation({ mutationFn: (body: unknown) => api.post<ApplicationReceipt>(`${root}/campaigns/${id}/applications`, body) });
}

export function useRequestInternship() {
  return useMutation({ mutationFn: (body: unknown) => api.post<{ accepted: boolean }>(`${root}/internship-requests`, body) });
}
