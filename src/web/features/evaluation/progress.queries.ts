/**
 * HR's progress view of a cycle (/api/evaluation/cycles/:id/{progress,overdue,reminders}) as TanStack Query hooks:
 * the cycles to choose from, the counts by unit and state with the deadlines, the overdue list of a deadline, and
 * sending reminders. Shapes: domain/evaluation/progress-api.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { CycleSummary } from '../../../domain/evaluation/evaluation-api.js';
import type { MilestoneStep } from '../../../domain/evaluation/evaluation-calendar.js';
import type { CycleProgress, OverdueList, ReminderInput, ReminderResult } from '../../../domain/evaluation/progress-api.js';

export const overduePageSize = 50;

export const progressKeys = {
  cycles: ['evaluation', 'cycles'] as const,
  progress: (cycleId: number) => ['evaluation', 'progress', cycleId] as const,
  overdue: (cycleId: number, step: MilestoneStep, unitId: number | null, page: number) => ['evaluation', 'overdue', cycleId, step, unitId, page] as const,
};

/** GET /api/evaluation/cycles: every opened cycle, newest first. */
export function useProgressCycles() {
  return useQuery({
    queryKey: progressKeys.cycles,
    queryFn: ({ signal }) => api.get<{ cycles: CycleSummary[] }>('/api/evaluation/cycles', { signal }),
  });
}

/** GET /api/evaluation/cycles/:id/progress */
export function useCycleProgress(cycleId: number | null) {
  return useQuery({
    queryKey: progressKeys.progress(cycleId ?? 0),
    queryFn: ({ signal }) => api.get<CycleProgress>(`/api/evaluation/cycles/${cycleId}/progress`, { signal }),
    enabled: cycleId !== null,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/evaluation/cycles/:id/overdue?step&unitId&page&pageSize */
export function useOverdueList(cycleId: number, step: MilestoneStep, unitId: number | null, page: number) {
  return useQuery({
    queryKey: progressKeys.overdue(cycleId, step, unitId, page),
    queryFn: ({ signal }) =>
      api.get<OverdueList>(withQuery(`/api/evaluation/cycles/${cycleId}/overdue`, { step, unitId, page, pageSize: overduePageSize }), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/evaluation/cycles/:id/reminders */
export function useSendReminders(cycleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReminderInput) => api.post<ReminderResult>(`/api/evaluation/cycles/${cycleId}/reminders`, input),
    // HR may be among the people reminded (the header's unread count).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
