/**
 * Push-type recommendations and the ability → training loop (/api/training/recommendations, /api/training/loop), and
 * the evaluator's queue (/api/evaluation/queue) that lists the people a supervisor may push courses to.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { SheetListItem } from '../../../domain/evaluation/evaluation-api.js';
import type { PushView, RecommendationsView, TrainingLoopView } from '../../../domain/training/recommendations.js';

export const recommendationKeys = {
  all: ['training', 'recommendations'] as const,
  of: (staffId: number) => ['training', 'recommendations', staffId] as const,
  loop: (fiscalYear: number | null) => ['training', 'loop', fiscalYear] as const,
  queue: ['training', 'recommendations', 'queue'] as const,
};

export function useRecommendations(staffId: number | null) {
  return useQuery({
    queryKey: recommendationKeys.of(staffId ?? 0),
    queryFn: ({ signal }) => api.get<RecommendationsView>(`/api/training/recommendations/${staffId}`, { signal }),
    enabled: staffId !== null,
  });
}

export type Evaluatee = { staffId: number; name: string; employeeNumber: string };

/** The people whose sheets the reader evaluates (as evaluator), each once, in the order of the queue. */
export function useEvaluatees() {
  return useQuery({
    queryKey: recommendationKeys.queue,
    queryFn: ({ signal }) => api.get<{ items: SheetListItem[] }>('/api/evaluation/queue', { signal }),
    select: (data): Evaluatee[] => {
      const seen = new Map<number, Evaluatee>();
      for (const item of data.items) {
        if (item.relation !== 'evaluator' || seen.has(item.evaluatee.staffId)) continue;
        seen.set(item.evaluatee.staffId, { staffId: item.evaluatee.staffId, name: item.evaluatee.name, employeeNumber: item.evaluatee.employeeNumber });
      }
      return [...seen.values()];
    },
  });
}

export function usePushCourse(staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { courseId: number; note: string }) => api.post<PushView>(`/api/training/recommendations/${staffId}/push`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recommendationKeys.of(staffId) }),
  });
}

export function useTrainingLoop(fiscalYear: number | null) {
  return useQuery({
    queryKey: recommendationKeys.loop(fiscalYear),
    queryFn: ({ signal }) => api.get<TrainingLoopView>(withQuery('/api/training/loop', { fiscalYear }), { signal }),
  });
}
