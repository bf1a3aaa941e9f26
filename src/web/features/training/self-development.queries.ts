/** 自己啓発 and 自主研修グループ server state. Every change refreshes the whole training area. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import type {
  ReviewAction,
  SelfDevelopmentInput,
  SelfDevelopmentList,
  SelfDevelopmentRecord,
  StudyGroupActivityInput,
  StudyGroupDetail,
  StudyGroupInput,
  StudyGroupList,
} from '../../../domain/training/self-development.js';
import { trainingKeys } from './training.queries.js';

const keys = {
  mine: ['training', 'self-development', 'mine'] as const,
  pending: ['training', 'self-development', 'pending'] as const,
  groups: ['training', 'study-groups'] as const,
  group: (id: number) => ['training', 'study-groups', id] as const,
};

export const useMySelfDevelopment = () => useQuery({ queryKey: keys.mine, queryFn: ({ signal }) => api.get<SelfDevelopmentList>('/api/training/self-development/mine', { signal }) });
export const usePendingSelfDevelopment = () =>
  useQuery({ queryKey: keys.pending, queryFn: ({ signal }) => api.get<SelfDevelopmentList>('/api/training/self-development/pending', { signal }) });
export const useStudyGroups = () => useQuery({ queryKey: keys.groups, queryFn: ({ signal }) => api.get<StudyGroupList>('/api/training/study-groups', { signal }) });
export const useStudyGroup = (id: number | null) =>
  useQuery({ queryKey: keys.group(id ?? 0), queryFn: ({ signal }) => api.get<StudyGroupDetail>(`/api/training/study-groups/${id}`, { signal }), enabled: id !== null });

function useTrainingMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useSaveSelfDevelopment = () =>
  useTrainingMutation((input: SelfDevelopmentInput & { id: number | null; version: number }) => {
    const { id, version, ...body } = input;
    return id === null
      ? api.post<SelfDevelopmentRecord>('/api/training/self-development', body)
      : api.put<SelfDevelopmentRecord>(`/api/training/self-development/${id}`, { ...body, version });
  });
export const useDeleteSelfDevelopment = () =>
  useTrainingMutation((r: { id: number; version: number }) => api.delete<void>(`/api/training/self-development/${r.id}?version=${r.version}`));
export const useReviewSelfDevelopment = () =>
  useTrainingMutation((r: { staffId: number; id: number; action: ReviewAction; version: number; comment: string }) =>
    api.post<SelfDevelopmentRecord>(`/api/training/staff/${r.staffId}/self-development/${r.id}/${r.action}`, { version: r.version, comment: r.comment }),
  );
export const useCreateStudyGroup = () => useTrainingMutation((input: StudyGroupInput) => api.post<StudyGroupDetail>('/api/training/study-groups', input));
export const useAddStudyGroupMember = (groupId: number) =>
  useTrainingMutation((who: { staffId: number } | { employeeNumber: string }) => api.post<StudyGroupDetail>(`/api/training/study-groups/${groupId}/members`, who));
export const useRecordStudyGroupActivity = (groupId: number) =>
  useTrainingMutation((input: StudyGroupActivityInput) => api.post<StudyGroupDetail>(`/api/training/study-groups/${groupId}/activities`, input));
export const useRecordActivityAsSelfDevelopment = (groupId: number) =>
  useTrainingMutation((activityId: number) => api.post<SelfDevelopmentRecord>(`/api/training/study-groups/${groupId}/activities/${activityId}/self-development`));
