/**
 * /api/stress-check as TanStack Query hooks: the person's own check (answers autosaved per section, submit, result,
 * consent, interview request and its withdrawal, the printable result sheet) and the implementer's and HR's views
 * (paper entry, exports as plain download links). Shapes: domain/stress-check/stress-check-api.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { UnencodableReport } from '../../../domain/org/org-api.js';
import type { StressArea } from '../../../domain/stress-check/questionnaire.js';
import type { AnswerValue } from '../../../domain/stress-check/stress-scoring.js';
import type {
  AnswerProgress,
  Campaign,
  CampaignInput,
  CampaignList,
  ConsentDecision,
  ConsentedResultList,
  GroupAnalysis,
  HighRiskUnits,
  InterviewRecordInput,
  InterviewRequestList,
  LabourOfficeReport,
  MyCampaign,
  MyCampaignList,
  PaperEntryOutcome,
  PaperExamineeList,
  ResultList,
  ResultSheet,
  StressResult,
  UnitActionInput,
} from '../../../domain/stress-check/stress-check-api.js';

const root = '/api/stress-check';
const campaignPath = (id: number) => `${root}/campaigns/${id}`;

export const stressKeys = {
  all: ['stress-check'] as const,
  campaigns: ['stress-check', 'campaigns'] as const,
  mine: ['stress-check', 'mine'] as const,
  myCampaign: (id: number) => ['stress-check', 'mine', id] as const,
  myResult: (id: number) => ['stress-check', 'mine', id, 'result'] as const,
  of: (id: number, view: string) => ['stress-check', 'campaign', id, view] as const,
};

export function useCampaigns() {
  return useQuery({ queryKey: stressKeys.campaigns, queryFn: ({ signal }) => api.get<CampaignList>(`${root}/campaigns`, { signal }) });
}

export function useMyCampaigns() {
  return useQuery({ queryKey: stressKeys.mine, queryFn: ({ signal }) => api.get<MyCampaignList>(`${root}/mine`, { signal }) });
}

export function useMyCampaign(id: number) {
  return useQuery({ queryKey: stressKeys.myCampaign(id), queryFn: ({ signal }) => api.get<MyCampaign>(`${campaignPath(id)}/mine`, { signal }), staleTime: Infinity });
}

/** Autosave of one section; the server merges, so a repeat is harmless. */
export function useSaveSection(id: number) {
  return useMutation({
    mutationFn: ({ area, answers }: { area: StressArea; answers: Record<string, AnswerValue> }) =>
      api.put<{ answeredCount: number; updatedAt: string; totalItems: number }>(`${campaignPath(id)}/mine/answers/${area}`, { answers }),
  });
}

export function useSubmitAnswers(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ submittedAt: string; isHighStress: boolean }>(`${campaignPath(id)}/mine/submit`),
    onSuccess: () => client.invalidateQueries({ queryKey: stressKeys.mine }),
  });
}

export function useMyResult(id: number) {
  return useQuery({ queryKey: stressKeys.myResult(id), queryFn: ({ signal }) => api.get<StressResult>(`${campaignPath(id)}/mine/result`, { signal }), retry: false });
}

export function useDecideConsent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: ConsentDecision) => api.post<StressResult>(`${campaignPath(id)}/mine/consent`, { decision }),
    onSuccess: (result) => client.setQueryData(stressKeys.myResult(id), result),
  });
}

export function useRequestInterview(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<StressResult>(`${campaignPath(id)}/mine/interview-request`),
    onSuccess: (result) => client.setQueryData(stressKeys.myResult(id), result),
  });
}

/** 面接指導の申出の取り下げ (only before the interview was held). */
export function useWithdrawInterviewRequest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<StressResult>(`${campaignPath(id)}/mine/interview-request/withdraw`),
    onSuccess: (result) => client.setQueryData(stressKeys.myResult(id), result),
  });
}

/** The printable result sheet: the person's own (`staffId` null) or, for the implementer, someone's. */
export function useResultSheet(id: number, staffId: number | null) {
  return useQuery({
    queryKey: ['stress-check', 'sheet', id, staffId ?? 'mine'] as const,
    queryFn: ({ signal }) => api.get<ResultSheet>(staffId === null ? `${campaignPath(id)}/mine/result-sheet` : `${campaignPath(id)}/results/${staffId}/sheet`, { signal }),
    retry: false,
  });
}

/** The implementer looks up the person whose paper questionnaire is being entered. */
export function usePaperExaminees(id: number, q: string) {
  return useQuery({
    queryKey: stressKeys.of(id, `paper-examinees-${q}`),
    queryFn: ({ signal }) => api.get<PaperExamineeList>(withQuery(`${campaignPath(id)}/paper-entry/examinees`, { q }), { signal }),
    enabled: q.length > 0,
    retry: false,
  });
}

export function useEnterPaperAnswers(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ staffId, answers }: { staffId: number; answers: Record<string, AnswerValue> }) => api.post<PaperEntryOutcome>(`${campaignPath(id)}/paper-entry/${staffId}`, { answers }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['stress-check', 'campaign', id] }),
  });
}

export type CsvEncoding = 'utf-8-bom' | 'cp932';
export type StressExport = 'results' | 'group-analysis';

/** A download link of an export (the server audits it). */
export function exportUrl(id: number, what: StressExport, format: 'csv' | 'xlsx', encoding: CsvEncoding = 'utf-8-bom', replaceUnencodable = false): string {
  return withQuery(`${campaignPath(id)}/exports/${what}`, {
    format,
    encoding: format === 'csv' ? encoding : undefined,
    replaceUnencodable: format === 'csv' && encoding === 'cp932' && replaceUnencodable ? 'true' : undefined,
  });
}

/** What a Shift_JIS CSV of the export could not hold. */
export function checkExport(id: number, what: StressExport): Promise<UnencodableReport> {
  return api.get<UnencodableReport>(withQuery(`${campaignPath(id)}/exports/${what}/check`, { encoding: 'cp932' }));
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CampaignInput> & Pick<CampaignInput, 'name' | 'fiscalYear' | 'opensOn' | 'closesOn'>) => api.post<Campaign>(`${root}/campaigns`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: stressKeys.campaigns }),
  });
}

export function useCampaignTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ campaign, action }: { campaign: Campaign; action: 'open' | 'close' }) => api.post<Campaign>(`${campaignPath(campaign.id)}/${action}`, { version: campaign.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: stressKeys.all }),
  });
}

const view = <T,>(id: number, name: string, path: string, enabled = true) => ({
  queryKey: stressKeys.of(id, name),
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<T>(`${campaignPath(id)}${path}`, { signal }),
  enabled,
  retry: false,
});

export const useProgress = (id: number) => useQuery(view<AnswerProgress>(id, 'progress', '/progress'));
export const useReport = (id: number, enabled: boolean) => useQuery(view<LabourOfficeReport>(id, 'report', '/report', enabled));
export const useGroupAnalysis = (id: number, enabled: boolean) => useQuery(view<GroupAnalysis>(id, 'groups', '/group-analysis', enabled));
export const useHighRiskUnits = (id: number, enabled: boolean) => useQuery(view<HighRiskUnits>(id, 'high-risk', '/high-risk-units', enabled));
export const useInterviewRequests = (id: number, enabled: boolean) => useQuery(view<InterviewRequestList>(id, 'interviews', '/interview-requests', enabled));
export const useResults = (id: number, enabled: boolean) => useQuery(view<ResultList>(id, 'results', '/results', enabled));
export const useConsentedResults = (id: number, enabled: boolean) => useQuery(view<ConsentedResultList>(id, 'consented', '/consented-results', enabled));
/** One person's result as the implementer (`results`) or HR with the person's consent (`consented-results`) reads it; each read is audited. */
export const usePersonResult = (id: number, list: 'results' | 'consented-results', staffId: number | null) =>
  useQuery(view<StressResult>(id, `${list}-${staffId ?? 0}`, `/${list}/${staffId ?? 0}`, staffId !== null));

export function useRecordInterview(campaignId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, input }: { requestId: number; input: InterviewRecordInput }) => api.post<InterviewRequestList>(`${root}/interview-requests/${requestId}/interview`, input),
    onSuccess: (list) => client.setQueryData(stressKeys.of(campaignId, 'interviews'), list),
  });
}

export function useRecordUnitAction(campaignId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitActionInput) => api.post<HighRiskUnits>(`${campaignPath(campaignId)}/unit-actions`, input),
    onSuccess: (data) => client.setQueryData(stressKeys.of(campaignId, 'high-risk'), data),
  });
}
