/** Server state of the pipeline, scoring and analytics screens (/api/recruitment/pipeline, /scoring, /analytics). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type QueryValue } from '../../app/api-client.js';
import type {
  ApplicantDetail,
  CalibrationView,
  FunnelView,
  MySitting,
  NoticeResult,
  PipelineCampaignSummary,
  PipelineView,
  RaterSitting,
  SittingView,
  StageResults,
} from '../../../domain/recruitment/pipeline-api.js';

export const pipelineKeys = {
  all: ['recruitment-pipeline'] as const,
  campaigns: ['recruitment-pipeline', 'campaigns'] as const,
  pipeline: (id: number, q: Record<string, QueryValue>) => ['recruitment-pipeline', 'pipeline', id, q] as const,
  applicant: (id: number) => ['recruitment-pipeline', 'applicant', id] as const,
  sittings: (id: number, stage: number) => ['recruitment-pipeline', 'sittings', id, stage] as const,
  results: (id: number, stage: number) => ['recruitment-pipeline', 'results', id, stage] as const,
  calibration: (id: number, stage: number) => ['recruitment-pipeline', 'calibration', id, stage] as const,
  mySittings: ['recruitment-pipeline', 'scoring'] as const,
  raterSitting: (id: number) => ['recruitment-pipeline', 'scoring', id] as const,
  funnel: (q: Record<string, QueryValue>) => ['recruitment-pipeline', 'funnel', q] as const,
};

const base = '/api/recruitment/pipeline';

export const usePipelineCampaigns = () => useQuery({ queryKey: pipelineKeys.campaigns, queryFn: ({ signal }) => api.get<PipelineCampaignSummary[]>(`${base}/campaigns`, { signal }) });
export const usePipeline = (id: number, q: Record<string, QueryValue>) =>
  useQuery({ queryKey: pipelineKeys.pipeline(id, q), queryFn: ({ signal }) => api.get<PipelineView>(withQuery(`${base}/campaigns/${id}`, q), { signal }), placeholderData: keepPreviousData });
export const useApplicant = (id: number) => useQuery({ queryKey: pipelineKeys.applicant(id), queryFn: ({ signal }) => api.get<ApplicantDetail>(`${base}/applicants/${id}`, { signal }) });
export const useSittings = (id: number, stage: number) =>
  useQuery({ queryKey: pipelineKeys.sittings(id, stage), queryFn: ({ signal }) => api.get<SittingView[]>(withQuery(`${base}/campaigns/${id}/sittings`, { stageIndex: stage }), { signal }) });
export const useStageResults = (id: number, stage: number) =>
  useQuery({ queryKey: pipelineKeys.results(id, stage), queryFn: ({ signal }) => api.get<StageResults>(`${base}/campaigns/${id}/stages/${stage}/results`, { signal }) });
export const useCalibration = (id: number, stage: number, enabled: boolean) =>
  useQuery({ queryKey: pipelineKeys.calibration(id, stage), queryFn: ({ signal }) => api.get<CalibrationView>(`${base}/campaigns/${id}/stages/${stage}/calibration`, { signal }), enabled });
export const useMySittings = () => useQuery({ queryKey: pipelineKeys.mySittings, queryFn: ({ signal }) => api.get<MySitting[]>('/api/recruitment/scoring/sittings', { signal }) });
export const useRaterSitting = (id: number) => useQuery({ queryKey: pipelineKeys.raterSitting(id), queryFn: ({ signal }) => api.get<RaterSitting>(`/api/recruitment/scoring/sittings/${id}`, { signal }) });
export const useFunnel = (q: Record<string, QueryValue>) =>
  useQuery({ queryKey: pipelineKeys.funnel(q), queryFn: ({ signal }) => api.get<FunnelView>(withQuery('/api/recruitment/analytics/funnel', q), { signal }) });

/** Every change refreshes the whole area: counts, lists and proposals depend on each other. */
export function usePipelineMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: pipelineKeys.all }) });
}

export function useReloadPipeline(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: pipelineKeys.all });
}

export const pipelineApi = {
  act: (applicantId: number, body: { action: string; reason: string; version: number }) => api.post<{ status: string }>(`${base}/applicants/${applicantId}/actions`, body),
  createSitting: (campaignId: number, body: unknown) => api.post<SittingView>(`${base}/campaigns/${campaignId}/sittings`, body),
  groupSittings: (campaignId: number, body: unknown) => api.post<SittingView[]>(`${base}/campaigns/${campaignId}/sittings/groups`, body),
  setRaters: (sittingId: number, body: { staffIds: number[]; version: number }) => api.put<SittingView>(`${base}/sittings/${sittingId}/raters`, body),
  setApplicants: (sittingId: number, body: { applicantIds: number[]; version: number }) => api.put<SittingView>(`${base}/sittings/${sittingId}/applicants`, body),
  updateSitting: (sittingId: number, body: { startsAt: string; room: string; groupLabel: string; capacity: number | null; version: number }) =>
    api.put<SittingView>(`${base}/sittings/${sittingId}`, body),
  moveApplicant: (sittingId: number, applicantId: number, body: { toSittingId: number; version: number; toVersion: number }) =>
    api.post<SittingView[]>(`${base}/sittings/${sittingId}/applicants/${applicantId}/move`, body),
  setAbsence: (sittingId: number, body: { applicantId: number; isAbsent: boolean }) => api.put(`${base}/sittings/${sittingId}/absence`, body),
  decide: (campaignId: number, stage: number, body: unknown) => api.post<{ decided: number }>(`${base}/campaigns/${campaignId}/stages/${stage}/decisions`, body),
  enterScores: (campaignId: number, stage: number, body: unknown) => api.put<{ saved: number }>(`${base}/campaigns/${campaignId}/stages/${stage}/scores`, body),
  notices: (campaignId: number, body: unknown) => api.post<NoticeResult>(`${base}/campaigns/${campaignId}/notices`, body),
  saveScore: (sittingId: number, applicantId: number, body: { scores: Record<string, number>; comment: string }) =>
    api.put<{ total: number }>(`/api/recruitment/scoring/sittings/${sittingId}/applicants/${applicantId}`, body),
  notice: (applicantId: number, noticeId: number) => api.get<{ subject: string; body: string }>(`${base}/applicants/${applicantId}/notices/${noticeId}`),
};
export const scoreImportPath = (campaignId: number, stage: number) => `${base}/campaigns/${campaignId}/stages/${stage}/scores/import?encoding=auto`;
export const exportPath = (campaignId: number, q: Record<string, QueryValue>) => withQuery(`${base}/campaigns/${campaignId}/export`, q);
export const attachmentPath = (applicantId: number, attachmentId: number) => `${base}/applicants/${applicantId}/attachments/${attachmentId}`;

/** Recruitment staff (採用担当) in the menu and on the pages; the server decides either way. */
export const isRecruitmentStaff = (roles: readonly string[]) => roles.includes('hr_admin') || roles.includes('hr_officer') || roles.includes('recruiter');
