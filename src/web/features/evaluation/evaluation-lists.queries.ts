/**
 * The evaluation lists' server state (/api/evaluation): my sheets and my queue, cycles (open, re-sync, the sheets of a
 * cycle, reassigning a sheet), team goals and the evaluation settings, as TanStack Query hooks. The shapes are the
 * evaluation API contract (domain/evaluation/evaluation-api.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery } from '../../app/api-client.js';
import type { Paged } from '../../../domain/common/paged.js';
import type { UnitList } from '../../../domain/org/org-api.js';
import type {
  CycleSummary,
  EvaluationSettingsUpdate,
  EvaluationSettingsView,
  OpenCycleInput,
  OpenCycleResult,
  ReassignInput,
  SheetListItem,
  SheetView,
  SyncCycleResult,
  TeamGoal,
  TeamGoalInput,
  TeamGoalList,
  TeamGoalUpdate,
} from '../../../domain/evaluation/evaluation-api.js';

/**
 * A save refused because someone else saved first (409 common.conflict) — offered a reload through ConflictAlert.
 * Other 409s (a locked sheet, a team goal still in use, a cycle already opened) are answers shown as errors.
 */
export function isStaleSave(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'common.conflict';
}

/** The filters of a cycle's sheet list (HR); empty strings mean "any". */
export type CycleSheetSearch = { unitId: string; state: string; q: string; page: number };

export const cycleSheetPageSize = 50;

export const evaluationListKeys = {
  mySheets: ['evaluation', 'my-sheets'] as const,
  queue: (cycleId: number | null) => ['evaluation', 'queue', cycleId] as const,
  cycles: ['evaluation', 'cycles'] as const,
  cycleSheets: (cycleId: number, search: CycleSheetSearch) => ['evaluation', 'cycle-sheets', cycleId, search] as const,
  allCycleSheets: ['evaluation', 'cycle-sheets'] as const,
  settings: ['evaluation', 'settings'] as const,
  teamGoals: (cycleId: number, unitId: number) => ['evaluation', 'team-goals', cycleId, unitId] as const,
  units: (asOf: string) => ['evaluation', 'units', asOf] as const,
};

/** GET /api/evaluation/my-sheets: the reader's own sheets, newest cycle first. */
export function useMySheets(isEnabled = true) {
  return useQuery({
    queryKey: evaluationListKeys.mySheets,
    queryFn: ({ signal }) => api.get<{ items: SheetListItem[] }>('/api/evaluation/my-sheets', { signal }),
    enabled: isEnabled,
  });
}

/** GET /api/evaluation/queue: sheets the reader evaluates or confirms (or did before a transfer), waiting-for-me first. */
export function useQueue(cycleId: number | null) {
  return useQuery({
    queryKey: evaluationListKeys.queue(cycleId),
    queryFn: ({ signal }) => api.get<{ items: SheetListItem[] }>(withQuery('/api/evaluation/queue', { cycleId }), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/evaluation/cycles: every opened cycle, newest first. */
export function useCycles() {
  return useQuery({
    queryKey: evaluationListKeys.cycles,
    queryFn: ({ signal }) => api.get<{ cycles: CycleSummary[] }>('/api/evaluation/cycles', { signal }),
  });
}

export function useOpenCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenCycleInput) => api.post<OpenCycleResult>('/api/evaluation/cycles', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}

export function useSyncCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cycleId: number) => api.post<SyncCycleResult>(`/api/evaluation/cycles/${cycleId}/sync`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}

/** One page of a cycle's sheets; the server filters and pages. */
export function useCycleSheets(cycleId: number | null, search: CycleSheetSearch) {
  return useQuery({
    queryKey: evaluationListKeys.cycleSheets(cycleId ?? 0, search),
    queryFn: ({ signal }) =>
      api.get<Paged<SheetListItem>>(
        withQuery(`/api/evaluation/cycles/${cycleId}/sheets`, {
          unitId: search.unitId,
          includeSubunits: search.unitId ? 'true' : undefined,
          state: search.state,
          q: search.q,
          page: search.page,
          pageSize: cycleSheetPageSize,
        }),
        { signal },
      ),
    enabled: cycleId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useReassignSheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sheetId, ...body }: ReassignInput & { sheetId: number }) => api.put<SheetView>(`/api/evaluation/sheets/${sheetId}/assignees`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}

/** The organisation today, for the unit selects (GET /api/org/units). */
export function useUnitsAsOf(asOf: string) {
  return useQuery({
    queryKey: evaluationListKeys.units(asOf),
    queryFn: ({ signal }) => api.get<UnitList>(withQuery('/api/org/units', { asOf }), { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useTeamGoals(cycleId: number | null, unitId: number | null) {
  return useQuery({
    queryKey: evaluationListKeys.teamGoals(cycleId ?? 0, unitId ?? 0),
    queryFn: ({ signal }) => api.get<TeamGoalList>(withQuery('/api/evaluation/team-goals', { cycleId, unitId }), { signal }),
    enabled: cycleId !== null && unitId !== null,
  });
}

function useInvalidateTeamGoals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['evaluation', 'team-goals'] });
}

export function useAddTeamGoal() {
  const invalidate = useInvalidateTeamGoals();
  return useMutation({
    mutationFn: ({ unitId, ...body }: TeamGoalInput) => api.post<TeamGoal>(`/api/evaluation/units/${unitId}/team-goals`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateTeamGoal() {
  const invalidate = useInvalidateTeamGoals();
  return useMutation({
    mutationFn: ({ unitId, id, ...body }: TeamGoalUpdate & { unitId: number; id: number }) =>
      api.put<TeamGoal>(`/api/evaluation/units/${unitId}/team-goals/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTeamGoal() {
  const invalidate = useInvalidateTeamGoals();
  return useMutation({
    mutationFn: ({ unitId, id, version }: { unitId: number; id: number; version: number }) =>
      api.delete<void>(withQuery(`/api/evaluation/units/${unitId}/team-goals/${id}`, { version })),
    onSuccess: invalidate,
  });
}

export function useEvaluationSettings() {
  return useQuery({
    queryKey: evaluationListKeys.settings,
    queryFn: ({ signal }) => api.get<EvaluationSettingsView>('/api/evaluation/settings', { signal }),
  });
}

export function useSaveEvaluationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationSettingsUpdate) => api.put<EvaluationSettingsView>('/api/evaluation/settings', body),
    onSuccess: (view) => {
      queryClient.setQueryData(evaluationListKeys.settings, view);
      void queryClient.invalidateQueries({ queryKey: evaluationListKeys.settings });
    },
  });
}

/** POST /api/evaluation/settings/reset: back to the defaults; 409 when someone saved since `updatedAt`. */
export function useResetEvaluationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (updatedAt: string | null) => api.post<EvaluationSettingsView>('/api/evaluation/settings/reset', { updatedAt }),
    onSuccess: (view) => {
      queryClient.setQueryData(evaluationListKeys.settings, view);
      void queryClient.invalidateQueries({ queryKey: evaluationListKeys.settings });
    },
  });
}
