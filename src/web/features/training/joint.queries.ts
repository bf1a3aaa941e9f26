/**
 * 合同研修 (joint training) server state: the participants of co-host municipalities on a session, their changes,
 * and the roster CSV (download URL, the Shift_JIS check, the upload of the co-host's file).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile, withQuery } from '../../app/api-client.js';
import type { UnencodableReport } from '../../../domain/org/org-api.js';
import type {
  ExternalParticipantInput,
  ExternalParticipantUpdate,
  ExternalParticipantView,
  JointParticipants,
  RosterImportResult,
} from '../../../domain/training/joint-roster.js';
import { trainingKeys } from './training.queries.js';

export const jointKeys = { participants: (sessionId: number) => ['training', 'joint', sessionId] as const };

export const useJointParticipants = (sessionId: number) =>
  useQuery({
    queryKey: jointKeys.participants(sessionId),
    queryFn: ({ signal }) => api.get<JointParticipants>(`/api/training/sessions/${sessionId}/external-participants`, { signal }),
  });

function useJointMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useAddExternalParticipant = (sessionId: number) =>
  useJointMutation((input: ExternalParticipantInput) => api.post<ExternalParticipantView>(`/api/training/sessions/${sessionId}/external-participants`, input));
export const useUpdateExternalParticipant = () =>
  useJointMutation(({ id, ...body }: ExternalParticipantUpdate & { id: number }) => api.put<ExternalParticipantView>(`/api/training/external-participants/${id}`, body));
export const useImportRoster = (sessionId: number) =>
  useJointMutation(({ file, encoding }: { file: File; encoding: 'utf-8' | 'shift_jis' }) =>
    uploadFile<RosterImportResult>(withQuery(`/api/training/sessions/${sessionId}/roster-import`, { encoding }), file, () => undefined),
  );

export const rosterUrl = (sessionId: number, encoding: 'utf-8-bom' | 'cp932', replaceUnencodable: boolean) =>
  withQuery(`/api/training/sessions/${sessionId}/roster.csv`, { encoding, replaceUnencodable: replaceUnencodable ? 'true' : undefined });
export const checkRoster = (sessionId: number) => api.get<UnencodableReport>(withQuery(`/api/training/sessions/${sessionId}/roster-check`, { encoding: 'cp932' }));
