/** 異動案: the server state of /placement/plans, /placement/plans/:id and /placement/plans/compare. */
import type { OptimiserRunView } from '../../../domain/placement/optimiser-api.js';
import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { UnencodableReport } from '../../../domain/org/org-api.js';
import type {
  AddConstraintInput,
  AddMoveInput,
  PlanChoices,
  PlanComparison,
  PlanDetail,
  PlanEvaluationView,
  PlanList,
  PlanView,
  UpdateMoveInput,
} from '../../../domain/placement/plans-api.js';

export const plansKeys = {
  all: ['placement', 'plans'] as const,
  list: (includeArchived: boolean) => ['placement', 'plans', 'list', includeArchived] as const,
  plan: (id: number) => ['placement', 'plans', 'plan', id] as const,
  evaluation: (id: number) => ['placement', 'plans', 'evaluation', id] as const,
  choices: (id: number) => ['placement', 'plans', 'choices', id] as const,
  compare: (a: number, b: number) => ['placement', 'plans', 'compare', a, b] as const,
  run: (id: number) => ['placement', 'optimiser-runs', id] as const,
};

export const usePlans = (includeArchived: boolean) =>
  useQuery({
    queryKey: plansKeys.list(includeArchived),
    queryFn: ({ signal }) => api.get<PlanList>(withQuery('/api/placement/plans', { includeArchived: includeArchived ? 'true' : undefined }), { signal }),
    placeholderData: keepPreviousData,
  });

export const usePlan = (id: number) =>
  useQuery({ queryKey: plansKeys.plan(id), queryFn: ({ signal }) => api.get<PlanDetail>(`/api/placement/plans/${id}`, { signal }), enabled: id > 0 });

export const usePlanEvaluation = (id: number) =>
  useQuery({
    queryKey: plansKeys.evaluation(id),
    queryFn: ({ signal }) => api.get<PlanEvaluationView>(`/api/placement/plans/${id}/evaluation`, { signal }),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });

export const usePlanChoices = (id: number) =>
  useQuery({
    queryKey: plansKeys.choices(id),
    queryFn: ({ signal }) => api.get<PlanChoices>(`/api/placement/plans/${id}/choices`, { signal }),
    enabled: id > 0,
    staleTime: 5 * 60_000,
  });

export const usePlanComparison = (a: number, b: number) =>
  useQuery({
    queryKey: plansKeys.compare(a, b),
    queryFn: ({ signal }) => api.get<PlanComparison>(withQuery('/api/placement/plans/compare', { a, b }), { signal }),
    enabled: a > 0 && b > 0,
  });

/** Every plan mutation changes the plan, its evaluation and the list: refresh them all. */
function usePlanMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKeys.all }) });
}

export const useCreatePlan = () => usePlanMutation((input: { name: string; effectiveDate?: string }) => api.post<PlanView>('/api/placement/plans', input));
export const useCopyPlan = () => usePlanMutation((input: { id: number; name: string }) => api.post<PlanView>(`/api/placement/plans/${input.id}/copy`, { name: input.name }));
export const useRenamePlan = () =>
  usePlanMutation((input: { id: number; version: number; name: string; note: string }) =>
    api.put<PlanView>(`/api/placement/plans/${input.id}`, { version: input.version, name: input.name, note: input.note }),
  );
/** archive, approve, reopen, apply, undo-apply (適用の取り消し): a step of the plan with its version. */
export const usePlanStep = () =>
  usePlanMutation((input: { id: number; version: number; step: 'archive' | 'approve' | 'reopen' | 'apply' | 'undo-apply' }) =>
    api.post<unknown>(`/api/placement/plans/${input.id}/${input.step}`, { version: input.version }),
  );
export const useAddMove = (planId: number) => usePlanMutation((input: AddMoveInput) => api.post<PlanDetail>(`/api/placement/plans/${planId}/moves`, input));
export const useUpdateMove = (planId: number) =>
  usePlanMutation(({ moveId, ...input }: UpdateMoveInput & { moveId: number }) => api.put<PlanDetail>(`/api/placement/plans/${planId}/moves/${moveId}`, input));
export const useRemoveMove = (planId: number) =>
  usePlanMutation((input: { moveId: number; version: number }) => api.delete<PlanDetail>(withQuery(`/api/placement/plans/${planId}/moves/${input.moveId}`, { version: input.version })));
export const useAddConstraint = (planId: number) =>
  usePlanMutation((input: AddConstraintInput) => api.post<PlanDetail>(`/api/placement/plans/${planId}/constraints`, input));
export const useRemoveConstraint = (planId: number) =>
  usePlanMutation((input: { constraintId: number; version: number }) =>
    api.delete<PlanDetail>(withQuery(`/api/placement/plans/${planId}/constraints/${input.constraintId}`, { version: input.version })),
  );

export type CsvEncoding = 'utf-8-bom' | 'cp932';

export function planExportUrl(id: number, format: 'xlsx' | 'csv', encoding: CsvEncoding, replaceUnencodable: boolean): string {
  return withQuery(`/api/placement/plans/${id}/export`, {
    format,
    encoding: format === 'csv' ? encoding : undefined,
    replaceUnencodable: format === 'csv' && encoding === 'cp932' && replaceUnencodable ? 'true' : undefined,
  });
}

export const checkPlanExport = (id: number) => api.get<UnencodableReport>(withQuery(`/api/placement/plans/${id}/export/check`, { encoding: 'cp932' }));

export type { OptimiserRunView };

export const startOptimiserRun = (planId: number) => api.post<{ run: OptimiserRunView }>(`/api/placement/plans/${planId}/optimiser-runs`, {});
export const useAdoptRun = () =>
  usePlanMutation((input: { runId: number; planVersion: number }) => api.post<unknown>(`/api/placement/optimiser-runs/${input.runId}/adopt`, { planVersion: input.planVersion }));

/** Polls a run every ~700 ms until it is done or failed. */
export function useOptimiserRun(runId: number | null) {
  const [stopped, setStopped] = useState(false);
  useEffect(() => setStopped(false), [runId]);
  const query = useQuery({
    queryKey: plansKeys.run(runId ?? 0),
    queryFn: ({ signal }) => api.get<{ run: OptimiserRunView }>(`/api/placement/optimiser-runs/${runId}`, { signal }),
    enabled: runId !== null,
    refetchInterval: stopped ? false : 700,
  });
  const status = query.data?.run.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') setStopped(true);
  }, [status]);
  return query;
}
