/**
 * 受講 (enrolment) server state: a session's roster, one's own enrolments, the supervisor's pending approvals, and
 * the changes (推薦・指定・申込み・承認・取消・出欠・受講報告). Every change refreshes the whole training area.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import type {
  ApplicationInput,
  AttendanceInput,
  DecisionInput,
  EnrolmentView,
  MyEnrolments,
  NominationInput,
  NominationResult,
  PendingApprovals,
  ReportUpdate,
  SessionRoster,
} from '../../../domain/training/enrolment-api.js';
import { trainingKeys } from './training.queries.js';

export const enrolmentKeys = {
  roster: (sessionId: number) => ['training', 'roster', sessionId] as const,
  mine: ['training', 'enrolments', 'mine'] as const,
  approvals: ['training', 'enrolments', 'approvals'] as const,
};

export const useRoster = (sessionId: number) =>
  useQuery({ queryKey: enrolmentKeys.roster(sessionId), queryFn: ({ signal }) => api.get<SessionRoster>(`/api/training/sessions/${sessionId}/enrolments`, { signal }) });
export const useMyEnrolments = () =>
  useQuery({ queryKey: enrolmentKeys.mine, queryFn: ({ signal }) => api.get<MyEnrolments>('/api/training/enrolments/mine', { signal }) });
export const usePendingApprovals = () =>
  useQuery({ queryKey: enrolmentKeys.approvals, queryFn: ({ signal }) => api.get<PendingApprovals>('/api/training/enrolments/approvals', { signal }) });

function useEnrolmentMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useNominate = (sessionId: number) =>
  useEnrolmentMutation((input: NominationInput) => api.post<NominationResult>(`/api/training/sessions/${sessionId}/enrolments`, input));
export const useEnrolTargets = (sessionId: number) =>
  useEnrolmentMutation((_: void) => api.post<NominationResult>(`/api/training/sessions/${sessionId}/enrol-targets`));
export const useApply = () =>
  useEnrolmentMutation(({ sessionId, ...body }: ApplicationInput & { sessionId: number }) => api.post<EnrolmentView>(`/api/training/sessions/${sessionId}/apply`, body));
export const useCancel = () =>
  useEnrolmentMutation(({ id, ...body }: DecisionInput & { id: number }) => api.post<EnrolmentView>(`/api/training/enrolments/${id}/cancel`, body));
/** The applicant is addressed by session and person: the server checks the actor evaluates that person. */
export const useDecideApplication = () =>
  useEnrolmentMutation(({ sessionId, staffId, action, ...body }: DecisionInput & { sessionId: number; staffId: number; action: 'approve' | 'reject' }) =>
    api.post<EnrolmentView>(`/api/training/sessions/${sessionId}/applicants/${staffId}/${action}`, body),
  );
export const useRecordAttendance = () =>
  useEnrolmentMutation(({ id, ...body }: AttendanceInput & { id: number }) => api.post<EnrolmentView>(`/api/training/enrolments/${id}/attendance`, body));
export const useSaveReport = () =>
  useEnrolmentMutation(({ id, ...body }: ReportUpdate & { id: number }) => api.put<EnrolmentView>(`/api/training/enrolments/${id}/report`, body));
