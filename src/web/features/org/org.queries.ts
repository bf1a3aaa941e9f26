/**
 * The org area's server state: organisation, directory, profiles, relations, imports and exports, as TanStack
 * Query hooks; the shapes of the answers are the org API contract (domain/org/org-api.ts).
 */
import type { LeaveInput, StaffLeave } from '../../../domain/org/leaves.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type {
  DeriveResult,
  ExportKind,
  ManualRelationInput,
  PositionItem,
  RelationItem,
  StaffListItem,
  StaffProfile,
  StaffUpdateInput,
  UnencodableReport,
  UnitEventItem,
  UnitList,
  UnitPage,
} from '../../../domain/org/org-api.js';
import type { Paged } from '../../../domain/common/paged.js';

export type StaffSearch = {
  q: string;
  unitId: string;
  includeSubunits: boolean;
  positionId: string;
  employmentType: string;
  careerPhase: string;
  page: number;
};

export type ImportEncoding = 'utf-8' | 'shift_jis' | 'auto';

export const orgKeys = {
  units: (asOf: string) => ['org', 'units', asOf] as const,
  events: ['org', 'events'] as const,
  positions: ['org', 'positions'] as const,
  unit: (id: number, asOf: string, includeSubunits: boolean) => ['org', 'unit', id, asOf, includeSubunits] as const,
  staffSearch: (search: StaffSearch) => ['staff', 'search', search] as const,
  staff: (id: number) => ['staff', 'profile', id] as const,
  relations: (staffId: number) => ['relations', staffId] as const,
};

export function useUnits(asOf: string) {
  return useQuery({
    queryKey: orgKeys.units(asOf),
    queryFn: ({ signal }) => api.get<UnitList>(withQuery('/api/org/units', { asOf }), { signal }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(asOf),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useUnitEvents() {
  return useQuery({
    queryKey: orgKeys.events,
    queryFn: ({ signal }) => api.get<{ events: UnitEventItem[] }>('/api/org/events', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePositions() {
  return useQuery({
    queryKey: orgKeys.positions,
    queryFn: ({ signal }) => api.get<{ positions: PositionItem[] }>('/api/org/positions', { signal }),
    staleTime: 30 * 60_000,
  });
}

/** A unit and its members; with `includeSubunits` the members of the 係 under a 課 (or 部) too. */
export function useUnit(id: number, asOf: string, includeSubunits: boolean) {
  return useQuery({
    queryKey: orgKeys.unit(id, asOf, includeSubunits),
    queryFn: ({ signal }) => api.get<UnitPage>(withQuery(`/api/org/units/${id}`, { asOf, includeSubunits: String(includeSubunits) }), { signal }),
    enabled: Number.isInteger(id) && id > 0,
    placeholderData: keepPreviousData,
  });
}

export const staffPageSize = 50;

/** One page of the directory: the server filters and pages, so 40,000 staff never reach the browser. */
export function useStaffSearch(search: StaffSearch) {
  return useQuery({
    queryKey: orgKeys.staffSearch(search),
    queryFn: ({ signal }) =>
      api.get<Paged<StaffListItem>>(
        withQuery('/api/staff', {
          q: search.q,
          unitId: search.unitId,
          includeSubunits: search.unitId ? String(search.includeSubunits) : undefined,
          positionId: search.positionId,
          employmentType: search.employmentType,
          careerPhase: search.careerPhase,
          page: search.page,
          pageSize: staffPageSize,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useStaffProfile(id: number | null) {
  return useQuery({
    queryKey: orgKeys.staff(id ?? 0),
    queryFn: ({ signal }) => api.get<StaffProfile>(`/api/staff/${id}`, { signal }),
    enabled: id !== null && Number.isInteger(id) && id > 0,
  });
}

export function useUpdateStaff(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: StaffUpdateInput) => api.patch<StaffProfile>(`/api/staff/${id}`, update),
    onSuccess: (profile) => {
      queryClient.setQueryData(orgKeys.staff(id), profile);
      void queryClient.invalidateQueries({ queryKey: ['staff', 'search'] });
    },
  });
}

/** 休業・休職 on a staff record: add, correct (id) or remove; the profile is read again afterwards. */
export function useSaveLeave(staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, leave }: { id: number | null; leave: LeaveInput }) =>
      id === null ? api.post<StaffLeave>(`/api/staff/${staffId}/leaves`, leave) : api.put<StaffLeave>(`/api/staff/${staffId}/leaves/${id}`, leave),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.staff(staffId) }),
  });
}

export function useRemoveLeave(staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/api/staff/${staffId}/leaves/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.staff(staffId) }),
  });
}

export function useRelations(staffId: number | null) {
  return useQuery({
    queryKey: orgKeys.relations(staffId ?? 0),
    queryFn: ({ signal }) => api.get<{ relations: RelationItem[] }>(withQuery('/api/relations', { staffId }), { signal }),
    enabled: staffId !== null,
  });
}

export function useAddRelation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ManualRelationInput) => api.post<{ id: number }>('/api/relations', input),
    onSuccess: (_r, input) => {
      void queryClient.invalidateQueries({ queryKey: ['relations'] });
      void queryClient.invalidateQueries({ queryKey: orgKeys.staff(input.subjectStaffId) });
    },
  });
}

export function useDeleteRelation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/api/relations/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['relations'] }),
  });
}

export function useDeriveRelations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (asOf: string) => api.post<DeriveResult>('/api/relations/derive', { asOf }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['relations'] }),
  });
}

export function exportUrl(target: ExportKind, format: 'csv' | 'xlsx', encoding: 'utf-8-bom' | 'cp932', replaceUnencodable: boolean): string {
  return withQuery(`/api/exports/${target}`, {
    format,
    encoding: format === 'csv' ? encoding : undefined,
    replaceUnencodable: format === 'csv' && encoding === 'cp932' ? String(replaceUnencodable) : undefined,
  });
}

export function checkExport(target: ExportKind): Promise<UnencodableReport> {
  return api.get<UnencodableReport>(withQuery(`/api/exports/${target}/check`, { encoding: 'cp932' }));
}
