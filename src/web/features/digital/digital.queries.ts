/** Server state of the digital-talent screens (/api/digital). Every change refreshes the whole area. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { AssessmentLevels, AssessmentList, AssessmentSummary, MyAssessmentView, ReviewAction } from '../../../domain/digital/skill-assessment.js';
import type { DxAdvisorList, DxLeaderCoverage, DxStructure, ExchangeList, SkillFrameworkUpdate, SkillFrameworkView } from '../../../domain/digital/digital-api.js';
import type { DxAdvisorInput, DxBodyInput, DxLeaderInput, DxMemberInput, ExchangeInput } from '../../../domain/digital/dx-structure.js';

export const digitalKeys = {
  all: ['digital'] as const,
  framework: ['digital', 'framework'] as const,
  mine: (fiscalYear: number) => ['digital', 'assessments', 'mine', fiscalYear] as const,
  pending: ['digital', 'assessments', 'pending'] as const,
  year: (fiscalYear: number) => ['digital', 'assessments', 'year', fiscalYear] as const,
  summary: (fiscalYear: number) => ['digital', 'assessments', 'summary', fiscalYear] as const,
  structure: (asOf: string) => ['digital', 'structure', asOf] as const,
  leaders: (asOf: string) => ['digital', 'leaders', asOf] as const,
  advisors: ['digital', 'advisors'] as const,
  exchanges: ['digital', 'exchanges'] as const,
};

export const useSkillFramework = () => useQuery({ queryKey: digitalKeys.framework, queryFn: ({ signal }) => api.get<SkillFrameworkView>('/api/digital/framework', { signal }) });
export const useMyAssessment = (fiscalYear: number) =>
  useQuery({ queryKey: digitalKeys.mine(fiscalYear), queryFn: ({ signal }) => api.get<MyAssessmentView>(`/api/digital/assessments/mine/${fiscalYear}`, { signal }) });
export const usePendingAssessments = () => useQuery({ queryKey: digitalKeys.pending, queryFn: ({ signal }) => api.get<AssessmentList>('/api/digital/assessments/pending', { signal }) });
export const useAssessmentsOfYear = (fiscalYear: number) =>
  useQuery({ queryKey: digitalKeys.year(fiscalYear), queryFn: ({ signal }) => api.get<AssessmentList>(withQuery('/api/digital/assessments', { fiscalYear }), { signal }) });
export const useAssessmentSummary = (fiscalYear: number) =>
  useQuery({ queryKey: digitalKeys.summary(fiscalYear), queryFn: ({ signal }) => api.get<AssessmentSummary>(withQuery('/api/digital/assessments/summary', { fiscalYear }), { signal }) });
export const useDxStructure = (asOf: string) =>
  useQuery({ queryKey: digitalKeys.structure(asOf), queryFn: ({ signal }) => api.get<DxStructure>(withQuery('/api/digital/structure', { asOf }), { signal }) });
export const useDxLeaders = (asOf: string) =>
  useQuery({ queryKey: digitalKeys.leaders(asOf), queryFn: ({ signal }) => api.get<DxLeaderCoverage>(withQuery('/api/digital/leaders', { asOf }), { signal }) });
export const useDxAdvisors = () => useQuery({ queryKey: digitalKeys.advisors, queryFn: ({ signal }) => api.get<DxAdvisorList>('/api/digital/advisors', { signal }) });
export const useExchanges = () => useQuery({ queryKey: digitalKeys.exchanges, queryFn: ({ signal }) => api.get<ExchangeList>('/api/digital/exchanges', { signal }) });

function useDigitalMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: digitalKeys.all }) });
}

/** Reloads every list of the area (after a refusal as stale). */
export function useReloadDigital(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: digitalKeys.all });
}

export const useSaveSkillFramework = () => useDigitalMutation((body: SkillFrameworkUpdate) => api.put<SkillFrameworkView>('/api/digital/framework', body));
export const useSaveMyAssessment = (fiscalYear: number) =>
  useDigitalMutation((input: { levels: AssessmentLevels; selfComment: string; version: number | null; submit: boolean }) => {
    const { submit, ...body } = input;
    return submit
      ? api.post<MyAssessmentView>(`/api/digital/assessments/mine/${fiscalYear}/submit`, body)
      : api.put<MyAssessmentView>(`/api/digital/assessments/mine/${fiscalYear}`, body);
  });
export const useReviewAssessment = () =>
  useDigitalMutation((r: { staffId: number; fiscalYear: number; action: ReviewAction; version: number; comment: string }) =>
    api.post<MyAssessmentView>(`/api/digital/staff/${r.staffId}/assessments/${r.fiscalYear}/${r.action}`, { version: r.version, comment: r.comment }),
  );
export const useCreateDxBody = () => useDigitalMutation((input: DxBodyInput) => api.post<{ id: number }>('/api/digital/bodies', input));
export const useAddDxMember = () => useDigitalMutation((input: DxMemberInput & { bodyId: number }) => {
  const { bodyId, ...body } = input;
  return api.post<{ id: number }>(`/api/digital/bodies/${bodyId}/members`, body);
});
export const useEndDxMember = () => useDigitalMutation((input: { id: number; endsOn: string }) => api.post<{ id: number }>(`/api/digital/members/${input.id}/end`, { endsOn: input.endsOn }));
export const useAppointDxLeader = () => useDigitalMutation((input: DxLeaderInput) => api.post<{ id: number }>('/api/digital/leaders', input));
export const useEndDxLeader = () => useDigitalMutation((input: { id: number; endsOn: string }) => api.post<{ id: number }>(`/api/digital/leaders/${input.id}/end`, { endsOn: input.endsOn }));
export const useSaveDxAdvisor = () =>
  useDigitalMutation((input: DxAdvisorInput & { id: number | null; version: number }) => {
    const { id, version, ...body } = input;
    return id === null ? api.post<unknown>('/api/digital/advisors', body) : api.put<unknown>(`/api/digital/advisors/${id}`, { ...body, version });
  });
export const useSaveExchange = () =>
  useDigitalMutation((input: ExchangeInput & { id: number | null; version: number }) => {
    const { id, version, ...body } = input;
    return id === null ? api.post<{ id: number }>('/api/digital/exchanges', body) : api.put<{ id: number }>(`/api/digital/exchanges/${id}`, { ...body, version });
  });
