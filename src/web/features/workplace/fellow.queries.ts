/** Server state of the fellow-programme screens (/api/workplace/fellows…). Every change refreshes the whole programme. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { ConfirmPairsResult, FellowMonitoring, FellowPool, FellowSettingsView, MatchingView, MyPairs, PairDetail, PairList } from '../../../domain/workplace/fellow-api.js';
import type { ConfirmPairsInput, FellowInput, FellowSettings, FellowUpdate, MeetingFeedback } from '../../../domain/workplace/fellow-model.js';

export const fellowKeys = {
  all: ['workplace-fellows'] as const,
  settings: ['workplace-fellows', 'settings'] as const,
  pool: ['workplace-fellows', 'pool'] as const,
  matching: (date: string) => ['workplace-fellows', 'matching', date] as const,
  pairs: ['workplace-fellows', 'pairs'] as const,
  monitoring: ['workplace-fellows', 'monitoring'] as const,
  mine: ['workplace-fellows', 'mine'] as const,
  pair: (id: number) => ['workplace-fellows', 'pair', id] as const,
};

export const useFellowSettings = () => useQuery({ queryKey: fellowKeys.settings, queryFn: ({ signal }) => api.get<FellowSettingsView>('/api/workplace/fellows/settings', { signal }) });
export const useFellowPool = () => useQuery({ queryKey: fellowKeys.pool, queryFn: ({ signal }) => api.get<FellowPool>('/api/workplace/fellows/pool', { signal }) });
/** Matching runs only when HR asks (date chosen): `date` null means not yet. */
export const useFellowMatching = (date: string | null) =>
  useQuery({
    queryKey: fellowKeys.matching(date ?? ''),
    queryFn: ({ signal }) => api.get<MatchingView>(withQuery('/api/workplace/fellows/matching', { date }), { signal }),
    enabled: date !== null,
  });
export const useFellowPairs = () => useQuery({ queryKey: fellowKeys.pairs, queryFn: ({ signal }) => api.get<PairList>('/api/workplace/fellows/pairs', { signal }) });
export const useFellowMonitoring = () => useQuery({ queryKey: fellowKeys.monitoring, queryFn: ({ signal }) => api.get<FellowMonitoring>('/api/workplace/fellows/monitoring', { signal }) });
export const useFellowPair = (id: number) => useQuery({ queryKey: fellowKeys.pair(id), queryFn: ({ signal }) => api.get<PairDetail>(`/api/workplace/fellows/pairs/${id}`, { signal }) });
export const useMyFellowPairs = () => useQuery({ queryKey: fellowKeys.mine, queryFn: ({ signal }) => api.get<MyPairs>('/api/workplace/fellows/my', { signal }) });

function useFellowMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: fellowKeys.all }) });
}

export const useSaveFellowSettings = () => useFellowMutation((body: { updatedAt: string | null; settings: FellowSettings }) => api.put<FellowSettingsView>('/api/workplace/fellows/settings', body));
export const useAddFellow = () => useFellowMutation((body: FellowInput) => api.post<{ id: number }>('/api/workplace/fellows/pool', body));
export const useChangeFellow = () =>
  useFellowMutation((input: FellowUpdate & { id: number }) => {
    const { id, ...body } = input;
    return api.put<{ id: number }>(`/api/workplace/fellows/pool/${id}`, body);
  });
export const useConfirmPairs = () => useFellowMutation((body: ConfirmPairsInput) => api.post<ConfirmPairsResult>('/api/workplace/fellows/pairs', body));
export const useEndPair = () => useFellowMutation((input: { id: number; endsOn: string }) => api.post<{ id: number }>(`/api/workplace/fellows/pairs/${input.id}/end`, { endsOn: input.endsOn }));
export const usePlanMeeting = () => useFellowMutation((input: { pairId: number; plannedOn: string }) => api.post<{ id: number }>(`/api/workplace/fellows/pairs/${input.pairId}/meetings`, { plannedOn: input.plannedOn }));
export const useHoldMeeting = () => useFellowMutation((input: { id: number; heldOn: string }) => api.post<{ id: number }>(`/api/workplace/fellows/meetings/${input.id}/held`, { heldOn: input.heldOn }));
export const useCancelMeeting = () => useFellowMutation((input: { id: number }) => api.post<{ id: number }>(`/api/workplace/fellows/meetings/${input.id}/cancel`, {}));
export const useAnswerFeedback = () =>
  useFellowMutation((input: MeetingFeedback & { id: number }) => {
    const { id, ...body } = input;
    return api.put<{ id: number }>(`/api/workplace/fellows/meetings/${id}/feedback`, body);
  });
