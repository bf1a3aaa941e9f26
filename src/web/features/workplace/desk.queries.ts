/**
 * The desks' API as TanStack Query hooks: public filing and following (no session), the handlers' cases,
 * designations and statistics. Shapes: domain/workplace/desk-api.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type {
  CaseDetail,
  CaseInbox,
  DesignatedHandler,
  DesignationList,
  DeskStatisticsView,
  FiledReceipt,
  ReporterCaseView,
  ReporterIdentity,
} from '../../../domain/workplace/desk-api.js';
import type { CaseStatus, Desk, DeskCategory } from '../../../domain/workplace/desk-rules.js';

export const deskKeys = {
  inbox: ['desks', 'inbox'] as const,
  case: (id: number) => ['desks', 'case', id] as const,
  handlers: (desk: Desk) => ['desks', 'handlers', desk] as const,
  designations: ['desks', 'designations'] as const,
  statistics: (fy: number | null) => ['desks', 'statistics', fy] as const,
};

export type FileReport = { category: DeskCategory; summary: string; name: string; contact: string; isAnonymous: boolean };

/** Public page: POST /api/public/desks/reports; signed in: POST /api/desks/reports. */
export function useFileReport(isPublic: boolean) {
  return useMutation({
    mutationFn: (input: FileReport) =>
      isPublic
        ? api.post<FiledReceipt>('/api/public/desks/reports', { category: input.category, summary: input.summary, name: input.name, contact: input.contact })
        : api.post<FiledReceipt>('/api/desks/reports', { category: input.category, summary: input.summary, isAnonymous: input.isAnonymous, name: '', contact: '' }),
  });
}

/** Following is a POST: the secret never goes into a URL. The view is kept in component state, not the cache. */
export function useFollowCase() {
  return useMutation({ mutationFn: (input: { receiptCode: string; secret: string }) => api.post<ReporterCaseView>('/api/public/desks/follow', input) });
}

export function useReporterMessage() {
  return useMutation({ mutationFn: (input: { receiptCode: string; secret: string; body: string }) => api.post<ReporterCaseView>('/api/public/desks/messages', input) });
}

export function useInbox() {
  return useQuery({ queryKey: deskKeys.inbox, queryFn: ({ signal }) => api.get<CaseInbox>('/api/desks/cases', { signal }) });
}

export function useCase(id: number) {
  return useQuery({ queryKey: deskKeys.case(id), queryFn: ({ signal }) => api.get<CaseDetail>(`/api/desks/cases/${id}`, { signal }), retry: false });
}

/** The reporter's identity is fetched only on an explicit click (each read is audited). */
export function useRevealReporter(id: number) {
  return useMutation({ mutationFn: () => api.get<ReporterIdentity>(`/api/desks/cases/${id}/reporter`) });
}

function useCaseMutation<I>(id: number, send: (input: I) => Promise<CaseDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(deskKeys.case(id), detail);
      void client.invalidateQueries({ queryKey: deskKeys.inbox });
    },
  });
}

export const useSendMessage = (id: number) => useCaseMutation(id, (input: { body: string }) => api.post<CaseDetail>(`/api/desks/cases/${id}/messages`, input));
export const useAddNote = (id: number) => useCaseMutation(id, (input: { body: string }) => api.post<CaseDetail>(`/api/desks/cases/${id}/notes`, input));
export const useAddCooperator = (id: number) =>
  useCaseMutation(id, (input: { employeeNumber: string; body: string }) => api.post<CaseDetail>(`/api/desks/cases/${id}/cooperators`, input));
export const useMoveCase = (id: number) =>
  useCaseMutation(id, (input: { to: CaseStatus; note?: string; version: number }) => api.post<CaseDetail>(`/api/desks/cases/${id}/status`, input));

export function useAssignHandler() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, staffId }: { caseId: number; staffId: number }) => api.post<{ assigned: boolean }>(`/api/desks/cases/${caseId}/handlers`, { staffId }),
    onSuccess: (_, { caseId }) => {
      void client.invalidateQueries({ queryKey: deskKeys.inbox });
      void client.invalidateQueries({ queryKey: deskKeys.case(caseId) });
    },
  });
}

export function useDeskHandlers(desk: Desk) {
  return useQuery({ queryKey: deskKeys.handlers(desk), queryFn: ({ signal }) => api.get<{ handlers: DesignatedHandler[] }>(withQuery('/api/desks/handlers', { desk }), { signal }) });
}

export function useDesignations() {
  return useQuery({ queryKey: deskKeys.designations, queryFn: ({ signal }) => api.get<DesignationList>('/api/desks/designations', { signal }) });
}

export function useDesignate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { employeeNumber: string; desk: Desk; designatedOn: string; endsOn: string | null; documentRef: string }) =>
      api.post<{ id: number; hasCaseHandlerRole: boolean }>('/api/desks/designations', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: deskKeys.designations }),
  });
}

export function useEndDesignation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, endsOn }: { id: number; endsOn: string }) => api.post(`/api/desks/designations/${id}/end`, { endsOn }),
    onSuccess: () => void client.invalidateQueries({ queryKey: deskKeys.designations }),
  });
}

export function useDeskStatistics(fiscalYear: number | null) {
  return useQuery({
    queryKey: deskKeys.statistics(fiscalYear),
    queryFn: ({ signal }) => api.get<DeskStatisticsView>(withQuery('/api/desks/statistics', { fiscalYear: fiscalYear ?? undefined }), { signal }),
  });
}
