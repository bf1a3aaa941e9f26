/**
 * The org area's server state: organisation, directory, profiles, relations, imports and exports
 * (the shapes of the org API contract), as TanStack Query hooks.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { AssignmentKind, CareerPhase, UnitEventKind, UnitKind } from '../../../domain/org/org-model.js';

export type UnitNode = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  /** 総務部 › 職員課 › 人事係 */
  path: string;
  isFrontline: boolean;
  expertiseField: string | null;
  authorisedHeadcount: number | null;
  memberCount: number;
};

export type UnitEventItem = {
  unitId: number;
  unitCode: string;
  unitName: string;
  kind: UnitEventKind;
  occurredOn: string;
  relatedUnitId: number | null;
  relatedUnitName: string | null;
  note: string | null;
};

export type PositionItem = { id: number; code: string; name: string; rank: number; level: string; levelLabel: string };

export type CareerEntry = {
  unitId: number;
  /** the unit's name at the time */
  unitName: string;
  unitPath: string | null;
  positionName: string | null;
  kind: AssignmentKind;
  dispatchTo: string | null;
  startsOn: string;
  endsOn: string | null;
  isFrontline: boolean;
};

export type UnitMember = {
  staffId: number;
  employeeNumber: string;
  name: string;
  kana: string;
  /** the unit of their regular post (a sub-unit when the page includes those) */
  unitId?: number;
  unitName?: string;
  positionName: string | null;
  employmentType: string;
  employmentTypeLabel: string;
  startsOn: string;
  yearsInUnit: number;
  hasFrontlineExperience: boolean;
  careerPhase: CareerPhase | null;
  career: CareerEntry[];
};

export type UnitDetail = {
  unit: UnitNode & { history: { name: string; startsOn: string; endsOn: string | null; parentName: string | null }[] };
  members: UnitMember[];
};

export type StaffListItem = {
  id: number;
  employeeNumber: string;
  name: string;
  kana: string;
  unitId: number | null;
  unitName: string | null;
  unitPath: string | null;
  positionName: string | null;
  employmentType: string;
  employmentTypeLabel: string;
  careerPhase: CareerPhase | null;
};

export type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };

export type StaffSearch = {
  q: string;
  unitId: string;
  includeSubunits: boolean;
  positionId: string;
  employmentType: string;
  careerPhase: string;
  page: number;
};

export type AssignmentSummary = {
  unitId: number;
  unitName: string;
  unitPath: string | null;
  positionName: string | null;
  startsOn: string;
  isFrontline: boolean;
};

export type StaffProfile = {
  staff: {
    id: number;
    employeeNumber: string;
    familyName: string;
    givenName: string;
    familyNameKana: string;
    givenNameKana: string;
    hireDate: string;
    employmentType: string;
    employmentTypeLabel: string;
    jobCategory: string | null;
    separatedOn: string | null;
    version: number;
    careerPhase: CareerPhase | null;
    careerPhaseReason: string | null;
  };
  protected: { birthDate: string | null; sex: string | null } | null;
  current: AssignmentSummary | null;
  concurrent: AssignmentSummary[];
  yearsInCurrentUnit: number | null;
  hasFrontlineExperience: boolean;
  qualifications: { name: string; acquiredOn: string | null }[];
  career: CareerEntry[];
  relations: { evaluator: { staffId: number; name: string } | null; confirmer: { staffId: number; name: string } | null };
};

export type StaffUpdate = {
  version: number;
  familyName?: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  jobCategory?: string | null;
  separatedOn?: string | null;
};

export type RelationItem = {
  id: number;
  kind: 'evaluator' | 'confirmer';
  subjectStaffId: number;
  subjectName: string;
  holderStaffId: number;
  holderName: string;
  source: 'rule' | 'manual';
  reason: string | null;
  startsOn: string;
  endsOn: string | null;
};

export type RelationInput = {
  kind: 'evaluator' | 'confirmer';
  subjectStaffId: number;
  holderStaffId: number;
  startsOn: string;
  endsOn: string | null;
  reason: string;
};

export type DeriveResult = { created: number; unresolved: { subjectStaffId: number; name: string; kind: string; reason: string }[] };

export type ImportKind = 'staff' | 'assignments';
export type ImportEncoding = 'utf-8' | 'shift_jis' | 'auto';
export type ImportPreview = {
  importId: number | string;
  kind: ImportKind;
  /** staff: add or update by employee number; assignments: replace the histories of the people in the file */
  mode?: 'upsert' | 'replace' | string;
  encoding: string;
  fileName?: string;
  totalRows: number;
  errorCount: number;
  errors: { line: number; column: string; code: string; message: string }[];
  /** the header as written in the file */
  header?: string[];
  sample: string[][];
  canCommit: boolean;
};

export type ExportTarget = 'staff' | 'assignments';
/** A character CP932 cannot hold, where the user will look for it: line of the CSV (header = 1) and 1-based column. */
export type Unencodable = {
  row: number;
  column: number | string;
  columnLabel?: string;
  employeeNumber?: string;
  char: string;
  codePoint: string | number;
};
/** `count` is exact; the list may be capped. */
export type UnencodableReport = { count?: number; unencodable: Unencodable[] };

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
    queryFn: ({ signal }) => api.get<{ asOf: string; units: UnitNode[] }>(withQuery('/api/org/units', { asOf }), { signal }),
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
    queryFn: ({ signal }) => api.get<UnitDetail>(withQuery(`/api/org/units/${id}`, { asOf, includeSubunits: String(includeSubunits) }), { signal }),
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
    mutationFn: (update: StaffUpdate) => api.patch<StaffProfile>(`/api/staff/${id}`, update),
    onSuccess: (profile) => {
      queryClient.setQueryData(orgKeys.staff(id), profile);
      void queryClient.invalidateQueries({ queryKey: ['staff', 'search'] });
    },
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
    mutationFn: (input: RelationInput) => api.post<{ id: number }>('/api/relations', input),
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

export function exportUrl(target: ExportTarget, format: 'csv' | 'xlsx', encoding: 'utf-8-bom' | 'cp932', replaceUnencodable: boolean): string {
  return withQuery(`/api/exports/${target}`, {
    format,
    encoding: format === 'csv' ? encoding : undefined,
    replaceUnencodable: format === 'csv' && encoding === 'cp932' ? String(replaceUnencodable) : undefined,
  });
}

export function checkExport(target: ExportTarget): Promise<UnencodableReport> {
  return api.get<UnencodableReport>(withQuery(`/api/exports/${target}/check`, { encoding: 'cp932' }));
}
