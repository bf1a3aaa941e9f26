/**
 * The evaluation calendar's server state (/api/evaluation/calendar): the schedule of a 年度, and saving or resetting
 * the calendar settings, as TanStack Query hooks.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { CalendarUpdate, CalendarView } from '../../../domain/evaluation/evaluation-api.js';

export const evaluationKeys = {
  all: ['evaluation'] as const,
  /** null: the current 年度, as the server counts it */
  calendar: (fiscalYear: number | null) => ['evaluation', 'calendar', fiscalYear] as const,
};

export function useCalendar(fiscalYear: number | null) {
  return useQuery({
    queryKey: evaluationKeys.calendar(fiscalYear),
    queryFn: ({ signal }) => api.get<CalendarView>(withQuery('/api/evaluation/calendar', { fiscalYear }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarUpdate) => api.put<CalendarView>('/api/evaluation/calendar', body),
    // The settings apply to every 年度: every year's view is refreshed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}

export function useResetCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (updatedAt: string | null) => api.post<CalendarView>('/api/evaluation/calendar/reset', { updatedAt }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}
