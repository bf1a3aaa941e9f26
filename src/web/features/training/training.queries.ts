/**
 * The training catalog and annual plan's server state (/api/training): courses, the policy-catalog import, the
 * sessions of a 年度 and each session's must-attend list, as TanStack Query hooks.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery } from '../../app/api-client.js';
import type { Course, CourseCategory } from '../../../domain/training/training-model.js';
import type {
  AnnualPlan,
  CourseList,
  CourseUpdate,
  CourseView,
  PlanSession,
  PolicyCatalogImport,
  SessionInput,
  SessionTargets,
  SessionUpdate,
  TenureBandsUpdate,
  TenureBandsView,
} from '../../../domain/training/training-api.js';

export const trainingKeys = {
  all: ['training'] as const,
  courses: (category: CourseCategory | null) => ['training', 'courses', category] as const,
  plan: (fiscalYear: number) => ['training', 'plan', fiscalYear] as const,
  targets: (sessionId: number, page: number) => ['training', 'targets', sessionId, page] as const,
  tenureBands: ['training', 'tenure-bands'] as const,
};

export function isStaleSave(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'common.conflict';
}

/** Reloads every list of the area (after a save was refused as stale). */
export function useReloadTraining(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
}

export function useCourses(category: CourseCategory | null) {
  return useQuery({
    queryKey: trainingKeys.courses(category),
    queryFn: ({ signal }) => api.get<CourseList>(withQuery('/api/training/courses', { category }), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Any change to the catalog or the plan may change every list: all of the area's queries are refreshed. */
function useTrainingMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useImportPolicyCatalog = () =>
  useTrainingMutation((_: void) => api.post<PolicyCatalogImport>('/api/training/courses/import-policy-catalog'));
export const useCreateCourse = () => useTrainingMutation((course: Course) => api.post<CourseView>('/api/training/courses', course));
export const useUpdateCourse = () =>
  useTrainingMutation(({ id, ...body }: CourseUpdate & { id: number }) => api.put<CourseView>(`/api/training/courses/${id}`, body));
export const useDeactivateCourse = () =>
  useTrainingMutation(({ id, version }: { id: number; version: number }) =>
    api.delete<CourseView>(withQuery(`/api/training/courses/${id}`, { version })),
  );

export function useAnnualPlan(fiscalYear: number) {
  return useQuery({
    queryKey: trainingKeys.plan(fiscalYear),
    queryFn: ({ signal }) => api.get<AnnualPlan>(`/api/training/plans/${fiscalYear}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSessionTargets(sessionId: number | null, page: number) {
  return useQuery({
    queryKey: trainingKeys.targets(sessionId ?? 0, page),
    queryFn: ({ signal }) => api.get<SessionTargets>(withQuery(`/api/training/sessions/${sessionId}/targets`, { page }), { signal }),
    enabled: sessionId !== null,
    placeholderData: keepPreviousData,
  });
}

export const useCreateSession = () => useTrainingMutation((input: SessionInput) => api.post<PlanSession>('/api/training/sessions', input));
export const useUpdateSession = () =>
  useTrainingMutation(({ id, ...body }: SessionUpdate & { id: number }) => api.put<PlanSession>(`/api/training/sessions/${id}`, body));
export const useRemoveSession = () =>
  useTrainingMutation(({ id, version }: { id: number; version: number }) => api.delete<void>(withQuery(`/api/training/sessions/${id}`, { version })));

export function useTenureBands() {
  return useQuery({ queryKey: trainingKeys.tenureBands, queryFn: ({ signal }) => api.get<TenureBandsView>('/api/training/tenure-bands', { signal }) });
}

/** The lists and counts depend on the bands: the whole area is refreshed after a save. */
export const useSaveTenureBands = () => useTrainingMutation((body: TenureBandsUpdate) => api.put<TenureBandsView>('/api/training/tenure-bands', body));
